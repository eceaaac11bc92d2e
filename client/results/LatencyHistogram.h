#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "HistogramLayout.h"

namespace mt::load {

// Latencies in nanoseconds, with counts in log-linear buckets (see HistogramLayout
// for the layout and its error bound).
//
// - record() is O(1) and never allocates (the buckets are allocated once, here).
// - count, min, max and sum (hence mean) are exact, over the values as given
//   (a negative value counts as 0); min and max are not clamped.
// - percentile(p) is within layout().relativeErrorBound() of the exact nearest-rank
//   percentile, for values inside [lowestNs, highestNs].
// - merge() adds bucket counts: histograms of two halves merge into the histogram of
//   the whole, bit for bit (operator== compares everything).
//
// Not thread-safe: each thread records into its own and the owner merges them.
class LatencyHistogram {
 public:
  explicit LatencyHistogram(HistogramLayout layout = HistogramLayout::precise());

  void record(std::int64_t ns) {
    if (ns < 0) ns = 0;
    std::int64_t bucketed = ns;
    if (ns < layout_.lowestNs) {
      bucketed = layout_.lowestNs;
      ++clampedLow_;
    } else if (ns > layout_.highestNs) {
      bucketed = layout_.highestNs;
      ++clampedHigh_;
    }
    ++counts_[layout_.bucketIndex(bucketed) - firstIndex_];
    ++count_;
    sum_ = saturatingAdd(sum_, static_cast<std::uint64_t>(ns));
    min_ = std::min(min_, ns);
    max_ = std::max(max_, ns);
  }

  // Throws std::invalid_argument if the layouts differ.
  void merge(const LatencyHistogram& other);

  const HistogramLayout& layout() const { return layout_; }
  std::uint64_t count() const { return count_; }
  // 0 when empty.
  std::int64_t min() const { return count_ == 0 ? 0 : min_; }
  std::int64_t max() const { return count_ == 0 ? 0 : max_; }
  // Saturates at 2^64-1 ns (584 years) instead of wrapping.
  std::uint64_t sum() const { return sum_; }
  double mean() const {
    return count_ == 0 ? 0.0 : static_cast<double>(sum_) / static_cast<double>(count_);
  }
  std::uint64_t clampedLow() const { return clampedLow_; }
  std::uint64_t clampedHigh() const { return clampedHigh_; }

  // The nearest-rank percentile, p in [0, 100]: the value of rank nearestRank(p, count)
  // in ascending order. p <= 0 gives min(), p >= 100 gives max() (both exact);
  // 0 when empty.
  std::int64_t percentile(double p) const;

  // Absolute bucket indices [firstIndex, lastIndex] this layout can hold.
  std::size_t firstIndex() const { return firstIndex_; }
  std::size_t lastIndex() const { return firstIndex_ + counts_.size() - 1; }
  std::uint64_t bucketCount(std::size_t index) const { return counts_[index - firstIndex_]; }

  // For readers of the JSON form: puts `n` values into bucket `index` (which must be
  // in range) without touching count/min/max/sum, which restore() sets afterwards.
  void addToBucket(std::size_t index, std::uint64_t n) { counts_[index - firstIndex_] += n; }
  void restore(std::uint64_t count, std::int64_t min, std::int64_t max, std::uint64_t sum,
               std::uint64_t clampedLow, std::uint64_t clampedHigh);

  bool operator==(const LatencyHistogram&) const = default;

 private:
  static std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b) {
    std::uint64_t total = 0;
    return __builtin_add_overflow(a, b, &total) ? std::numeric_limits<std::uint64_t>::max() : total;
  }

  HistogramLayout layout_;
  std::size_t firstIndex_;
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t clampedLow_ = 0;
  std::uint64_t clampedHigh_ = 0;
  std::int64_t min_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t max_ = 0;
};

// The 1-based rank of the nearest-rank p-th percentile of `count` sorted values:
// ceil(p/100 * count), at least 1 (a tolerance keeps 99.9% of 1000 at 999 despite
// binary floating point). Shared with tests so both sides agree on "exact".
std::uint64_t nearestRank(double p, std::uint64_t count);

}  // namespace mt::load
