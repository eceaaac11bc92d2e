#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

namespace mt::load {

// Where a LatencyHistogram puts a value (HdrHistogram-style log-linear buckets).
//
// Values below 2^(subBucketBits+1) ns get one bucket each (exact). Above that, each
// range [2^k, 2^(k+1)) is split into 2^subBucketBits equal buckets of width
// 2^(k-subBucketBits). A value is reported as the middle of its bucket, so the
// reported value v' of a recorded value v satisfies
//
//     |v' - v| <= v * 2^-(subBucketBits+1)
//
// (precise(): 2^-8 = 0.39%, perSecond(): 2^-6 = 1.6%). Values outside
// [lowestNs, highestNs] are clamped into it (and counted), so the bound holds for
// values inside the range only.
//
// Bucket indices are absolute (a function of subBucketBits alone), so the index of a
// value never depends on lowestNs/highestNs; a reader compares all three parameters
// before it merges, and refuses a layout it does not share.
struct HistogramLayout {
  std::int64_t lowestNs = 1'000;             // 1 µs
  std::int64_t highestNs = 100'000'000'000;  // 100 s
  int subBucketBits = 7;

  // The layout of operation-level histograms: ≤ 0.39% relative error, 27 KiB.
  static HistogramLayout precise() { return HistogramLayout{}; }
  // The layout of per-second histograms: ≤ 1.6% relative error, 7 KiB, so an hour
  // of seconds for a handful of operations stays in tens of megabytes.
  static HistogramLayout perSecond() { return HistogramLayout{1'000, 100'000'000'000, 5}; }

  // The bound above, 2^-(subBucketBits+1).
  double relativeErrorBound() const {
    return 1.0 / static_cast<double>(std::int64_t{2} << subBucketBits);
  }

  // For 0 <= ns; O(1), no branches beyond a max.
  std::size_t bucketIndex(std::int64_t ns) const {
    const auto v = static_cast<std::uint64_t>(ns);
    const int magnitude = static_cast<int>(std::bit_width(v)) - 1;  // floor(log2 v), -1 for 0
    const int shift = magnitude > subBucketBits ? magnitude - subBucketBits : 0;
    return (static_cast<std::size_t>(shift) << subBucketBits) +
           static_cast<std::size_t>(v >> shift);
  }
  // Smallest value that lands in bucket `index`, and the number of values that do.
  std::int64_t bucketLowerBound(std::size_t index) const {
    const int shift = bucketShift(index);
    return static_cast<std::int64_t>(index - (static_cast<std::size_t>(shift) << subBucketBits))
           << shift;
  }
  std::int64_t bucketWidth(std::size_t index) const {
    return std::int64_t{1} << bucketShift(index);
  }
  // The value reported for bucket `index`: its middle (its only value if it is exact).
  std::int64_t bucketMiddle(std::size_t index) const {
    return bucketLowerBound(index) + bucketWidth(index) / 2;
  }

  // Throws std::invalid_argument unless 1 <= lowestNs < highestNs <= 2^50 ns (13 days)
  // and 1 <= subBucketBits <= 12, which bounds a histogram's memory.
  void validate() const;

  bool operator==(const HistogramLayout&) const = default;

 private:
  int bucketShift(std::size_t index) const {
    const auto quotient = static_cast<int>(index >> subBucketBits);
    return quotient <= 1 ? 0 : quotient - 1;
  }
};

}  // namespace mt::load
