#include "HistogramLayout.h"

#include <stdexcept>
#include <string>

namespace mt::load {

void HistogramLayout::validate() const {
  constexpr std::int64_t kLargestHighest = std::int64_t{1} << 50;
  if (lowestNs < 1 || highestNs <= lowestNs || highestNs > kLargestHighest) {
    throw std::invalid_argument("histogram layout: need 1 <= lowestNs < highestNs <= 2^50, got " +
                                std::to_string(lowestNs) + " and " + std::to_string(highestNs));
  }
  if (subBucketBits < 1 || subBucketBits > 12) {
    throw std::invalid_argument("histogram layout: subBucketBits must be 1..12, got " +
                                std::to_string(subBucketBits));
  }
}

}  // namespace mt::load
