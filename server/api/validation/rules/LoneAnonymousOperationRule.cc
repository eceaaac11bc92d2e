#include <variant>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Lone Anonymous Operation": an operation without a name cannot be chosen by
// operationName, so it must be the only one.
class LoneAnonymousOperationRule {
 public:
  explicit LoneAnonymousOperationRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::Document& document) {
    for (const ast::Definition& definition : document.definitions) {
      if (std::holds_alternative<ast::OperationDefinition>(definition)) ++operationCount_;
    }
  }

  void enter(const ast::OperationDefinition& operation) {
    if (!operation.name && operationCount_ > 1) {
      context_.reportError("This anonymous operation must be the only defined operation.",
                           {operation.loc});
    }
  }

 private:
  ValidationContext& context_;
  int operationCount_ = 0;
};

}  // namespace

constinit const ValidationRule kLoneAnonymousOperationRule =
    makeValidationRule<LoneAnonymousOperationRule>("LoneAnonymousOperationRule");

}  // namespace mt::api
