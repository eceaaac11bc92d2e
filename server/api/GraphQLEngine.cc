#include "GraphQLEngine.h"

#include <utility>

#include "Parser.h"
#include "Validate.h"

namespace mt::api {
namespace {

// The operation execution will pick, if one can be picked: the named one, or the
// only one. Execution itself reports the cases where none can.
const ast::OperationDefinition* selectOperation(const ast::Document& document,
                                                const std::optional<std::string>& name) {
  const ast::OperationDefinition* found = nullptr;
  for (const ast::Definition& definition : document.definitions) {
    const auto* operation = std::get_if<ast::OperationDefinition>(&definition);
    if (!operation) continue;
    if (name) {
      if (operation->name && operation->name->value == *name) return operation;
    } else {
      if (found) return nullptr;  // several and no name: ambiguous
      found = operation;
    }
  }
  return found;
}

}  // namespace

GraphQLEngine::GraphQLEngine(std::shared_ptr<const Schema> schema, EngineLimits limits)
    : schema_(std::move(schema)), limits_(limits) {}

PreparedRequest GraphQLEngine::prepare(const GraphQLRequest& request) const {
  PreparedRequest prepared;
  if (request.query.size() > limits_.maxDocumentBytes) {
    prepared.stage = PreparedRequest::Stage::ParseFailed;
    prepared.errors.emplace_back("The document is " + std::to_string(request.query.size()) +
                                 " bytes long; this server accepts at most " +
                                 std::to_string(limits_.maxDocumentBytes) + ".");
    return prepared;
  }
  ParseOptions parseOptions;
  parseOptions.maxTokens = limits_.maxTokens;
  try {
    prepared.document = parse(request.query, parseOptions);
  } catch (const GraphQLError& error) {
    prepared.stage = PreparedRequest::Stage::ParseFailed;
    prepared.errors.push_back(error);
    return prepared;
  }
  ValidationOptions validationOptions;
  validationOptions.maxSelectionDepth = limits_.maxDepth;
  validationOptions.maxFieldCount = limits_.maxFields;
  validationOptions.maxAliasCount = limits_.maxAliases;
  prepared.errors = validate(*schema_, *prepared.document, validationOptions);
  if (!prepared.errors.empty()) {
    prepared.stage = PreparedRequest::Stage::ValidationFailed;
    return prepared;
  }
  prepared.operation = selectOperation(*prepared.document, request.operationName);
  return prepared;
}

ExecutionResult GraphQLEngine::execute(const PreparedRequest& prepared,
                                       const GraphQLRequest& request, std::any& context) const {
  return mt::api::execute(executionArgs(prepared, request, context));
}

SubscriptionStart GraphQLEngine::subscribe(const PreparedRequest& prepared,
                                           const GraphQLRequest& request, std::any& context,
                                           EventCallback onEvent) const {
  return createSourceEventStream(executionArgs(prepared, request, context), std::move(onEvent));
}

ExecutionResult GraphQLEngine::executeEvent(const PreparedRequest& prepared,
                                            const GraphQLRequest& request, std::any& context,
                                            const Resolved& payload) const {
  return executeSubscriptionEvent(executionArgs(prepared, request, context), payload);
}

bool GraphQLEngine::isSubscription(const PreparedRequest& prepared) {
  return prepared.operation != nullptr &&
         prepared.operation->operation == ast::OperationType::Subscription;
}

ExecutionArgs GraphQLEngine::executionArgs(const PreparedRequest& prepared,
                                           const GraphQLRequest& request, std::any& context) const {
  ExecutionArgs args(*schema_, *prepared.document, request.variables, context);
  if (request.operationName) args.operationName = *request.operationName;
  return args;
}

ExecutionResult GraphQLEngine::run(const GraphQLRequest& request, std::any& context) const {
  PreparedRequest prepared = prepare(request);
  if (prepared.stage != PreparedRequest::Stage::Ready) {
    ExecutionResult failed;
    failed.errors = std::move(prepared.errors);
    return failed;
  }
  return execute(prepared, request, context);
}

}  // namespace mt::api
