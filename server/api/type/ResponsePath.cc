#include "ResponsePath.h"

#include <algorithm>
#include <string>

namespace mt::api {

std::vector<PathSegment> ResponsePath::toSegments() const {
  std::vector<PathSegment> segments;
  for (const ResponsePath* step = this; step != nullptr; step = step->prev) {
    if (step->isIndex) {
      segments.emplace_back(static_cast<int>(step->index));
    } else {
      segments.emplace_back(std::string(step->key));
    }
  }
  std::reverse(segments.begin(), segments.end());
  return segments;
}

}  // namespace mt::api
