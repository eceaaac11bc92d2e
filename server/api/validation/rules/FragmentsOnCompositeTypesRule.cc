#include <string>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Fragments On Composite Types": a fragment selects fields, so its type
// condition must be a type with fields (object, interface or union). Unknown types
// are KnownTypeNamesRule's to report.
class FragmentsOnCompositeTypesRule {
 public:
  explicit FragmentsOnCompositeTypesRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::InlineFragment& fragment) {
    if (!fragment.typeCondition || !isNonComposite(*fragment.typeCondition)) return;
    context_.reportError("Fragment cannot condition on non composite type \"" +
                             std::string(fragment.typeCondition->name.value) + "\".",
                         {fragment.typeCondition->loc});
  }

  void enter(const ast::FragmentDefinition& fragment) {
    if (!isNonComposite(fragment.typeCondition)) return;
    context_.reportError("Fragment \"" + std::string(fragment.name.value) +
                             "\" cannot condition on non composite type \"" +
                             std::string(fragment.typeCondition.name.value) + "\".",
                         {fragment.typeCondition.loc});
  }

 private:
  bool isNonComposite(const ast::NamedType& typeCondition) const {
    const NamedType* type = context_.namedTypeFromAst(typeCondition);
    return type != nullptr && !type->isComposite();
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kFragmentsOnCompositeTypesRule =
    makeValidationRule<FragmentsOnCompositeTypesRule>("FragmentsOnCompositeTypesRule");

}  // namespace mt::api
