#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "GraphQLError.h"

namespace mt::api {

// Where a value sits in the response: a linked list from the field being resolved back
// to the root, as graphql-js's Path. Execution keeps each step on its own stack frame,
// so extending the path costs nothing; toSegments() makes the copy an error keeps.
//
// A step's key views the response key in the request document, which outlives the
// execution.
struct ResponsePath {
  const ResponsePath* prev = nullptr;
  std::string_view key;  // the response key; empty when this step is a list index
  std::size_t index = 0;
  bool isIndex = false;

  static ResponsePath field(const ResponsePath* prev, std::string_view key) {
    return {prev, key, 0, false};
  }
  static ResponsePath item(const ResponsePath* prev, std::size_t index) {
    return {prev, {}, index, true};
  }

  // The steps from the root down to this one.
  std::vector<PathSegment> toSegments() const;
};

}  // namespace mt::api
