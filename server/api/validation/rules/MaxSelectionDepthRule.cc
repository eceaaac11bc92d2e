#include <string>

#include "ExpandedSelection.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Defence (ValidationOptions::maxSelectionDepth): execution's cost and the response's
// size grow with nesting, and a schema with cycles (a user's followers' followers...)
// lets a client nest without end.
class MaxSelectionDepthRule {
 public:
  explicit MaxSelectionDepthRule(ValidationContext& context)
      : context_(context),
        maximum_(context.options().maxSelectionDepth.value_or(0)),
        expanded_(context, ExpandedSelection::Measure::Depth) {}

  void enter(const ast::OperationDefinition& operation) {
    const std::uint64_t depth = expanded_.measure(operation.selectionSet);
    if (depth <= maximum_) return;
    // Point at the first field past the limit, where a client would cut.
    const ast::Field* field = expanded_.fieldAtDepth(operation.selectionSet, maximum_ + 1);
    context_.reportError(describeOperation(operation) + " is nested " + std::to_string(depth) +
                             " fields deep (fragments expanded); the maximum is " +
                             std::to_string(maximum_) + ".",
                         {field != nullptr ? field->loc : operation.loc});
  }

 private:
  ValidationContext& context_;
  std::uint64_t maximum_;
  ExpandedSelection expanded_;
};

}  // namespace

constinit const ValidationRule kMaxSelectionDepthRule =
    makeValidationRule<MaxSelectionDepthRule>("MaxSelectionDepthRule");

}  // namespace mt::api
