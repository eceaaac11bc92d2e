#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Field Selection Merging": fields that answer under the same response key must
// be the same field with the same arguments (unless their parents can never be the
// same object), return compatible types, and have mergeable sub-selections, so that
// the response is unambiguous.
//
// graphql-js's algorithm, structure and caches included: the fields of each
// selection set are collected once per parent type; fields are compared against the
// fields of each fragment spread beside them, and fragments against fragments, with
// each pair of fragments compared once (twice if first compared as mutually
// exclusive); a fragment compared with a collection of fields is not compared with it
// again. graphql-js also bounds the comparisons a document may cause; we spend from
// the same budget at the same points, so both engines give up on the same documents.

constexpr std::size_t kMaxConflictDetailLength = 1000;
constexpr std::size_t kMaxConflictNodes = 20;
constexpr std::ptrdiff_t kComplexityBudget = 500'000;

std::string abbreviate(std::string text) {
  if (text.size() > kMaxConflictDetailLength) {
    text.resize(kMaxConflictDetailLength);
    text += "...";
  }
  return text;
}

std::string abbreviate(std::string_view text) {
  return abbreviate(std::string(text));
}

// Whether two argument values are the same, as graphql-js decides by comparing
// JSON.stringify of their ASTs (so `1` and `1.0`, or "a" and """a""", differ, and
// object fields compare sorted by name).
bool sameValue(const ast::Value& a, const ast::Value& b, std::pmr::memory_resource* memory) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&b, memory](const auto& left) -> bool {
        using Node = std::decay_t<decltype(left)>;
        const Node& right = std::get<Node>(b);
        if constexpr (std::is_same_v<Node, ast::Variable>) {
          return left.name.value == right.name.value;
        } else if constexpr (std::is_same_v<Node, ast::StringValue>) {
          return left.value == right.value && left.block == right.block;
        } else if constexpr (std::is_same_v<Node, ast::NullValue>) {
          return true;
        } else if constexpr (std::is_same_v<Node, ast::ListValue>) {
          if (left.values.size() != right.values.size()) return false;
          for (std::size_t i = 0; i < left.values.size(); ++i) {
            if (!sameValue(left.values[i], right.values[i], memory)) return false;
          }
          return true;
        } else if constexpr (std::is_same_v<Node, ast::ObjectValue>) {
          if (left.fields.size() != right.fields.size()) return false;
          const auto sorted = [memory](const ast::ObjectValue& object) {
            std::pmr::vector<const ast::ObjectField*> fields(memory);
            fields.reserve(object.fields.size());
            for (const ast::ObjectField& field : object.fields)
              fields.push_back(&field);
            std::stable_sort(fields.begin(), fields.end(), [](const auto* x, const auto* y) {
              return x->name.value < y->name.value;
            });
            return fields;
          };
          const auto leftFields = sorted(left);
          const auto rightFields = sorted(right);
          for (std::size_t i = 0; i < leftFields.size(); ++i) {
            if (leftFields[i]->name.value != rightFields[i]->name.value ||
                !sameValue(leftFields[i]->value, rightFields[i]->value, memory)) {
              return false;
            }
          }
          return true;
        } else {
          return left.value == right.value;  // Int, Float, Boolean, Enum
        }
      },
      static_cast<const ast::Value::variant&>(a));
}

struct PointerPairHash {
  template <class A, class B>
  std::size_t operator()(const std::pair<A, B>& pair) const noexcept {
    return std::hash<A>{}(pair.first) * 31 + std::hash<B>{}(pair.second);
  }
};

class OverlappingFieldsCanBeMergedRule {
 public:
  explicit OverlappingFieldsCanBeMergedRule(ValidationContext& context)
      : context_(context),
        memory_(context.memory()),
        comparedFragmentPairs_(memory_),
        collected_(memory_),
        fieldInfos_(memory_) {}

  void enter(const ast::SelectionSet& set) {
    // An inline fragment's fields belong to the enclosing selection set, which has
    // compared them already.
    if (context_.selectionSetOwner() == ast::Kind::InlineFragment) return;
    if (set.selections.size() <= 1 &&
        (set.selections.empty() ||
         !std::holds_alternative<ast::InlineFragment>(set.selections[0]))) {
      return;
    }
    Conflicts conflicts(memory_);
    findConflictsWithinSelectionSet(conflicts, context_.parentType(), set);
    for (const Conflict& conflict : conflicts) {
      std::vector<ErrorLocation> locations;
      locations.reserve(conflict.fields1.size() + conflict.fields2.size());
      for (const ast::Field* field : conflict.fields1) {
        locations.push_back(ValidationContext::locationOf(field->loc));
      }
      for (const ast::Field* field : conflict.fields2) {
        locations.push_back(ValidationContext::locationOf(field->loc));
      }
      context_.reportError("Fields \"" + abbreviate(conflict.responseName) +
                               "\" conflict because " + conflict.reason +
                               ". Use different aliases on the fields to fetch both if this was "
                               "intentional.",
                           std::move(locations));
    }
  }

