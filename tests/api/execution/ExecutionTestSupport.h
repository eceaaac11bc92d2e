#pragma once

#include <gtest/gtest.h>

#include <any>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "Executor.h"
#include "Json.h"
#include "Parser.h"
#include "Schema.h"
#include "SchemaBuilder.h"
#include "Value.h"

namespace mt::api::testing {

// JSON text parsed into a Value; fails the test on invalid JSON.
inline Value json(std::string_view text) {
  std::string error;
  std::optional<Value> value = parseJson(text, &error);
  EXPECT_TRUE(value.has_value()) << error << " in " << text;
  return value ? std::move(*value) : Value();
}

// The same JSON written compactly, as the executor writes responses, so expectations
// can be laid out readably and still compared as text (member order included).
inline std::string normalized(std::string_view text) {
  return toJson(json(text));
}

// A request for executeRequest(): the query, and what else a test sets.
struct Request {
  explicit Request(std::string text) : query(std::move(text)) {}
  Request& vars(std::string json) {
    variables = std::move(json);
    return *this;
  }
  Request& operation(std::string name) {
    operationName = std::move(name);
    return *this;
  }
  Request& withContext(std::any& value) {
    context = &value;
    return *this;
  }
  Request& root(const Resolved& value) {
    rootValue = &value;
    return *this;
  }
  Request& withLimits(ExecutionLimits value) {
    limits = value;
    return *this;
  }

  std::string query;
  std::string variables = "{}";
  std::string operationName;
  std::any* context = nullptr;
  const Resolved* rootValue = nullptr;
  ExecutionLimits limits;
};

inline ExecutionResult executeRequest(const Schema& schema, const Request& request) {
  const std::shared_ptr<const ast::Document> document = parse(request.query);
  const Value variables = json(request.variables);
  std::any ownContext;
  ExecutionArgs args(schema, *document, variables,
                     request.context != nullptr ? *request.context : ownContext);
  args.operationName = request.operationName;
  args.rootValue = request.rootValue;
  args.limits = request.limits;
  return execute(args);
}

// The response to `query` as JSON text.
inline std::string run(const Schema& schema, std::string query, std::string variables = "{}",
                       std::string operationName = {}) {
  return executeRequest(schema, Request(std::move(query))
                                    .vars(std::move(variables))
                                    .operation(std::move(operationName)))
      .toJson();
}

// Limits with one member changed.
inline ExecutionLimits maxResultValues(std::size_t limit) {
  ExecutionLimits limits;
  limits.maxResultValues = limit;
  return limits;
}
inline ExecutionLimits maxVariableErrors(std::size_t limit) {
  ExecutionLimits limits;
  limits.maxVariableErrors = limit;
  return limits;
}

// A resolver returning a fixed value.
inline FieldResolver constant(Value value) {
  return [value = std::move(value)](const ResolveParams&) -> Resolved { return value; };
}

}  // namespace mt::api::testing
