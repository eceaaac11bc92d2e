#include <string>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Variables Are Input Types": a variable's value comes from the client, so its
// type must be one that can be read from input (scalar, enum, input object, or lists
// and non-nulls of them).
class VariablesAreInputTypesRule {
 public:
  explicit VariablesAreInputTypesRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::VariableDefinition& definition) {
    const Type* type = context_.typeFromAst(definition.type);
    if (type == nullptr || type->isInputType()) return;
    context_.reportError("Variable \"$" + std::string(definition.variable.name.value) +
                             "\" cannot be non-input type \"" + type->str() + "\".",
                         {ast::locationOf(definition.type)});
  }

 private:
  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kVariablesAreInputTypesRule =
    makeValidationRule<VariablesAreInputTypesRule>("VariablesAreInputTypesRule");

}  // namespace mt::api
