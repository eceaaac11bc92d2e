#include <cstddef>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Input Object Field Uniqueness": one value per field of an input object
// literal, at every level of nesting.
class UniqueInputFieldNamesRule {
 public:
  explicit UniqueInputFieldNamesRule(ValidationContext& context)
      : context_(context), levels_(context.memory()) {}

  void enter(const ast::ObjectValue& /*node*/) {
    if (depth_ == levels_.size()) levels_.emplace_back();
    levels_[depth_++].clear();
  }
  void leave(const ast::ObjectValue& /*node*/) { --depth_; }

  void enter(const ast::ObjectField& field) {
    auto& known = levels_[depth_ - 1];
    const auto [first, inserted] = known.try_emplace(field.name.value, &field.name);
    if (inserted) return;
    context_.reportError(
        "There can be only one input field named \"" + std::string(field.name.value) + "\".",
        {first->second->loc, field.name.loc});
  }

 private:
  ValidationContext& context_;
  // The names seen in each object literal being visited, outermost first; kept across
  // literals so that their tables are reused.
  std::pmr::vector<std::pmr::unordered_map<std::string_view, const ast::Name*>> levels_;
  std::size_t depth_ = 0;
};

}  // namespace

constinit const ValidationRule kUniqueInputFieldNamesRule =
    makeValidationRule<UniqueInputFieldNamesRule>("UniqueInputFieldNamesRule");

}  // namespace mt::api
