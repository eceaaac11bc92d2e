#include <string>
#include <string_view>
#include <vector>

#include "DuplicateNames.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Variable Uniqueness": one value per variable name.
class UniqueVariableNamesRule {
 public:
  explicit UniqueVariableNamesRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::OperationDefinition& operation) {
    forEachDuplicateName(
        operation.variableDefinitions,
        [](const ast::VariableDefinition& definition) { return definition.variable.name.value; },
        context_.memory(),
        [this](std::string_view name, const auto& definitions) {
          std::vector<ErrorLocation> locations;
          locations.reserve(definitions.size());
          for (const ast::VariableDefinition* definition : definitions) {
            locations.push_back(ValidationContext::locationOf(definition->variable.name.loc));
          }
          context_.reportError(
              "There can be only one variable named \"$" + std::string(name) + "\".",
              std::move(locations));
        });
  }

 private:
  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kUniqueVariableNamesRule =
    makeValidationRule<UniqueVariableNamesRule>("UniqueVariableNamesRule");

}  // namespace mt::api
