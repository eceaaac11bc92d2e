#include <cstddef>
#include <memory_resource>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// graphql-js's MaxIntrospectionDepthRule, one of its specified rules since 16.9 (not
// the specification's): an introspection query nesting the list fields of __Type
// (fields, interfaces, possibleTypes, inputFields) three deep is refused, since each
// level multiplies the size of the answer by the size of the schema.
class MaxIntrospectionDepthRule {
 public:
  explicit MaxIntrospectionDepthRule(ValidationContext& context)
      : context_(context),
        checked_(context.memory()),
        exceeded_(context.memory()),
        visited_(context.memory()) {}

  void enter(const ast::Field& field) {
    if (skipped_ != nullptr) return;
    const std::string_view name = field.name.value;
    if (name != "__schema" && name != "__type") return;
    visited_.clear();
    if (!exceedsDepth(field, 0)) return;
    context_.reportError("Maximum introspection depth exceeded", {field.loc});
    // As graphql-js: the fields inside are not checked again.
    skipped_ = &field;
  }
  void leave(const ast::Field& field) {
    if (skipped_ == &field) skipped_ = nullptr;
  }

 private:
  static constexpr int kMaxListsDepth = 3;

  // Depths are the number of list fields entered above a node. Fragments remember,
  // across the whole document, the depths at which they were found to stay within the
  // limit or to reach it, so that each is searched a bounded number of times.
  bool exceedsDepth(const ast::Field& field, int depth) {
    const std::string_view name = field.name.value;
    if (name == "fields" || name == "interfaces" || name == "possibleTypes" ||
        name == "inputFields") {
      if (++depth >= kMaxListsDepth) return true;
    }
    return field.selectionSet && exceedsDepth(*field.selectionSet, depth);
  }

  bool exceedsDepth(const ast::SelectionSet& set, int depth) {
    for (const ast::Selection& selection : set.selections) {
      if (const auto* field = std::get_if<ast::Field>(&selection)) {
        if (exceedsDepth(*field, depth)) return true;
      } else if (const auto* spread = std::get_if<ast::FragmentSpread>(&selection)) {
        if (exceedsDepth(*spread, depth)) return true;
      } else if (exceedsDepth(std::get<ast::InlineFragment>(selection).selectionSet, depth)) {
        return true;
      }
    }
    return false;
  }

  bool exceedsDepth(const ast::FragmentSpread& spread, int depth) {
    const std::string_view name = spread.name.value;
    if (const auto found = exceeded_.find(name);
        found != exceeded_.end() && found->second <= depth) {
      return true;
    }
    // Already searched from this depth or deeper: on this path (a cycle) or before.
    if (const auto found = visited_.find(name); found != visited_.end() && found->second >= depth) {
      return false;
    }
    if (const auto found = checked_.find(name); found != checked_.end() && found->second >= depth) {
      return false;
    }
    const ast::FragmentDefinition* fragment = context_.fragment(name);
    if (fragment == nullptr) return false;
    visited_[name] = depth;
    context_.checkStack();
    if (exceedsDepth(fragment->selectionSet, depth)) {
      exceeded_[name] = depth;
      return true;
    }
    checked_[name] = depth;
    return false;
  }

  ValidationContext& context_;
  std::pmr::unordered_map<std::string_view, int> checked_;
  std::pmr::unordered_map<std::string_view, int> exceeded_;
  std::pmr::unordered_map<std::string_view, int> visited_;  // in the current root check
  const ast::Field* skipped_ = nullptr;
};

}  // namespace

constinit const ValidationRule kMaxIntrospectionDepthRule =
    makeValidationRule<MaxIntrospectionDepthRule>("MaxIntrospectionDepthRule");

}  // namespace mt::api
