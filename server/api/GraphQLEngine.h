#pragma once

#include <any>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "Ast.h"
#include "Executor.h"
#include "GraphQLError.h"
#include "Schema.h"
#include "Subscribe.h"
#include "Value.h"

namespace mt::api {

// One GraphQL request as a transport hands it over.
struct GraphQLRequest {
  std::string query;
  std::optional<std::string> operationName;
  Value variables;   // an Object, or null when none were sent
  Value extensions;  // an Object, or null
};

struct EngineLimits {
  std::size_t maxDocumentBytes = 64 * 1024;
  std::size_t maxTokens = 20'000;
  std::size_t maxDepth = 20;      // selection nesting, fragments expanded
  std::size_t maxFields = 2'000;  // fields in an operation, fragments expanded
  std::size_t maxAliases = 200;
};

// A request parsed and validated, or the errors that stopped it before execution.
struct PreparedRequest {
  enum class Stage { Ready, ParseFailed, ValidationFailed };
  Stage stage = Stage::Ready;
  std::shared_ptr<const ast::Document> document;
  std::vector<GraphQLError> errors;

  // The operation that execution would run (by operationName, or the only one);
  // null when it cannot be determined, which execution then reports.
  const ast::OperationDefinition* operation = nullptr;
};

// parse → validate → execute, with limits: the one entry point transports use.
//
// Thread affinity: const and thread-safe; one engine serves every worker thread.
class GraphQLEngine {
 public:
  explicit GraphQLEngine(std::shared_ptr<const Schema> schema, EngineLimits limits = {});

  PreparedRequest prepare(const GraphQLRequest& request) const;

  // Executes a request that prepare() made Ready. `context` is the per-request value
  // resolvers receive (the authenticated user, database access).
  ExecutionResult execute(const PreparedRequest& prepared, const GraphQLRequest& request,
                          std::any& context) const;

  // Both, for callers that do not need to look in between. A request that fails
  // before execution gives a result with errors and no data.
  ExecutionResult run(const GraphQLRequest& request, std::any& context) const;

  // Starts a subscription that prepare() made Ready (createSourceEventStream with the
  // engine's schema and limits). A query or mutation is not a subscription: errors.
  SubscriptionStart subscribe(const PreparedRequest& prepared, const GraphQLRequest& request,
                              std::any& context, EventCallback onEvent) const;
  // The result for one event of a subscription subscribe() started.
  ExecutionResult executeEvent(const PreparedRequest& prepared, const GraphQLRequest& request,
                               std::any& context, const Resolved& payload) const;
  // True when the prepared request's operation is a subscription.
  static bool isSubscription(const PreparedRequest& prepared);

  const Schema& schema() const { return *schema_; }
  const EngineLimits& limits() const { return limits_; }

 private:
  // What execution needs for the request; borrows from all three.
  ExecutionArgs executionArgs(const PreparedRequest& prepared, const GraphQLRequest& request,
                              std::any& context) const;

  std::shared_ptr<const Schema> schema_;
  EngineLimits limits_;
};

}  // namespace mt::api