 private:
  // Why two fields conflict, decided once per pair of fields.
  enum class Reason : std::uint8_t { None, DifferentFields, DifferingArguments };

  // What a field needs only once it overlaps another (graphql-js's getFieldInfo).
  struct FieldInfo {
    explicit FieldInfo(std::pmr::memory_resource* memory) : comparisons(memory) {}
    std::pmr::unordered_map<const FieldInfo*, Reason> comparisons;
    const NamedType* namedType = nullptr;
  };

  struct FieldDetails {
    const NamedType* parentType;  // any named type, or null when unknown
    const ast::Field* node;
    const Field* definition;  // the parent's own field (not __typename); null if none
    bool isSimpleLeaf;        // no arguments, no selection
    FieldInfo* info = nullptr;
  };

  using FieldList = std::pmr::vector<FieldDetails>;

  struct Group {
    std::string_view responseName;
    FieldList fields;
  };

  struct Overlap {
    std::string_view responseName;
    FieldList* fields1;
    FieldList* fields2;
  };

  // The fields of a selection set grouped by response key, in order, and the
  // fragments it spreads (graphql-js's collectFields result, with its caches).
  struct CollectedFields {
    explicit CollectedFields(std::pmr::memory_resource* memory)
        : groups(memory),
          index(memory),
          fragmentNames(memory),
          comparedFragments(memory),
          overlaps(memory) {}

    Group* find(std::string_view responseName) {
      constexpr std::size_t kScanLimit = 16;
      if (groups.size() <= kScanLimit) {
        for (Group& group : groups) {
          if (group.responseName == responseName) return &group;
        }
        return nullptr;
      }
      const auto found = index.find(responseName);
      return found == index.end() ? nullptr : &groups[found->second];
    }

    std::pmr::vector<Group> groups;
    std::pmr::unordered_map<std::string_view, std::size_t> index;  // beyond kScanLimit groups
    std::pmr::vector<std::string_view> fragmentNames;
    // Fragments compared with these fields, and whether only as mutually exclusive.
    std::pmr::unordered_map<std::string_view, bool> comparedFragments;
    std::pmr::unordered_map<const CollectedFields*, std::pmr::vector<Overlap>> overlaps;
  };

  struct Conflict {
    std::string_view responseName;
    std::string reason;
    std::pmr::vector<const ast::Field*> fields1;
    std::pmr::vector<const ast::Field*> fields2;
  };
  using Conflicts = std::pmr::vector<Conflict>;

  void spend(std::ptrdiff_t cost) {
    remainingBudget_ -= cost;
    if (remainingBudget_ < 0) context_.abort();
  }

  // --- Collecting fields

  CollectedFields& collectFields(const NamedType* parentType, const ast::SelectionSet& set) {
    const auto [entry, inserted] = collected_.try_emplace({parentType, &set}, memory_);
    CollectedFields& result = entry->second;
    if (!inserted) return result;
    collectFieldsInto(result, parentType, set);
    return result;
  }

  CollectedFields& collectFragmentFields(const ast::FragmentDefinition& fragment) {
    return collectFields(context_.namedTypeFromAst(fragment.typeCondition), fragment.selectionSet);
  }

  void collectFieldsInto(CollectedFields& result, const NamedType* parentType,
                         const ast::SelectionSet& set) {
    constexpr std::size_t kScanLimit = 16;
    for (const ast::Selection& selection : set.selections) {
      if (const auto* field = std::get_if<ast::Field>(&selection)) {
        const Field* definition = nullptr;
        if (parentType != nullptr &&
            (parentType->kind() == TypeKind::Object || parentType->kind() == TypeKind::Interface)) {
          definition = parentType->field(field->name.value);
        }
        const std::string_view responseName = field->responseKey();
        Group* group = result.find(responseName);
        if (group == nullptr) {
          group = &result.groups.emplace_back(Group{responseName, FieldList(memory_)});
          if (result.groups.size() > kScanLimit) {
            if (result.index.empty()) {
              for (std::size_t i = 0; i < result.groups.size(); ++i) {
                result.index.emplace(result.groups[i].responseName, i);
              }
            } else {
              result.index.emplace(responseName, result.groups.size() - 1);
            }
          }
        }
        group->fields.push_back(
            {parentType, field, definition, field->arguments.empty() && !field->selectionSet});
      } else if (const auto* spread = std::get_if<ast::FragmentSpread>(&selection)) {
        const std::string_view name = spread->name.value;
        if (std::find(result.fragmentNames.begin(), result.fragmentNames.end(), name) ==
            result.fragmentNames.end()) {
          result.fragmentNames.push_back(name);
        }
      } else {
        const auto& inlineFragment = std::get<ast::InlineFragment>(selection);
        const NamedType* type = inlineFragment.typeCondition
                                    ? context_.namedTypeFromAst(*inlineFragment.typeCondition)
                                    : parentType;
        collectFieldsInto(result, type, inlineFragment.selectionSet);
      }
    }
  }

