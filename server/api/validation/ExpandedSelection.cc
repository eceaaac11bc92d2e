#include "ExpandedSelection.h"

#include <algorithm>
#include <limits>
#include <variant>

namespace mt::api {

namespace {

std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b
             ? std::numeric_limits<std::uint64_t>::max()
             : a + b;
}

}  // namespace

std::string describeOperation(const ast::OperationDefinition& operation) {
  return operation.name ? "Operation \"" + std::string(operation.name->value) + "\""
                        : std::string("Anonymous operation");
}

std::uint64_t ExpandedSelection::combine(std::uint64_t a, std::uint64_t b) const {
  return measure_ == Measure::Depth ? std::max(a, b) : saturatingAdd(a, b);
}

std::uint64_t ExpandedSelection::measure(const ast::SelectionSet& set) {
  std::uint64_t result = 0;
  for (const ast::Selection& selection : set.selections) {
    if (const auto* field = std::get_if<ast::Field>(&selection)) {
      result = combine(result, measure(*field));
    } else if (const auto* spread = std::get_if<ast::FragmentSpread>(&selection)) {
      result = combine(result, measure(*spread));
    } else {
      result = combine(result, measure(std::get<ast::InlineFragment>(selection).selectionSet));
    }
  }
  return result;
}

std::uint64_t ExpandedSelection::measure(const ast::Field& field) {
  const std::uint64_t own =
      measure_ == Measure::Aliases ? (field.alias ? 1 : 0) : 1;  // a level, or a selection
  const std::uint64_t below = field.selectionSet ? measure(*field.selectionSet) : 0;
  return saturatingAdd(own, below);
}

std::uint64_t ExpandedSelection::measure(const ast::FragmentSpread& spread) {
  const auto [entry, inserted] = fragments_.try_emplace(spread.name.value);
  if (!inserted) return entry->second.value_or(0);
  const ast::FragmentDefinition* fragment = context_.fragment(spread.name.value);
  if (fragment == nullptr) {
    entry->second = 0;
    return 0;
  }
  context_.checkStack();
  const std::uint64_t result = measure(fragment->selectionSet);
  // `entry` stays valid: unordered_map never moves its elements.
  entry->second = result;
  return result;
}

const ast::Field* ExpandedSelection::fieldAtDepth(const ast::SelectionSet& set,
                                                  std::uint64_t depth) {
  for (const ast::Selection& selection : set.selections) {
    if (const auto* field = std::get_if<ast::Field>(&selection)) {
      if (measure(*field) < depth) continue;
      if (depth <= 1) return field;
      return fieldAtDepth(*field->selectionSet, depth - 1);
    }
    const ast::SelectionSet* inner = nullptr;
    if (const auto* spread = std::get_if<ast::FragmentSpread>(&selection)) {
      if (measure(*spread) < depth) continue;
      inner = &context_.fragment(spread->name.value)->selectionSet;
    } else {
      inner = &std::get<ast::InlineFragment>(selection).selectionSet;
      if (measure(*inner) < depth) continue;
    }
    context_.checkStack();
    if (const ast::Field* found = fieldAtDepth(*inner, depth)) return found;
  }
  return nullptr;
}

}  // namespace mt::api
