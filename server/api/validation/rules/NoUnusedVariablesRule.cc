#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "All Variables Used": a variable an operation defines but never uses, in its
// own selections or in the fragments it spreads, is most likely a mistake.
//
// Deferred to the end of the document, for the reason NoUndefinedVariablesRule gives.
class NoUnusedVariablesRule {
 public:
  explicit NoUnusedVariablesRule(ValidationContext& context) : context_(context) {}

  void leave(const ast::OperationDefinition& operation) {
    context_.deferToDocumentEnd<&NoUnusedVariablesRule::check>(*this, operation);
  }

 private:
  void check(const ast::OperationDefinition& operation) {
    std::pmr::unordered_set<std::string_view> used(context_.memory());
    for (const VariableUsage& usage : context_.recursiveVariableUsages(operation)) {
      used.insert(usage.node->name.value);
    }
    for (const ast::VariableDefinition& definition : operation.variableDefinitions) {
      const std::string_view name = definition.variable.name.value;
      if (used.contains(name)) continue;
      std::string message = "Variable \"$" + std::string(name) + "\" is never used";
      message += operation.name ? " in operation \"" + std::string(operation.name->value) + "\"."
                                : std::string(".");
      context_.reportError(message, ValidationContext::locationsOf({definition.loc}));
    }
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kNoUnusedVariablesRule =
    makeValidationRule<NoUnusedVariablesRule>("NoUnusedVariablesRule");

}  // namespace mt::api
