#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Directives Are Unique Per Location": a directive not declared `repeatable`
// may appear once on a node. Unknown directives are KnownDirectivesRule's concern.
class UniqueDirectivesPerLocationRule {
 public:
  explicit UniqueDirectivesPerLocationRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::OperationDefinition& node) { check(node.directives); }
  void enter(const ast::VariableDefinition& node) { check(node.directives); }
  void enter(const ast::FragmentDefinition& node) { check(node.directives); }
  void enter(const ast::Field& node) { check(node.directives); }
  void enter(const ast::FragmentSpread& node) { check(node.directives); }
  void enter(const ast::InlineFragment& node) { check(node.directives); }

 private:
  bool isUnique(std::string_view name) const {
    if (const ast::DirectiveDefinition* defined = context_.documentDirective(name)) {
      return !defined->repeatable;
    }
    const Directive* directive = context_.schema().directive(name);
    return directive != nullptr && !directive->isRepeatable;
  }

  void check(const std::vector<ast::Directive>& directives) {
    constexpr std::size_t kScanLimit = 16;
    if (directives.size() < 2) return;
    // Each repetition is reported against the first occurrence. A node carries a few
    // directives at most, so scanning is cheapest; a hostile document gets a map.
    std::pmr::unordered_map<std::string_view, const ast::Directive*> firstByName(context_.memory());
    for (std::size_t i = 0; i < directives.size(); ++i) {
      const std::string_view name = directives[i].name.value;
      const ast::Directive* first = nullptr;
      if (directives.size() <= kScanLimit) {
        for (std::size_t j = 0; j < i && first == nullptr; ++j) {
          if (directives[j].name.value == name) first = &directives[j];
        }
      } else {
        const auto [entry, inserted] = firstByName.try_emplace(name, &directives[i]);
        if (!inserted) first = entry->second;
      }
      if (first == nullptr || !isUnique(name)) continue;
      context_.reportError(
          "The directive \"@" + std::string(name) + "\" can only be used once at this location.",
          {first->loc, directives[i].loc});
    }
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kUniqueDirectivesPerLocationRule =
    makeValidationRule<UniqueDirectivesPerLocationRule>("UniqueDirectivesPerLocationRule");

}  // namespace mt::api
