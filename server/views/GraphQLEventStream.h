#pragma once

#include <any>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#include "HttpHandler.h"

namespace mt::api {
class GraphQLEngine;
struct GraphQLRequest;
}  // namespace mt::api

namespace mt::views {

struct GraphQLViewOptions;
struct GraphQLHttpContext;

// Bounds of one event stream (a subscription answered over Server-Sent Events).
struct EventStreamLimits {
  // A `: keep-alive` comment after this long without an event, so that proxies and
  // clients see the stream is alive.
  std::chrono::milliseconds keepAliveInterval{15'000};
  // A subscriber whose connection has this much output waiting (it is not reading)
  // is dropped with a final error event: the server's memory does not grow for it.
  std::size_t maxQueuedBytes = 256 * 1024;
  // The kernel's send buffer for an event stream's socket (see
  // http::StreamOptions::socketSendBuffer): what a stalled reader can pin in the kernel.
  std::size_t socketSendBuffer = 64 * 1024;
  // Events waiting to be executed for one subscriber; past it the subscriber is
  // dropped the same way (the server cannot keep up with it).
  std::size_t maxPendingEvents = 256;
};

// Answers one GraphQL request over text/event-stream, the graphql-sse protocol's
// distinct connections mode: a subscription gets an `event: next` per event (the
// execution result as data) until the client leaves, the server shuts down (then
// `event: complete`), or the subscriber is too slow (a `next` with the error
// SLOW_CONSUMER, then `complete`). A query or mutation gets one `next` and
// `complete`. A request that does not parse or validate is answered 400 as JSON, as
// the protocol says; one that fails to start (not logged in) gets its errors as the
// only `next`.
//
// Runs on a worker (preparing may block). The stream itself then lives on the
// connection's event loop; each event's execution runs on `options.submitEventWork`,
// one at a time per subscriber, so events reach each subscriber in the order the
// source emitted them.
void answerOverEventStream(const std::shared_ptr<const api::GraphQLEngine>& engine,
                           const std::shared_ptr<const GraphQLViewOptions>& options,
                           const api::GraphQLRequest& request,
                           const GraphQLHttpContext& httpContext, bool isGet,
                           const http::Responder& responder);

}  // namespace mt::views
