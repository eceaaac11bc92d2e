#include <string>

#include "SpecifiedRules.h"
#include "TypeComparators.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Fragment spread is possible": a fragment whose type can never match the
// object at hand would silently select nothing.
class PossibleFragmentSpreadsRule {
 public:
  explicit PossibleFragmentSpreadsRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::InlineFragment& fragment) {
    // TypeInfo has entered the fragment: type() is its type condition's.
    const Type* fragmentType = context_.type();
    const NamedType* parentType = context_.parentType();
    if (fragmentType == nullptr || !fragmentType->isComposite() || parentType == nullptr ||
        doTypesOverlap(fragmentType->named(), *parentType)) {
      return;
    }
    context_.reportError("Fragment cannot be spread here as objects of type \"" +
                             parentType->name() + "\" can never be of type \"" +
                             fragmentType->str() + "\".",
                         {fragment.loc});
  }

  void enter(const ast::FragmentSpread& spread) {
    const NamedType* fragmentType = nullptr;
    if (const ast::FragmentDefinition* fragment = context_.fragment(spread.name.value)) {
      fragmentType = context_.namedTypeFromAst(fragment->typeCondition);
      if (fragmentType != nullptr && !fragmentType->isComposite()) fragmentType = nullptr;
    }
    const NamedType* parentType = context_.parentType();
    if (fragmentType == nullptr || parentType == nullptr ||
        doTypesOverlap(*fragmentType, *parentType)) {
      return;
    }
    context_.reportError("Fragment \"" + std::string(spread.name.value) +
                             "\" cannot be spread here as objects of type \"" + parentType->name() +
                             "\" can never be of type \"" + fragmentType->name() + "\".",
                         {spread.loc});
  }

 private:
  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kPossibleFragmentSpreadsRule =
    makeValidationRule<PossibleFragmentSpreadsRule>("PossibleFragmentSpreadsRule");

}  // namespace mt::api
