#include <string>

#include "ExpandedSelection.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Defence (ValidationOptions::maxAliasCount): aliases let one request run the same
// expensive field many times over (`a1: search(...) a2: search(...) ...`).
class MaxAliasCountRule {
 public:
  explicit MaxAliasCountRule(ValidationContext& context)
      : context_(context),
        maximum_(context.options().maxAliasCount.value_or(0)),
        expanded_(context, ExpandedSelection::Measure::Aliases) {}

  void enter(const ast::OperationDefinition& operation) {
    const std::uint64_t count = expanded_.measure(operation.selectionSet);
    if (count <= maximum_) return;
    context_.reportError(describeOperation(operation) + " uses " + std::to_string(count) +
                             " aliases (fragments expanded); the maximum is " +
                             std::to_string(maximum_) + ".",
                         {operation.loc});
  }

 private:
  ValidationContext& context_;
  std::uint64_t maximum_;
  ExpandedSelection expanded_;
};

}  // namespace

constinit const ValidationRule kMaxAliasCountRule =
    makeValidationRule<MaxAliasCountRule>("MaxAliasCountRule");

}  // namespace mt::api
