#pragma once

#include <cstdint>
#include <ctime>
#include <limits>

namespace mt::load {

// Monotonic time for latencies and schedules; never jumps with the wall clock.
inline std::int64_t steadyNowNs() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Wall-clock time, only to place results on the shared (Unix) time axis.
inline std::int64_t unixNowNs() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Maps steady instants to Unix time through one pair of readings taken together, so
// every thread of a run places its measurements on the same axis.
struct ClockAnchor {
  std::int64_t steadyNs = 0;
  std::int64_t unixNs = 0;

  static ClockAnchor now() { return {steadyNowNs(), unixNowNs()}; }
  // Saturates: a run bounded only by its request count ends "never" (INT64_MAX).
  std::int64_t toUnix(std::int64_t steady) const {
    std::int64_t unix = 0;
    if (__builtin_add_overflow(unixNs, steady - steadyNs, &unix)) {
      return steady > steadyNs ? std::numeric_limits<std::int64_t>::max()
                               : std::numeric_limits<std::int64_t>::min();
    }
    return unix;
  }
};

}  // namespace mt::load
