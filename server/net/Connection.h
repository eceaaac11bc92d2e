#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "Buffer.h"
#include "EventLoop.h"
#include "OutputQueue.h"
#include "Protocol.h"
#include "SocketAddress.h"
#include "Timer.h"

namespace mt::net {

class EventLoop;
class ConnectionOwner;

// One accepted TCP connection: its socket, input buffer, output queue and protocol
// instance. Owned by a shared_ptr in its loop's connection table; anything that
// outlives a callback (worker completions, timers) holds a weak_ptr instead.
//
// Thread affinity: every method is loop-thread only unless it says otherwise.
class Connection final : public IoHandler, public std::enable_shared_from_this<Connection> {
 public:
  struct Limits {
    // Reading pauses when this much output is queued, resumes below lowWater.
    std::size_t outputHighWater = 1 << 20;
    std::size_t outputLowWater = 256 << 10;
    // Closed after this long with no bytes either way while the protocol is not busy.
    std::chrono::milliseconds idleTimeout{60'000};
  };

  Connection(EventLoop& loop, ConnectionOwner& owner, int fd, std::uint64_t id, SocketAddress peer,
             Limits limits);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Called by the owner once the connection is in its table.
  void start(std::unique_ptr<Protocol> protocol);

  // --- sending (output is flushed when the current callback returns) -------------
  void send(std::string_view bytes);
  void send(std::string&& bytes);
  // Sends `length` bytes of an open file from `offset` with sendfile(2).
  void sendFile(std::shared_ptr<const FileDescriptor> file, off_t offset, std::size_t length);
  std::size_t pendingOutputBytes() const { return output_.bytes(); }
  // Fixes the kernel's send buffer for this socket (SO_SNDBUF; Linux doubles it and
  // stops growing it by itself). For long-lived streams: it bounds the kernel memory a
  // reader that stopped reading can pin, and lets the protocol see that reader sooner.
  void setSendBufferSize(std::size_t bytes);
  bool aboveHighWater() const { return output_.bytes() >= limits_.outputHighWater; }

  // --- closing ----------------------------------------------------------------------
  // Closes once everything queued has been written ("Connection: close").
  void closeAfterWrite();
  // Closes once the protocol is no longer busy() and its output is written.
  void closeWhenIdle();
  // Closes now, dropping queued output.
  void close();
  bool closing() const { return closeAfterWrite_ || state_ != State::Open; }

  // --- input flow -----------------------------------------------------------------
  // A protocol that has enough requests in flight stops reading; bytes stay in the
  // kernel and TCP flow control slows the peer.
  void pauseReading();
  void resumeReading();

  // --- time and work ----------------------------------------------------------------
  // A timer that does nothing if the connection has gone away by the time it fires.
  TimerId runAfter(std::chrono::milliseconds delay, std::function<void()> task);
  void cancelTimer(TimerId id);

  // Runs `work` on the worker pool, then `done` on this connection's loop if the
  // connection still exists. Returns false, running neither, when the pool's queue is
  // full: the protocol answers "busy" (HTTP 503) instead of queueing without bound.
  bool runBlocking(std::function<void()> work, std::function<void()> done);

  EventLoop& loop() const { return loop_; }
  std::uint64_t id() const { return id_; }
  const SocketAddress& peer() const { return peer_; }
  std::uint64_t bytesReceived() const { return bytesReceived_; }
  std::uint64_t bytesSent() const { return bytesSent_; }

  // Called by the event loop.
  void handleEvents(std::uint32_t events) override;
  // Called by the owner at graceful shutdown.
  void beginShutdown();

 private:
  enum class State { Open, Closed };
  friend void postToConnection(const std::weak_ptr<Connection>&, EventLoop&,
                               std::function<void(Connection&)>);

  void handleRead();
  void handleWrite();
  void flush();
  void updateInterest();
  void armIdleTimer();
  void onIdleTimer();
  void finishClose();
  void startLingeringClose();
  // Runs a protocol callback, then sends what it queued.
  template <typename F>
  void dispatch(F&& callback);

  EventLoop& loop_;
  ConnectionOwner& owner_;  // non-owning: the owner outlives every connection it holds
  int fd_;
  std::uint64_t id_;
  SocketAddress peer_;
  Limits limits_;
  State state_ = State::Open;
  std::unique_ptr<Protocol> protocol_;
  Buffer input_;
  OutputQueue output_;
  bool readingPaused_ = false;
  bool pausedForBackPressure_ = false;
  bool closeAfterWrite_ = false;
  bool lingering_ = false;
  bool peerClosed_ = false;
  bool redeliverInput_ = false;
  bool closeWhenIdle_ = false;
  bool inCallback_ = false;
  bool watchingWrite_ = false;
  std::uint32_t interest_ = 0;
  std::chrono::steady_clock::time_point lastActivity_;
  TimerId idleTimer_ = 0;
  std::uint64_t bytesReceived_ = 0;
  std::uint64_t bytesSent_ = 0;
};

// Safe from any thread: runs `task` on `loop` (the connection's) if the connection is
// still open by then, and sends whatever the task queued. The weak_ptr is only
// locked on the loop thread, so the last reference never drops on a worker.
void postToConnection(const std::weak_ptr<Connection>& conn, EventLoop& loop,
                      std::function<void(Connection&)> task);

// What a connection reports back to whoever holds it (the server's per-loop table).
class ConnectionOwner {
 public:
  virtual ~ConnectionOwner() = default;
  virtual void onConnectionClosed(Connection& conn) = 0;
  virtual bool submitBlocking(std::function<void()> work) = 0;
};

}  // namespace mt::net
