// Subscriptions: the spec's CreateSourceEventStream here, MapSourceToResponseEvent
// through the executor (Executor.cc) with the event's payload as the root.
//
// As graphql-js's subscribe.ts: the operation is chosen and its variables coerced as
// for execute(); the root fields are collected and the first one (validation allows
// only one) is the subscription's field; its arguments are coerced and its subscribe
// resolver called. What goes wrong from the arguments on is the field's error, with
// its locations and path (locatedError); what goes wrong before has no path.

#include "Subscribe.h"

#include <exception>
#include <string>
#include <utility>

#include "CollectFields.h"
#include "Execution.h"
#include "ResponsePath.h"
#include "Values.h"

namespace mt::api {

namespace {

SubscriptionStart failedStart(GraphQLError error) {
  SubscriptionStart start;
  start.errors.errors.push_back(std::move(error));
  return start;
}

// The exception being handled, as the error to report.
GraphQLError currentError() {
  try {
    throw;
  } catch (const GraphQLError& error) {
    return error;
  } catch (const std::exception& error) {
    return GraphQLError(error.what());
  } catch (...) {
    return GraphQLError("Unexpected error value: not a std::exception.");
  }
}

// Calls the subscribe resolver of the subscription's root field `root` of
// `rootType`. Throws what the resolver throws, and GraphQLError for what the caller
// reports with the field's locations and path.
std::unique_ptr<SourceEventStream> startStream(const ExecutionArgs& args,
                                               const OperationSetup& setup,
                                               const CollectedField& root, const Field& definition,
                                               EventCallback onEvent) {
  const ast::Field& node = *root.nodes.front();
  const Value fieldArgs =
      coerceArgumentValues(definition.args, node.arguments, node.loc, setup.variables);

  const ResponsePath path = ResponsePath::field(nullptr, root.responseKey);
  ResolveInfo info =
      resolveInfoFor(definition, *setup.rootType, args.schema, root.nodes, setup.variables);
  info.path = &path;

  std::unique_ptr<SourceEventStream> stream =
      definition.subscribe({fieldArgs, args.context, info, std::move(onEvent)});
  if (stream == nullptr) {
    throw GraphQLError("The subscribe resolver of field \"" + setup.rootType->name() + "." +
                       definition.name + "\" returned no event stream.");
  }
  return stream;
}

}  // namespace

SubscriptionStart createSourceEventStream(const ExecutionArgs& args, EventCallback onEvent) {
  try {
    OperationSetup setup = setUpOperation(args, OperationUse::Subscribe);
    if (setup.failure) {
      SubscriptionStart start;
      start.errors = std::move(*setup.failure);
      return start;
    }

    const FragmentTable fragments(args.document);
    const ast::SelectionSet* selectionSet = &setup.operation->selectionSet;
    const CollectedFields rootFields =
        collectFields(args.schema, fragments, setup.variables, *setup.rootType, {&selectionSet, 1});
    if (rootFields.fields.empty()) {
      // Every root field skipped: validation cannot see that when @skip or @include
      // depends on a variable.
      return failedStart(
          requestError("The subscription selects no root field.", &setup.operation->loc));
    }
    const CollectedField& root = rootFields.fields.front();
    const ast::Field& node = *root.nodes.front();
    const Field* definition = args.schema.field(*setup.rootType, node.name.value);
    if (definition == nullptr) {
      return failedStart(located(&root,
                                 GraphQLError("The subscription field \"" +
                                              std::string(node.name.value) + "\" is not defined."),
                                 {}));
    }
    if (!definition->subscribe) {
      return failedStart(
          located(&root, GraphQLError(std::string(kNoSubscribeResolverMessage)), {}));
    }

    try {
      SubscriptionStart start;
      start.stream = startStream(args, setup, root, *definition, std::move(onEvent));
      return start;
    } catch (...) {
      return failedStart(located(&root, currentError(), {std::string(root.responseKey)}));
    }
  } catch (const GraphQLError& error) {
    // An invalid @skip or @include on a root field.
    return failedStart(error);
  } catch (const std::exception& error) {
    return failedStart(requestError(error.what()));
  }
}

ExecutionResult executeSubscriptionEvent(const ExecutionArgs& args, const Resolved& payload) {
  return executeOperation(args, OperationUse::SubscriptionEvent, &payload);
}

}  // namespace mt::api
