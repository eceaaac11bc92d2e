#include <string>

#include "ExpandedSelection.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Defence (ValidationOptions::maxFieldCount): every field selection is work for
// execution, and fragments spreading each other can make a short document select
// exponentially many.
class MaxFieldCountRule {
 public:
  explicit MaxFieldCountRule(ValidationContext& context)
      : context_(context),
        maximum_(context.options().maxFieldCount.value_or(0)),
        expanded_(context, ExpandedSelection::Measure::Fields) {}

  void enter(const ast::OperationDefinition& operation) {
    const std::uint64_t count = expanded_.measure(operation.selectionSet);
    if (count <= maximum_) return;
    context_.reportError(describeOperation(operation) + " selects " + std::to_string(count) +
                             " fields (fragments expanded); the maximum is " +
                             std::to_string(maximum_) + ".",
                         {operation.loc});
  }

 private:
  ValidationContext& context_;
  std::uint64_t maximum_;
  ExpandedSelection expanded_;
};

}  // namespace

constinit const ValidationRule kMaxFieldCountRule =
    makeValidationRule<MaxFieldCountRule>("MaxFieldCountRule");

}  // namespace mt::api
