#pragma once

#include <any>
#include <cstddef>
#include <string_view>

#include "Ast.h"
#include "ExecutionResult.h"
#include "Resolved.h"
#include "Schema.h"
#include "Value.h"

namespace mt::api {

// Defences of one execution against a document or data that would make it unbounded.
struct ExecutionLimits {
  // Result values produced (every leaf, list item and object counts one). Past it the
  // execution stops and answers data null with one error: a request for a list of
  // lists of lists can ask for far more than any client needs.
  std::size_t maxResultValues = 1'000'000;
  // Variable coercion stops after this many errors (graphql-js's maxCoercionErrors).
  std::size_t maxVariableErrors = 50;
};

// What execute() needs (graphql-js's ExecutionArgs). Everything is borrowed and must
// outlive the call; the result owns its data. The constructor takes what every call
// needs; the rest are members to set:
//
//   ExecutionArgs args(schema, *document, variables, context);
//   args.operationName = request.operationName;
//   ExecutionResult result = execute(args);
struct ExecutionArgs {
  ExecutionArgs(const Schema& schemaToUse, const ast::Document& documentToRun,
                const Value& variables, std::any& requestContext)
      : schema(schemaToUse),
        document(documentToRun),
        variableValues(variables),
        context(requestContext) {}

  const Schema& schema;
  // Should have passed validate(); an invalid document gives errors, never a crash.
  const ast::Document& document;
  // The request's "variables": a JSON object, or null for none.
  const Value& variableValues;
  // Per request: the authenticated user, database access. Resolvers get it by reference.
  std::any& context;
  // The operation to run; empty when the request names none (GraphQL names are never
  // empty, so no operation can be called "").
  std::string_view operationName;
  // The parent of the root fields; null when omitted.
  const Resolved* rootValue = nullptr;
  ExecutionLimits limits;
};

// Runs one query or mutation of `args.document` (the spec's ExecuteRequest), on the
// calling thread: resolvers may block (database calls), so call it from a worker.
//
// Request errors (no such operation, invalid variables, a subscription) give no data;
// field errors give data with nulls where they happened, propagated through non-null
// positions. An exception from a resolver never escapes: it becomes a field error.
//
// Fields are resolved breadth-first over groups of parents, so a BatchFieldResolver
// is called once per field of a selection for all the objects at that level (every
// tweet of a page for `author`), not once per object; see Executor.cc.
ExecutionResult execute(const ExecutionArgs& args);

// The message execute() gives for a subscription operation.
inline constexpr std::string_view kSubscriptionNotSupportedMessage =
    "Subscriptions are delivered over SSE; not supported by execute()";

}  // namespace mt::api
