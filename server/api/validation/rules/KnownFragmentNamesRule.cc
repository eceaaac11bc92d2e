#include <string>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Fragment spread target defined".
class KnownFragmentNamesRule {
 public:
  explicit KnownFragmentNamesRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::FragmentSpread& spread) {
    if (context_.fragment(spread.name.value) != nullptr) return;
    context_.reportError("Unknown fragment \"" + std::string(spread.name.value) + "\".",
                         {spread.name.loc});
  }

 private:
  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kKnownFragmentNamesRule =
    makeValidationRule<KnownFragmentNamesRule>("KnownFragmentNamesRule");

}  // namespace mt::api
