#pragma once

#include <memory>
#include <string_view>

#include "ExecutionResult.h"
#include "Executor.h"
#include "Resolved.h"

namespace mt::api {

// Subscriptions, as the spec's Subscribe (CreateSourceEventStream, then
// MapSourceToResponseEvent), split so that a transport owns the loop between them:
//
//   SubscriptionStart start = createSourceEventStream(args, [&](Resolved payload) {
//     queue(payload);  // later, on a thread that may block:
//   });
//   ExecutionResult next = executeSubscriptionEvent(args, payload);  // for each event
//
// The transport keeps `start.stream` alive as long as it wants events and destroys it
// to unsubscribe.

struct SubscriptionStart {
  // Null when the subscription could not start; `errors` then says why.
  std::unique_ptr<SourceEventStream> stream;
  // Request errors (no such operation, not a subscription, invalid variables) and the
  // errors the subscribe resolver threw (with the root field's path and location). No
  // data: a transport sends this as the only result.
  ExecutionResult errors;
};

// Runs the subscribe resolver of the operation's one root field (the document passed
// validation: SingleFieldSubscriptionsRule). `onEvent` is handed to it as
// SubscribeParams::emit. Runs on the calling thread; the resolver may block.
SubscriptionStart createSourceEventStream(const ExecutionArgs& args, EventCallback onEvent);

// Executes the subscription operation's selection set for one event: the root field's
// `resolve` gets `payload` as its parent; a root field without a resolver takes the
// payload itself as its value (graphql-js reads payload[fieldName]; here a payload is
// usually an application object). Field errors give data with nulls, as execute()
// does. `args.rootValue` is ignored. Runs on the calling thread; resolvers may block.
ExecutionResult executeSubscriptionEvent(const ExecutionArgs& args, const Resolved& payload);

// The request error createSourceEventStream gives, located at the root field, when
// that field has no subscribe resolver (graphql-js would fall back to a default one
// reading the root value, which this engine does not have).
inline constexpr std::string_view kNoSubscribeResolverMessage =
    "Subscription field has no subscribe resolver";

// The request error both functions give, located at the operation, when the
// operation they are asked to run is a query or mutation.
inline constexpr std::string_view kNotSubscriptionMessage = "Not a subscription operation";

}  // namespace mt::api
