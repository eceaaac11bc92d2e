#include "CollectFields.h"

#include <algorithm>
#include <string>
#include <variant>

#include "GraphQLError.h"
#include "Values.h"

namespace mt::api {

FragmentTable::FragmentTable(const ast::Document& document) {
  for (const ast::Definition& definition : document.definitions) {
    if (const auto* fragment = std::get_if<ast::FragmentDefinition>(&definition)) {
      byName_.emplace_back(fragment->name.value, fragment);
    }
  }
  // Stable, so that find() can pick the last of two fragments with one name (invalid)
  // as graphql-js's map does.
  std::stable_sort(byName_.begin(), byName_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

const ast::FragmentDefinition* FragmentTable::find(std::string_view name) const noexcept {
  const auto after =
      std::upper_bound(byName_.begin(), byName_.end(), name,
                       [](std::string_view key, const auto& entry) { return key < entry.first; });
  if (after == byName_.begin()) return nullptr;
  const auto& found = *(after - 1);
  return found.first == name ? found.second : nullptr;
}

namespace {

// The parser bounds nesting within a selection set, but a chain of fragments each
// spreading the next nests without bound; keep the recursion within the stack.
constexpr int kMaxDepth = 1000;

// A linear scan for response keys while a selection is small (nearly always), a hash
// index beyond, so that a document with thousands of aliases stays linear.
constexpr std::size_t kLinearLimit = 16;

}  // namespace

CollectedFields FieldCollector::collect(const NamedType& runtimeType,
                                        std::span<const ast::SelectionSet* const> selectionSets) {
  runtimeType_ = &runtimeType;
  keys_.clear();
  index_.clear();
  entries_.clear();
  visitedFragments_.clear();
  depth_ = 0;
  for (const ast::SelectionSet* selectionSet : selectionSets)
    collectSelections(*selectionSet);
  return finish();
}

void FieldCollector::collectSelections(const ast::SelectionSet& selectionSet) {
  if (++depth_ > kMaxDepth) {
    throw GraphQLError("Fragments nest more than " + std::to_string(kMaxDepth) + " levels deep.");
  }
  for (const ast::Selection& selection : selectionSet.selections) {
    if (const auto* field = std::get_if<ast::Field>(&selection)) {
      if (!shouldIncludeNode(schema_, field->directives, variables_)) continue;
      entries_.push_back({keyIndex(field->responseKey()), field});
    } else if (const auto* inlineFragment = std::get_if<ast::InlineFragment>(&selection)) {
      if (!shouldIncludeNode(schema_, inlineFragment->directives, variables_)) continue;
      if (inlineFragment->typeCondition && !conditionMatches(*inlineFragment->typeCondition)) {
        continue;
      }
      collectSelections(inlineFragment->selectionSet);
    } else {
      const auto& spread = std::get<ast::FragmentSpread>(selection);
      const std::string_view name = spread.name.value;
      if (std::find(visitedFragments_.begin(), visitedFragments_.end(), name) !=
              visitedFragments_.end() ||
          !shouldIncludeNode(schema_, spread.directives, variables_)) {
        continue;
      }
      visitedFragments_.push_back(name);
      const ast::FragmentDefinition* fragment = fragments_.find(name);
      if (fragment == nullptr || !conditionMatches(fragment->typeCondition)) continue;
      collectSelections(fragment->selectionSet);
    }
  }
  --depth_;
}

// Groups the fields by response key with a counting sort, so that every key's nodes
// are contiguous, in document order, and can be handed out as a span.
CollectedFields FieldCollector::finish() {
  CollectedFields result;
  starts_.assign(keys_.size() + 1, 0);
  for (const Entry& entry : entries_)
    ++starts_[entry.key + 1];
  for (std::size_t i = 1; i < starts_.size(); ++i)
    starts_[i] += starts_[i - 1];
  result.nodes.resize(entries_.size());
  // Placing a node advances its key's start, so each ends as the next key's start.
  for (const Entry& entry : entries_)
    result.nodes[starts_[entry.key]++] = entry.field;
  result.fields.reserve(keys_.size());
  std::uint32_t begin = 0;
  for (std::size_t key = 0; key < keys_.size(); ++key) {
    result.fields.push_back({keys_[key], std::span<const ast::Field* const>(
                                             result.nodes.data() + begin, starts_[key] - begin)});
    begin = starts_[key];
  }
  return result;
}

std::uint32_t FieldCollector::keyIndex(std::string_view key) {
  if (keys_.size() <= kLinearLimit) {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == key) return static_cast<std::uint32_t>(i);
    }
    if (keys_.size() == kLinearLimit) {
      for (std::size_t i = 0; i < keys_.size(); ++i) {
        index_.emplace(keys_[i], static_cast<std::uint32_t>(i));
      }
    }
  } else if (const auto found = index_.find(key); found != index_.end()) {
    return found->second;
  }
  const auto added = static_cast<std::uint32_t>(keys_.size());
  keys_.push_back(key);
  if (!index_.empty()) index_.emplace(key, added);
  return added;
}

// The spec's DoesFragmentTypeApply.
bool FieldCollector::conditionMatches(const ast::NamedType& condition) const {
  const NamedType* type = schema_.type(condition.name.value);
  if (type == nullptr) return false;
  if (type == runtimeType_) return true;
  return type->isAbstract() && type->isSubType(*runtimeType_);
}

CollectedFields collectFields(const Schema& schema, const FragmentTable& fragments,
                              const Value& variables, const NamedType& runtimeType,
                              std::span<const ast::SelectionSet* const> selectionSets) {
  FieldCollector collector(schema, fragments, variables);
  return collector.collect(runtimeType, selectionSets);
}

}  // namespace mt::api
