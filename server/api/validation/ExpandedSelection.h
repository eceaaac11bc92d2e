#pragma once

#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>

#include "Ast.h"
#include "ValidationContext.h"

namespace mt::api {

// Measures a selection set as if every fragment were written out where it is spread,
// for the defence rules: the size of what execution would walk, which a few fragments
// spreading each other twice can make exponential in the document's length.
//
// Each fragment is measured once and remembered, so the cost is linear in the
// document. A fragment spread inside itself counts as empty there (NoFragmentCycles
// reports the cycle). Counts saturate instead of overflowing.
class ExpandedSelection {
 public:
  enum class Measure {
    Depth,    // the deepest nesting of fields
    Fields,   // field selections, each alias counting as one
    Aliases,  // aliased field selections
  };

  ExpandedSelection(ValidationContext& context, Measure measure)
      : context_(context), measure_(measure), fragments_(context.memory()) {}

  std::uint64_t measure(const ast::SelectionSet& set);

  // For Depth: the first field found `depth` levels down, following the deepest path.
  const ast::Field* fieldAtDepth(const ast::SelectionSet& set, std::uint64_t depth);

 private:
  std::uint64_t measure(const ast::Field& field);
  std::uint64_t measure(const ast::FragmentSpread& spread);
  std::uint64_t combine(std::uint64_t a, std::uint64_t b) const;

  ValidationContext& context_;
  Measure measure_;
  // Measured fragments; a fragment being measured maps to nullopt.
  std::pmr::unordered_map<std::string_view, std::optional<std::uint64_t>> fragments_;
};

// "Operation "Name"" or "Anonymous operation", to begin the defence rules' messages.
std::string describeOperation(const ast::OperationDefinition& operation);

}  // namespace mt::api
