#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "LatencyHistogram.h"

namespace mt::load {

// What completed in one wall-clock second.
struct SecondStats {
  std::uint64_t completed = 0;  // successes and errors
  std::uint64_t errors = 0;
  LatencyHistogram latency{HistogramLayout::perSecond()};

  bool operator==(const SecondStats&) const = default;
};

// Everything measured about one operation (e.g. "timeline", "post").
//
// Every completed operation, success or error, has its latency recorded: a timeout
// took time too, and leaving it out would hide a stalled server from the percentiles.
// count() is all completed operations; errors() breaks the failed ones down by kind
// ("http_503", "timeout", "connect", "graphql:UNAUTHENTICATED", …).
//
// The per-second series is keyed by the wall-clock (Unix) second in which each
// operation completed, so series of processes that started a fraction of a second
// apart still add up second by second (see docs/load-results.md). Callers that time
// with steady_clock convert: unixNs = startUnixNs + (steadyNow - steadyStart).
//
// record*() cost O(1) amortised: a map lookup at the newest second, one allocation
// when a new second (or a new error kind) appears. Not thread-safe: one per thread,
// merged by the owner.
class OperationStats {
 public:
  void recordSuccess(std::int64_t latencyNs, std::int64_t completedAtUnixNs);
  void recordError(std::string_view kind, std::int64_t latencyNs, std::int64_t completedAtUnixNs);

  // Exact: counts, histograms and series add. Throws std::invalid_argument if the
  // histogram layouts differ.
  void merge(const OperationStats& other);

  std::uint64_t count() const { return latency_.count(); }
  std::uint64_t errorCount() const;
  const std::map<std::string, std::uint64_t, std::less<>>& errors() const { return errors_; }
  const LatencyHistogram& latency() const { return latency_; }
  // Unix second → what completed in it.
  const std::map<std::int64_t, SecondStats>& perSecond() const { return perSecond_; }

  // For readers of the JSON form.
  LatencyHistogram& mutableLatency() { return latency_; }
  std::map<std::string, std::uint64_t, std::less<>>& mutableErrors() { return errors_; }
  std::map<std::int64_t, SecondStats>& mutablePerSecond() { return perSecond_; }

  bool operator==(const OperationStats&) const = default;

 private:
  SecondStats& second(std::int64_t completedAtUnixNs);

  LatencyHistogram latency_;
  std::map<std::string, std::uint64_t, std::less<>> errors_;
  std::map<std::int64_t, SecondStats> perSecond_;
};

// floor(unixNs / 1e9), also for times before 1970.
std::int64_t unixSecondOf(std::int64_t unixNs);

}  // namespace mt::load
