#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "Ast.h"
#include "NamedType.h"
#include "Schema.h"
#include "Value.h"

namespace mt::api {

// The fragments of a document by name, for CollectFields.
class FragmentTable {
 public:
  explicit FragmentTable(const ast::Document& document);
  const ast::FragmentDefinition* find(std::string_view name) const noexcept;

 private:
  // Sorted by name: a request has a handful of fragments, and a sorted vector is one
  // allocation where a hash map is one per fragment.
  std::vector<std::pair<std::string_view, const ast::FragmentDefinition*>> byName_;
};

// One response key of a selection set with every field node that answers to it
// (`a` twice, or through two fragments), in document order. nodes[0] decides the
// field and its arguments, as in graphql-js.
struct CollectedField {
  std::string_view responseKey;
  std::span<const ast::Field* const> nodes;
};

// A selection set's fields for one runtime type (the spec's CollectFields, merged over
// several selection sets as CollectSubfields does), in response-key order. The spans
// point into `nodes`, so a CollectedFields must not be copied; moving keeps them valid.
struct CollectedFields {
  std::vector<const ast::Field*> nodes;
  std::vector<CollectedField> fields;

  CollectedFields() = default;
  CollectedFields(const CollectedFields&) = delete;
  CollectedFields& operator=(const CollectedFields&) = delete;
  CollectedFields(CollectedFields&&) noexcept = default;
  CollectedFields& operator=(CollectedFields&&) noexcept = default;
  ~CollectedFields() = default;
};

// Collects the fields of `selectionSets` that apply to an object of `runtimeType`:
// fields kept by @skip/@include, inline fragments and fragment spreads whose type
// condition `runtimeType` satisfies (each named fragment once), grouped by response
// key in order of first appearance. Unknown fragments and type conditions are passed
// over (validation reports them). Throws GraphQLError when a @skip or @include
// argument is invalid.
//
// One collector serves a whole execution: it keeps its working space between calls.
class FieldCollector {
 public:
  FieldCollector(const Schema& schema, const FragmentTable& fragments, const Value& variables)
      : schema_(schema), fragments_(fragments), variables_(variables) {}

  CollectedFields collect(const NamedType& runtimeType,
                          std::span<const ast::SelectionSet* const> selectionSets);

 private:
  struct Entry {
    std::uint32_t key;
    const ast::Field* field;
  };

  void collectSelections(const ast::SelectionSet& selectionSet);
  std::uint32_t keyIndex(std::string_view key);
  bool conditionMatches(const ast::NamedType& condition) const;
  CollectedFields finish();

  const Schema& schema_;
  const FragmentTable& fragments_;
  const Value& variables_;
  const NamedType* runtimeType_ = nullptr;
  std::vector<std::string_view> keys_;
  std::unordered_map<std::string_view, std::uint32_t> index_;
  std::vector<Entry> entries_;
  std::vector<std::string_view> visitedFragments_;
  std::vector<std::uint32_t> starts_;
  int depth_ = 0;
};

// The same with a collector of its own.
CollectedFields collectFields(const Schema& schema, const FragmentTable& fragments,
                              const Value& variables, const NamedType& runtimeType,
                              std::span<const ast::SelectionSet* const> selectionSets);

}  // namespace mt::api
