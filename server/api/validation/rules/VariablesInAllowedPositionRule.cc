#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "SpecifiedRules.h"
#include "TypeComparators.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "All Variable Usages Are Allowed": a variable's type must fit every position
// it is used in. A nullable variable may go where a non-null value is expected only
// if the variable or the position has a default; a @oneOf input object's field never
// takes a nullable variable.
//
// Deferred to the end of the document, for the reason NoUndefinedVariablesRule gives.
class VariablesInAllowedPositionRule {
 public:
  explicit VariablesInAllowedPositionRule(ValidationContext& context) : context_(context) {}

  void leave(const ast::OperationDefinition& operation) {
    context_.deferToDocumentEnd<&VariablesInAllowedPositionRule::check>(*this, operation);
  }

 private:
  void check(const ast::OperationDefinition& operation) {
    // The last definition of a name counts, as in graphql-js.
    std::pmr::unordered_map<std::string_view, const ast::VariableDefinition*> definitions(
        context_.memory());
    for (const ast::VariableDefinition& definition : operation.variableDefinitions) {
      definitions[definition.variable.name.value] = &definition;
    }
    for (const VariableUsage& usage : context_.recursiveVariableUsages(operation)) {
      const std::string_view name = usage.node->name.value;
      const auto found = definitions.find(name);
      if (found == definitions.end() || usage.type == nullptr) continue;
      const ast::VariableDefinition& definition = *found->second;
      const Type* variableType = context_.typeFromAst(definition.type);
      if (variableType != nullptr &&
          !allowedVariableUsage(*variableType,
                                definition.defaultValue ? &*definition.defaultValue : nullptr,
                                *usage.type, usage.hasLocationDefault)) {
        context_.reportError("Variable \"$" + std::string(name) + "\" of type \"" +
                                 variableType->str() + "\" used in position expecting type \"" +
                                 usage.type->str() + "\".",
                             ValidationContext::locationsOf({definition.loc, usage.node->loc}));
      }
      const Type* parentType = usage.parentType;
      if (parentType != nullptr && parentType->kind() == TypeKind::InputObject &&
          parentType->named().isOneOf() && variableType != nullptr && !variableType->isNonNull()) {
        context_.reportError(
            "Variable \"$" + std::string(name) + "\" is of type \"" + variableType->str() +
                "\" but must be non-nullable to be used for OneOf Input Object \"" +
                parentType->str() + "\".",
            ValidationContext::locationsOf({definition.loc, usage.node->loc}));
      }
    }
  }

  // graphql-js's allowedVariableUsage.
  static bool allowedVariableUsage(const Type& variableType, const ast::Value* variableDefault,
                                   const Type& locationType, bool hasLocationDefault) {
    if (locationType.isNonNull() && !variableType.isNonNull()) {
      const bool hasNonNullVariableDefault =
          variableDefault != nullptr && !std::holds_alternative<ast::NullValue>(*variableDefault);
      if (!hasNonNullVariableDefault && !hasLocationDefault) return false;
      return isTypeSubTypeOf(variableType, *locationType.ofType());
    }
    return isTypeSubTypeOf(variableType, locationType);
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kVariablesInAllowedPositionRule =
    makeValidationRule<VariablesInAllowedPositionRule>("VariablesInAllowedPositionRule");

}  // namespace mt::api
