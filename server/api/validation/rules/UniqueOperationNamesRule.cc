#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Operation Name Uniqueness": operationName must pick one operation.
class UniqueOperationNamesRule {
 public:
  explicit UniqueOperationNamesRule(ValidationContext& context)
      : context_(context), known_(context.memory()) {}

  void enter(const ast::OperationDefinition& operation) {
    if (!operation.name) return;
    const auto [first, inserted] = known_.try_emplace(operation.name->value, &*operation.name);
    if (inserted) return;
    context_.reportError(
        "There can be only one operation named \"" + std::string(operation.name->value) + "\".",
        {first->second->loc, operation.name->loc});
  }

 private:
  ValidationContext& context_;
  std::pmr::unordered_map<std::string_view, const ast::Name*> known_;
};

}  // namespace

constinit const ValidationRule kUniqueOperationNamesRule =
    makeValidationRule<UniqueOperationNamesRule>("UniqueOperationNamesRule");

}  // namespace mt::api
