#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "Printer.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

bool provides(const std::vector<ast::Argument>& arguments, std::string_view name) {
  for (const ast::Argument& argument : arguments) {
    if (argument.name.value == name) return true;
  }
  return false;
}

// Spec "Required Arguments": an argument of non-null type without a default must be
// given, on fields and directives alike.
class ProvidedRequiredArgumentsRule {
 public:
  explicit ProvidedRequiredArgumentsRule(ValidationContext& context) : context_(context) {}

  void leave(const ast::Field& field) {
    const Field* definition = context_.fieldDef();
    if (definition == nullptr) return;
    for (const InputValue& arg : definition->args) {
      if (!arg.isRequired() || provides(field.arguments, arg.name)) continue;
      context_.reportError("Field \"" + definition->name + "\" argument \"" + arg.name +
                               "\" of type \"" + arg.type->str() +
                               "\" is required, but it was not provided.",
                           {field.loc});
    }
  }

  void leave(const ast::Directive& directive) {
    const std::string_view name = directive.name.value;
    if (const ast::DirectiveDefinition* defined = context_.documentDirective(name)) {
      for (const ast::InputValueDefinition& arg : defined->arguments) {
        if (!std::holds_alternative<ast::NonNullType>(arg.type) || arg.defaultValue ||
            provides(directive.arguments, arg.name.value)) {
          continue;
        }
        report(directive, arg.name.value, print(arg.type));
      }
    } else if (const Directive* known = context_.schema().directive(name)) {
      for (const InputValue& arg : known->args) {
        if (!arg.isRequired() || provides(directive.arguments, arg.name)) continue;
        report(directive, arg.name, arg.type->str());
      }
    }
  }

 private:
  void report(const ast::Directive& directive, std::string_view argument, const std::string& type) {
    context_.reportError("Directive \"@" + std::string(directive.name.value) + "\" argument \"" +
                             std::string(argument) + "\" of type \"" + type +
                             "\" is required, but it was not provided.",
                         {directive.loc});
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kProvidedRequiredArgumentsRule =
    makeValidationRule<ProvidedRequiredArgumentsRule>("ProvidedRequiredArgumentsRule");

}  // namespace mt::api
