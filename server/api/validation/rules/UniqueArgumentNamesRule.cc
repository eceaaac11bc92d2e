#include <string>
#include <string_view>
#include <vector>

#include "DuplicateNames.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Argument Uniqueness": one value per argument of a field or directive.
class UniqueArgumentNamesRule {
 public:
  explicit UniqueArgumentNamesRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::Field& field) { check(field.arguments); }
  void enter(const ast::Directive& directive) { check(directive.arguments); }

 private:
  void check(const std::vector<ast::Argument>& arguments) {
    forEachDuplicateName(
        arguments, [](const ast::Argument& argument) { return argument.name.value; },
        context_.memory(),
        [this](std::string_view name, const auto& duplicates) {
          std::vector<ErrorLocation> locations;
          locations.reserve(duplicates.size());
          for (const ast::Argument* argument : duplicates) {
            locations.push_back(ValidationContext::locationOf(argument->name.loc));
          }
          context_.reportError(
              "There can be only one argument named \"" + std::string(name) + "\".",
              std::move(locations));
        });
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kUniqueArgumentNamesRule =
    makeValidationRule<UniqueArgumentNamesRule>("UniqueArgumentNamesRule");

}  // namespace mt::api
