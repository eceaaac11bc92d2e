#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "HttpRequest.h"
#include "HttpResponse.h"

namespace mt::http {

// How a long-lived streamed response (server-sent events) is kept in bounds. The
// protocol applies these on the loop thread; the tails are the stream's own last words
// (an SSE `complete` event, a final error), written before the chunked body ends.
struct StreamOptions {
  // Output queued on the connection (written by the stream, not yet taken by the
  // kernel) beyond which the client counts as too slow: the stream is dropped,
  // `overflowTail` written as its last bytes, and the connection closed once that is
  // written. Checked after each write, counting that write, so keep it well above
  // the largest single write. 0: no limit.
  std::size_t maxQueuedBytes = 0;
  std::string overflowTail;
  // The kernel send buffer of the stream's connection (0: the kernel's own, which
  // grows to megabytes): with it a reader that stopped reading is seen after about
  // this many bytes plus maxQueuedBytes, and pins no more kernel memory than that.
  std::size_t socketSendBuffer = 0;
  // Written as the last bytes when the server shuts down gracefully.
  std::string shutdownTail;
  // `keepAlive` is written whenever this long has passed with nothing written, so
  // that proxies and clients see a live stream (an SSE comment). 0: never.
  std::chrono::milliseconds keepAliveInterval{0};
  std::string keepAlive;
};

// Why a stream is over.
enum class StreamEnd {
  Ended,       // end() was called
  ClientGone,  // the connection closed (peer reset or EOF, timeout, forced close)
  Overflow,    // the client did not read fast enough (StreamOptions::maxQueuedBytes)
  Shutdown,    // the server is shutting down
};

// Runs once per stream when it is over, on the connection's loop thread (or, when the
// connection was already gone as the stream started, on the thread that started it).
// It must be quick and must not throw. A stream from a Responder that had already
// answered goes nowhere and is told ClientGone at once.
using StreamFinished = std::function<void(StreamEnd)>;

// Where a handler's answer goes: the HTTP protocol of one connection, or a test.
class ResponseSink {
 public:
  virtual ~ResponseSink() = default;
  // Thread affinity: any thread. `seq` is the request's place on its connection;
  // responses are written in seq order whatever order they are delivered in.
  virtual void deliver(std::uint64_t seq, HttpResponse&& response) = 0;
  // Thread affinity: the connection's loop thread. Runs `work` on the worker pool;
  // false when the pool is full (the caller then answers 503 itself).
  virtual bool runBlocking(std::function<void()> work) = 0;

  // A streamed response (server-sent events): its head, then pieces of body, then
  // its end. Thread affinity: any thread; delivered in the order called. The sink
  // calls `finished` exactly once, even if the stream never reaches the connection.
  virtual void startStream(std::uint64_t seq, HttpResponse&& head, StreamOptions options,
                           StreamFinished finished) = 0;
  virtual void writeStream(std::uint64_t seq, std::string&& data) = 0;
  virtual void endStream(std::uint64_t seq) = 0;
};

// A response body written piece by piece over time (chunked on HTTP/1.1). Copies
// share one stream. Writes after end(), or after the client has gone, are dropped;
// open() says which.
//
// Thread affinity: any thread.
class ResponseStream {
 public:
  ResponseStream() = default;

  void write(std::string data) const;
  void end() const;
  // False once the stream is over for any reason (ended, client gone, overflow,
  // shutdown), or once the connection has gone away.
  bool open() const;

 private:
  friend class Responder;
  struct State;
  explicit ResponseStream(std::shared_ptr<State> state) : state_(std::move(state)) {}
  std::shared_ptr<State> state_;
};

// The right (and duty) to answer one request. Cheap to copy, so it can be captured
// by work sent to the worker pool; the first send() wins and later ones are ignored.
// If every copy is dropped without a send(), the request is answered 500, so a
// forgotten code path never leaves a client hanging.
//
// Thread affinity: send() from any thread; runBlocking() on the loop thread only.
class Responder {
 public:
  Responder(std::weak_ptr<ResponseSink> sink, std::uint64_t seq);

  void send(HttpResponse&& response) const;
  // Answers with `head` and a body that follows over time through the stream.
  // Content-Length is not sent; HEAD requests get the head only. `finished` (may be
  // empty) is told once when the stream is over, whatever ended it.
  ResponseStream stream(HttpResponse&& head, StreamOptions options = {},
                        StreamFinished finished = {}) const;
  bool sent() const;
  bool runBlocking(std::function<void()> work) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

// What the HTTP protocol calls for every complete request: the application's
// entry point (L3's router implements it).
//
// Thread affinity: handle() runs on the connection's loop thread and must not block.
// `request` and its views are valid only during the call.
class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  virtual void handle(const HttpRequest& request, Responder responder) = 0;
};

}  // namespace mt::http
