#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace mt::metrics {

// Counts observations into buckets with fixed upper bounds (Prometheus semantics:
// a value lands in the first bucket whose bound is >= the value; a final +Inf
// bucket catches the rest), and keeps their sum.
//
// Thread affinity: observe() and snapshot() from any thread, lock-free. A snapshot
// taken while others observe may lag by the observations in flight; its count is
// always the sum of its buckets, so `_count` equals the `+Inf` bucket.
class Histogram {
 public:
  // `upperBounds` must be finite and strictly increasing (std::invalid_argument
  // otherwise); +Inf is implied and must not be listed.
  explicit Histogram(std::vector<double> upperBounds);
  Histogram(const Histogram&) = delete;
  Histogram& operator=(const Histogram&) = delete;

  // NaN is ignored: it belongs in no bucket and would poison the sum for good.
  void observe(double value);

  struct Snapshot {
    std::vector<double> upperBounds;        // without +Inf
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf
    double sum = 0.0;
    std::uint64_t count = 0;
  };
  Snapshot snapshot() const;

  const std::vector<double>& upperBounds() const { return bounds_; }

  // Prometheus' default latency buckets in seconds: 5 ms to 10 s.
  static std::vector<double> defaultBounds();
  // start, start*factor, ... (`count` bounds); start > 0, factor > 1.
  static std::vector<double> exponentialBounds(double start, double factor, std::size_t count);
  // start, start+width, ... (`count` bounds); width > 0.
  static std::vector<double> linearBounds(double start, double width, std::size_t count);

 private:
  std::vector<double> bounds_;
  // Per-bucket (not cumulative) counts, bounds_.size() + 1 of them; accumulated only
  // when scraped so that observe() touches a single bucket.
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;
  std::atomic<double> sum_{0.0};
};

}  // namespace mt::metrics