  FieldInfo& fieldInfo(FieldDetails& details) {
    if (details.info == nullptr) {
      FieldInfo& info = fieldInfos_.emplace_back(memory_);
      if (details.definition != nullptr) info.namedType = &details.definition->type->named();
      details.info = &info;
    }
    return *details.info;
  }

  // --- Finding conflicts

  void findConflictsWithinSelectionSet(Conflicts& conflicts, const NamedType* parentType,
                                       const ast::SelectionSet& set) {
    CollectedFields& collected = collectFields(parentType, set);
    collectConflictsWithin(conflicts, collected);
    const auto& names = collected.fragmentNames;
    if (names.empty() || (collected.groups.empty() && names.size() <= 1)) return;
    for (std::size_t i = 0; i < names.size(); ++i) {
      collectConflictsBetweenFieldsAndFragment(conflicts, false, collected, names[i]);
      for (std::size_t j = i + 1; j < names.size(); ++j) {
        collectConflictsBetweenFragments(conflicts, false, names[i], names[j]);
      }
    }
  }

  void collectConflictsBetweenFieldsAndFragment(Conflicts& conflicts, bool mutuallyExclusive,
                                                CollectedFields& collected,
                                                std::string_view fragmentName) {
    spend(1);
    if (collected.groups.empty()) return;
    const auto [entry, inserted] =
        collected.comparedFragments.try_emplace(fragmentName, mutuallyExclusive);
    if (!inserted) {
      // A comparison as mutually exclusive is weaker, so it does not stand for one
      // that is not.
      if (!entry->second || mutuallyExclusive) return;
      entry->second = mutuallyExclusive;
    }
    const ast::FragmentDefinition* fragment = context_.fragment(fragmentName);
    if (fragment == nullptr) return;
    CollectedFields& fragmentFields = collectFragmentFields(*fragment);
    if (&fragmentFields == &collected) return;
    context_.checkStack();
    collectConflictsBetween(conflicts, mutuallyExclusive, collected, fragmentFields);
    for (const std::string_view name : fragmentFields.fragmentNames) {
      collectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, collected, name);
    }
  }

  bool fragmentPairCompared(std::string_view a, std::string_view b, bool mutuallyExclusive) const {
    for (const auto& key : {std::pair(a, b), std::pair(b, a)}) {
      const auto found = comparedFragmentPairs_.find(key);
      if (found == comparedFragmentPairs_.end()) continue;
      if (mutuallyExclusive || !found->second) return true;
    }
    return false;
  }

  void collectConflictsBetweenFragments(Conflicts& conflicts, bool mutuallyExclusive,
                                        std::string_view name1, std::string_view name2) {
    spend(2);
    if (name1 == name2 || fragmentPairCompared(name1, name2, mutuallyExclusive)) return;
    comparedFragmentPairs_[{name1, name2}] = mutuallyExclusive;
    const ast::FragmentDefinition* fragment1 = context_.fragment(name1);
    const ast::FragmentDefinition* fragment2 = context_.fragment(name2);
    if (fragment1 == nullptr || fragment2 == nullptr) return;
    CollectedFields& fields1 = collectFragmentFields(*fragment1);
    CollectedFields& fields2 = collectFragmentFields(*fragment2);
    context_.checkStack();
    collectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
    for (const std::string_view name : fields2.fragmentNames) {
      collectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, name);
    }
    for (const std::string_view name : fields1.fragmentNames) {
      collectConflictsBetweenFragments(conflicts, mutuallyExclusive, name, name2);
    }
  }

  Conflicts findConflictsBetweenSubSelectionSets(bool mutuallyExclusive,
                                                 const NamedType* parentType1,
                                                 const ast::SelectionSet& set1,
                                                 const NamedType* parentType2,
                                                 const ast::SelectionSet& set2) {
    context_.checkStack();
    Conflicts conflicts(memory_);
    CollectedFields& fields1 = collectFields(parentType1, set1);
    CollectedFields& fields2 = collectFields(parentType2, set2);
    collectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
    for (const std::string_view name : fields2.fragmentNames) {
      collectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields1, name);
    }
    for (const std::string_view name : fields1.fragmentNames) {
      collectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields2, name);
    }
    for (const std::string_view name1 : fields1.fragmentNames) {
      for (const std::string_view name2 : fields2.fragmentNames) {
        collectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, name2);
      }
    }
    return conflicts;
  }

  void collectConflictsWithin(Conflicts& conflicts, CollectedFields& collected) {
    for (Group& group : collected.groups) {
      FieldList& fields = group.fields;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        for (std::size_t j = i + 1; j < fields.size(); ++j) {
          findConflict(conflicts, false, group.responseName, fields[i], fields[j]);
        }
      }
    }
  }

  void collectConflictsBetween(Conflicts& conflicts, bool mutuallyExclusive,
                               CollectedFields& fields1, CollectedFields& fields2) {
    if (fields1.groups.empty() || fields2.groups.empty()) return;
    for (const Overlap& overlap : overlappingFields(fields1, fields2)) {
      for (FieldDetails& field1 : *overlap.fields1) {
        for (FieldDetails& field2 : *overlap.fields2) {
          findConflict(conflicts, mutuallyExclusive, overlap.responseName, field1, field2);
        }
      }
    }
  }

  const std::pmr::vector<Overlap>& overlappingFields(CollectedFields& fields1,
                                                     CollectedFields& fields2) {
    const auto [entry, inserted] = fields1.overlaps.try_emplace(&fields2);
    auto& overlaps = entry->second;
    if (!inserted) return overlaps;
    for (Group& group : fields1.groups) {
      spend(1);
      if (Group* other = fields2.find(group.responseName)) {
        overlaps.push_back({group.responseName, &group.fields, &other->fields});
      }
    }
    return overlaps;
  }

  // Adds the conflict between two fields of the same response key, if any, with
  // their sub-selections compared.
  void findConflict(Conflicts& conflicts, bool parentsMutuallyExclusive,
                    std::string_view responseName, FieldDetails& details1, FieldDetails& details2) {
    // Different object types can never be the same object, so fields on them may
    // differ; interfaces and unions might overlap, if not now then after the schema
    // grows.
    const bool mutuallyExclusive =
        parentsMutuallyExclusive ||
        (details1.parentType != details2.parentType && details1.parentType != nullptr &&
         details2.parentType != nullptr && details1.parentType->kind() == TypeKind::Object &&
         details2.parentType->kind() == TypeKind::Object);
    spend(2);
    const ast::Field& node1 = *details1.node;
    const ast::Field& node2 = *details2.node;
    const Type* type1 = details1.definition != nullptr ? details1.definition->type : nullptr;
    const Type* type2 = details2.definition != nullptr ? details2.definition->type : nullptr;
    if (details1.isSimpleLeaf && details2.isSimpleLeaf && type1 == type2 &&
        node1.name.value == node2.name.value) {
      return;
    }

    if (!mutuallyExclusive) {
      FieldInfo& info1 = fieldInfo(details1);
      const FieldInfo& info2 = fieldInfo(details2);
      const auto [entry, inserted] = info1.comparisons.try_emplace(&info2, Reason::None);
      if (inserted) {
        entry->second = node1.name.value != node2.name.value ? Reason::DifferentFields
                        : sameArguments(node1.arguments, node2.arguments)
                            ? Reason::None
                            : Reason::DifferingArguments;
      }
      if (entry->second != Reason::None) {
        const std::string reason = entry->second == Reason::DifferentFields
                                       ? "\"" + abbreviate(node1.name.value) + "\" and \"" +
                                             abbreviate(node2.name.value) +
                                             "\" are different fields"
                                       : std::string("they have differing arguments");
        addConflict(conflicts, responseName, reason, node1, node2);
        return;
      }
    }

    if (type1 != nullptr && type2 != nullptr && doTypesConflict(*type1, *type2)) {
      addConflict(
          conflicts, responseName,
          "they return conflicting types \"" + type1->str() + "\" and \"" + type2->str() + "\"",
          node1, node2);
      return;
    }

    if (node1.selectionSet && node2.selectionSet) {
      const Conflicts subConflicts = findConflictsBetweenSubSelectionSets(
          mutuallyExclusive, fieldInfo(details1).namedType, *node1.selectionSet,
          fieldInfo(details2).namedType, *node2.selectionSet);
      if (!subConflicts.empty())
        addSubfieldConflicts(conflicts, responseName, subConflicts, node1, node2);
    }
  }

  void addConflict(Conflicts& conflicts, std::string_view responseName, std::string reason,
                   const ast::Field& node1, const ast::Field& node2) {
    Conflict& conflict = conflicts.emplace_back(
        Conflict{responseName, std::move(reason), std::pmr::vector<const ast::Field*>(memory_),
                 std::pmr::vector<const ast::Field*>(memory_)});
    conflict.fields1.push_back(&node1);
    conflict.fields2.push_back(&node2);
  }

  // One conflict for two fields whose sub-fields conflict, naming the sub-fields.
  void addSubfieldConflicts(Conflicts& conflicts, std::string_view responseName,
                            const Conflicts& subConflicts, const ast::Field& node1,
                            const ast::Field& node2) {
    std::string message;
    for (const Conflict& sub : subConflicts) {
      if (!message.empty()) message += " and ";
      message +=
          "subfields \"" + abbreviate(sub.responseName) + "\" conflict because " + sub.reason;
      if (message.size() > kMaxConflictDetailLength) break;
    }
    Conflict& conflict = conflicts.emplace_back(Conflict{
        responseName, abbreviate(std::move(message)), std::pmr::vector<const ast::Field*>(memory_),
        std::pmr::vector<const ast::Field*>(memory_)});
    collectConflictNodes(conflict.fields1, node1, subConflicts, &Conflict::fields1);
    collectConflictNodes(conflict.fields2, node2, subConflicts, &Conflict::fields2);
  }

  // The enclosing field, then the sub-conflicts' fields up to a limit, taking each
  // one's deepest fields when it must be cut.
  static void collectConflictNodes(std::pmr::vector<const ast::Field*>& nodes,
                                   const ast::Field& node, const Conflicts& subConflicts,
                                   std::pmr::vector<const ast::Field*> Conflict::*side) {
    nodes.push_back(&node);
    for (const Conflict& sub : subConflicts) {
      const auto& fields = sub.*side;
      const std::size_t remaining = kMaxConflictNodes - nodes.size();
      const std::size_t from = fields.size() > remaining ? fields.size() - remaining : 0;
      nodes.insert(nodes.end(), fields.begin() + static_cast<std::ptrdiff_t>(from), fields.end());
      if (nodes.size() == kMaxConflictNodes) break;
    }
  }

  bool sameArguments(const std::vector<ast::Argument>& arguments1,
                     const std::vector<ast::Argument>& arguments2) {
    if (arguments1.size() != arguments2.size()) return false;
    for (const ast::Argument& argument1 : arguments1) {
      spend(1);
      // The last argument of a name counts, as in graphql-js's Map.
      const ast::Argument* argument2 = nullptr;
      for (const ast::Argument& candidate : arguments2) {
        if (candidate.name.value == argument1.name.value) argument2 = &candidate;
      }
      if (argument2 == nullptr || !sameValue(argument1.value, argument2->value, memory_)) {
        return false;
      }
    }
    return true;
  }

  // Whether two types could not both describe one value: lists and non-nulls must
  // match, and leaves must be the same type. Composite types are compared through
  // their fields instead.
  bool doTypesConflict(const Type& type1, const Type& type2) {
    if (&type1 == &type2) return false;
    spend(1);
    if (type1.isList()) return !type2.isList() || doTypesConflict(*type1.ofType(), *type2.ofType());
    if (type2.isList()) return true;
    if (type1.isNonNull()) {
      return !type2.isNonNull() || doTypesConflict(*type1.ofType(), *type2.ofType());
    }
    if (type2.isNonNull()) return true;
    if (type1.isLeaf() || type2.isLeaf()) return &type1 != &type2;
    return false;
  }

  ValidationContext& context_;
  std::pmr::memory_resource* memory_;
  std::ptrdiff_t remainingBudget_ = kComplexityBudget;
  // Fragment pairs compared, and whether only as mutually exclusive.
  std::pmr::unordered_map<std::pair<std::string_view, std::string_view>, bool, PointerPairHash>
      comparedFragmentPairs_;
  std::pmr::unordered_map<std::pair<const NamedType*, const ast::SelectionSet*>, CollectedFields,
                          PointerPairHash>
      collected_;
  std::pmr::deque<FieldInfo> fieldInfos_;
};

}  // namespace

constinit const ValidationRule kOverlappingFieldsCanBeMergedRule =
    makeValidationRule<OverlappingFieldsCanBeMergedRule>("OverlappingFieldsCanBeMergedRule");

}  // namespace mt::api
