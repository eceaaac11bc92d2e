#include <string>
#include <variant>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Executable Definitions": a document sent for execution holds only operations
// and fragments.
class ExecutableDefinitionsRule {
 public:
  explicit ExecutableDefinitionsRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::Document& document) {
    for (const ast::Definition& definition : document.definitions) {
      if (ast::isExecutableDefinition(definition)) continue;
      std::visit(
          [this](const auto& node) {
            std::string name;
            if constexpr (requires { node.name.value; }) {
              name = "\"" + std::string(node.name.value) + "\"";
            } else {
              name = "schema";  // the schema definition and extension have no name
            }
            context_.reportError("The " + name + " definition is not executable.", {node.loc});
          },
          static_cast<const ast::Definition::variant&>(definition));
    }
  }

 private:
  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kExecutableDefinitionsRule =
    makeValidationRule<ExecutableDefinitionsRule>("ExecutableDefinitionsRule");

}  // namespace mt::api
