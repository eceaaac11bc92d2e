#include "LatencyHistogram.h"

#include <cmath>
#include <stdexcept>

namespace mt::load {

LatencyHistogram::LatencyHistogram(HistogramLayout layout) : layout_(layout) {
  layout_.validate();
  firstIndex_ = layout_.bucketIndex(layout_.lowestNs);
  counts_.assign(layout_.bucketIndex(layout_.highestNs) - firstIndex_ + 1, 0);
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (!(other.layout_ == layout_)) {
    throw std::invalid_argument("histogram merge: the bucket layouts differ");
  }
  for (std::size_t i = 0; i < counts_.size(); ++i)
    counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ = saturatingAdd(sum_, other.sum_);
  clampedLow_ += other.clampedLow_;
  clampedHigh_ += other.clampedHigh_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

std::int64_t LatencyHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  if (!(p > 0.0)) return min_;  // also NaN
  if (p >= 100.0) return max_;
  const std::uint64_t rank = nearestRank(p, count_);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      // The exact value lies in this bucket and in [min, max]; moving the middle into
      // [min, max] can only bring it closer.
      return std::clamp(layout_.bucketMiddle(firstIndex_ + i), min_, max_);
    }
  }
  return max_;  // unreachable while count_ equals the sum of the buckets
}

void LatencyHistogram::restore(std::uint64_t count, std::int64_t min, std::int64_t max,
                               std::uint64_t sum, std::uint64_t clampedLow,
                               std::uint64_t clampedHigh) {
  count_ = count;
  min_ = count == 0 ? std::numeric_limits<std::int64_t>::max() : min;
  max_ = count == 0 ? 0 : max;
  sum_ = sum;
  clampedLow_ = clampedLow;
  clampedHigh_ = clampedHigh;
}

std::uint64_t nearestRank(double p, std::uint64_t count) {
  const double exact = p * static_cast<double>(count) / 100.0;
  const auto rank = static_cast<std::uint64_t>(std::ceil(exact - 1e-9 * std::max(1.0, exact)));
  return std::clamp<std::uint64_t>(rank, 1, count);
}

}  // namespace mt::load
