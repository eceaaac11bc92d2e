#pragma once

#include <memory>
#include <string>

namespace mt::net {

class Buffer;
class Connection;

// What the server core runs on a connection. One instance per connection, created
// by a ProtocolFactory when the connection is accepted and destroyed with it. The
// core knows nothing about what the bytes mean: it hands input to onData() and
// sends only what the protocol hands back through Connection::send().
//
// Thread affinity: every method is called on the connection's loop thread.
class Protocol {
 public:
  virtual ~Protocol() = default;

  // Bytes arrived. Consume what is understood with input.retrieve(n); bytes left in
  // the buffer are offered again, with whatever arrives next.
  virtual void onData(Connection& conn, Buffer& input) = 0;

  // The output queue drained below the low-water mark after reading had been paused
  // for back-pressure. Streaming protocols resume producing here; input left in
  // the buffer is offered to onData() again right after.
  virtual void onWriteDrained(Connection& /*conn*/) {}

  // The peer half-closed (read EOF). The default closes once pending output is sent.
  virtual void onPeerClosed(Connection& conn);

  // The server is shutting down gracefully: finish what is in flight, then close.
  // The default closes once busy() is false and pending output is sent.
  virtual void onShutdown(Connection& conn);

  // True while the protocol owes the peer something (a request in flight). An idle
  // timeout never closes a busy connection.
  virtual bool busy() const { return false; }

  // Called once, just before the connection goes away (peer reset, close(),
  // timeout or shutdown). The connection must not be used after this returns.
  virtual void onClose(Connection& /*conn*/) {}
};

class ProtocolFactory {
 public:
  virtual ~ProtocolFactory() = default;

  // Thread affinity: called on the loop thread that owns `conn`.
  virtual std::unique_ptr<Protocol> create(Connection& conn) = 0;

  // Bytes written, best effort, to a connection refused because the server is at its
  // connection limit (HTTP: a 503). Empty means just close.
  // Thread affinity: called on any loop thread, concurrently.
  virtual std::string refusal() const { return {}; }
};

}  // namespace mt::net
