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
