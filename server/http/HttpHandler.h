#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "HttpRequest.h"
#include "HttpResponse.h"

namespace mt::http {

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
  // its end. Thread affinity: any thread; delivered in the order called.
  virtual void startStream(std::uint64_t seq, HttpResponse&& head) = 0;
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
  // False once ended, or once the connection has gone away.
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
  // Content-Length is not sent; HEAD requests get the head only.
  ResponseStream stream(HttpResponse&& head) const;
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
