#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "SpecifiedRules.h"
#include "Suggestions.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Sorts as V8's Array.prototype.sort does a short array: the leading run (reversed if
// descending), then binary insertion. graphql-js orders type suggestions with a
// comparator that is not transitive (supertypes first, else by name), so only the
// same algorithm gives the same order. Longer arrays, which V8 merges, do not occur
// in practice; they get a stable merge sort.
template <class T, class Compare>
void sortAsV8Does(std::vector<T>& items, Compare compare) {
  constexpr std::size_t kMinMergeLength = 64;
  const std::size_t size = items.size();
  if (size < 2) return;
  if (size >= kMinMergeLength) {
    std::stable_sort(items.begin(), items.end(),
                     [&compare](const T& a, const T& b) { return compare(a, b) < 0; });
    return;
  }
  std::size_t run = 2;
  const bool descending = compare(items[1], items[0]) < 0;
  for (; run < size; ++run) {
    const int order = compare(items[run], items[run - 1]);
    if (descending ? order >= 0 : order < 0) break;
  }
  if (descending) std::reverse(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(run));
  for (std::size_t start = run; start < size; ++start) {
    T pivot = items[start];
    std::size_t left = 0;
    std::size_t right = start;
    while (left < right) {
      const std::size_t middle = left + (right - left) / 2;
      if (compare(pivot, items[middle]) < 0) {
        right = middle;
      } else {
        left = middle + 1;
      }
    }
    for (std::size_t i = start; i > left; --i)
      items[i] = items[i - 1];
    items[left] = pivot;
  }
}

// Spec "Field Selections": a field must exist on the type it is selected on. The
// message suggests, for an abstract type, the types that do have the field (an
// inline fragment on them would work), else similarly spelt fields.
class FieldsOnCorrectTypeRule {
 public:
  explicit FieldsOnCorrectTypeRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::Field& field) {
    const NamedType* type = context_.parentType();
    if (type == nullptr || context_.fieldDef() != nullptr) return;
    std::string suggestion;
    if (!context_.hideSuggestions()) {
      suggestion =
          didYouMean(suggestedTypeNames(*type, field.name.value), "to use an inline fragment on");
      if (suggestion.empty()) {
        suggestion = didYouMean(suggestedFieldNames(*type, field.name.value));
      }
    }
    context_.reportError("Cannot query field \"" + std::string(field.name.value) + "\" on type \"" +
                             type->name() + "\"." + suggestion,
                         {field.loc});
  }

 private:
  // The object types and interfaces that have the field: those that more of the
  // possible types share first, then interfaces before the types implementing them,
  // then by name.
  static std::vector<std::string_view> suggestedTypeNames(const NamedType& type,
                                                          std::string_view fieldName) {
    if (!type.isAbstract()) return {};
    std::vector<std::pair<const NamedType*, int>> suggested;  // type, usage count
    const auto count = [&suggested](const NamedType* candidate, bool first) {
      for (auto& [known, usages] : suggested) {
        if (known == candidate) {
          usages = first ? 1 : usages + 1;
          return;
        }
      }
      suggested.emplace_back(candidate, 1);
    };
    for (const NamedType* possible : type.possibleTypes()) {
      if (possible->field(fieldName) == nullptr) continue;
      count(possible, true);
      for (const NamedType* iface : possible->interfaces()) {
        if (iface->field(fieldName) != nullptr) count(iface, false);
      }
    }
    sortAsV8Does(suggested, [](const auto& a, const auto& b) {
      if (a.second != b.second) return b.second - a.second;
      const NamedType& typeA = *a.first;
      const NamedType& typeB = *b.first;
      if (typeA.kind() == TypeKind::Interface && typeA.isSubType(typeB)) return -1;
      if (typeB.kind() == TypeKind::Interface && typeB.isSubType(typeA)) return 1;
      return naturalCompare(typeA.name(), typeB.name());
    });
    std::vector<std::string_view> names;
    names.reserve(suggested.size());
    for (const auto& entry : suggested)
      names.push_back(entry.first->name());
    return names;
  }

  static std::vector<std::string_view> suggestedFieldNames(const NamedType& type,
                                                           std::string_view fieldName) {
    // A union has no fields of its own to suggest.
    if (type.kind() != TypeKind::Object && type.kind() != TypeKind::Interface) return {};
    std::vector<std::string_view> names;
    names.reserve(type.fields().size());
    for (const Field& field : type.fields())
      names.push_back(field.name);
    return suggestionList(fieldName, names);
  }

  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kFieldsOnCorrectTypeRule =
    makeValidationRule<FieldsOnCorrectTypeRule>("FieldsOnCorrectTypeRule");

}  // namespace mt::api
