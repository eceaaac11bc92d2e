#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "All Variable Uses Defined": every variable an operation uses, in its own
// selections or in the fragments it spreads, is one it defines.
//
// graphql-js checks at the end of each operation; the fragments it spreads may come
// later in the document, so the check is deferred to the end of the document.
class NoUndefinedVariablesRule {
 public:
  explicit NoUndefinedVariablesRule(ValidationContext& context) : context_(context) {}

  void leave(const ast::OperationDefinition& operation) {
    context_.deferToDocumentEnd<&NoUndefinedVariablesRule::check>(*this, operation);
  }

 private:
  void check(const ast::OperationDefinition& operation) {
    std::pmr::unordered_set<std::string_view> defined(context_.memory());
    for (const ast::VariableDefinition& definition : operation.variableDefinitions) {
      defined.insert(definition.variable.name.value);
    }
    for (const VariableUsage& usage : context_.recursiveVariableUsages(operation)) {
      const std::string_view name = usage.node->name.value;
      if (defined.contains(name)) continue;
      std::string message = "Variable \"$" + std::string(name) + "\" is not defined";
      message += operation.name ? " by operation \"" + std::string(operation.name->value) + "\"."
                                : std::string(".");
      context_.reportError(message,
                           ValidationContext::locationsOf({usage.node->loc, operation.loc}));
    }
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kNoUndefinedVariablesRule =
    makeValidationRule<NoUndefinedVariablesRule>("NoUndefinedVariablesRule");

}  // namespace mt::api
