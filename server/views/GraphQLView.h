#pragma once

#include <any>
#include <functional>
#include <memory>
#include <string>

#include "GraphQLEventStream.h"
#include "HttpResponse.h"
#include "View.h"

namespace mt::api {
class GraphQLEngine;
struct ExecutionResult;
}  // namespace mt::api

namespace mt::views {

// What the API view keeps of the HTTP request for building a resolver context, copied
// on the loop thread because the request's views die there.
struct GraphQLHttpContext {
  std::string authorization;  // the Authorization header, if any
  std::string cookie;         // the Cookie header, if any
};

struct GraphQLViewOptions {
  // Makes the per-request context resolvers receive (the authenticated user, database
  // access). Runs on the worker thread. Default: an empty std::any.
  std::function<std::any(const GraphQLHttpContext&)> makeContext;
  // Adjusts the response of an executed request before it is sent, on the worker
  // thread: headers the resolvers asked for (a session cookie), or a status that says
  // more than the GraphQL one (503 when the database is down). Default: nothing.
  std::function<void(std::any& context, const api::ExecutionResult& result,
                     http::HttpResponse& response)>
      finishResponse;

  // ---- subscriptions, over Server-Sent Events -------------------------------------
  // Runs one event's execution on a thread that may block; false when it cannot take
  // more work (that subscriber is then dropped with an error). Unset: each event runs
  // on the thread that emitted it.
  std::function<bool(std::function<void()>)> submitEventWork;
  // The context one event is executed with, made from the subscription's: the same
  // user, but nothing cached from earlier events. Default: the subscription's own.
  std::function<std::any(const std::any& subscriptionContext)> makeEventContext;
  EventStreamLimits eventStream;
};

// The GraphQL-over-HTTP endpoint (`/api`, `/graphql`): GET and POST per the
// GraphQL-over-HTTP specification, answering `application/graphql-response+json` or
// `application/json` by the Accept header, with that specification's status codes.
// A request that accepts only `text/event-stream` (or prefers it) is answered over
// Server-Sent Events (GraphQLEventStream.h): that is how subscriptions are delivered.
// Parsing, validation and execution run on the worker pool, never on an event loop.
View graphqlView(std::shared_ptr<const api::GraphQLEngine> engine, GraphQLViewOptions options = {});

}  // namespace mt::views
