#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Fragment Name Uniqueness": a spread names its fragment, so names must be
// unambiguous.
class UniqueFragmentNamesRule {
 public:
  explicit UniqueFragmentNamesRule(ValidationContext& context)
      : context_(context), known_(context.memory()) {}

  void enter(const ast::FragmentDefinition& fragment) {
    const auto [first, inserted] = known_.try_emplace(fragment.name.value, &fragment.name);
    if (inserted) return;
    context_.reportError(
        "There can be only one fragment named \"" + std::string(fragment.name.value) + "\".",
        {first->second->loc, fragment.name.loc});
  }

 private:
  ValidationContext& context_;
  std::pmr::unordered_map<std::string_view, const ast::Name*> known_;
};

}  // namespace

constinit const ValidationRule kUniqueFragmentNamesRule =
    makeValidationRule<UniqueFragmentNamesRule>("UniqueFragmentNamesRule");

}  // namespace mt::api
