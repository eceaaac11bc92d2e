#pragma once

#include <atomic>
#include <cstdint>

namespace mt::metrics {

// A monotonically increasing count (requests served, bytes sent).
//
// Thread affinity: any thread. inc() is one relaxed atomic add: nothing orders other
// memory around a metric, and a scrape only needs each value to be eventually seen.
// Aligned to a cache line so that two hot counters allocated side by side do not
// make their threads fight over one line.
class alignas(64) Counter {
 public:
  Counter() = default;
  Counter(const Counter&) = delete;
  Counter& operator=(const Counter&) = delete;

  void inc(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

}  // namespace mt::metrics
