#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "LatencyHistogram.h"
#include "ResultsFolder.h"
#include "Statistics.h"

// What the report says about each sweep point: its repetitions brought together.
namespace mt::experiment::report {

struct OperationTotals {
  std::uint64_t count = 0;  // completed, successes and errors, over every repetition
  std::uint64_t errors = 0;
  std::map<std::string, std::uint64_t> errorsByKind;
};

// One whole second of the measured phase, averaged over the repetitions that have it.
struct SecondFigures {
  int second = 0;         // 1 for the first whole second after the measured phase began
  double throughput = 0;  // requests completed per second
  double p99Ms = 0;       // of every request completed in it, repetitions merged
  int repetitions = 0;
};

// What a point's subscribers measured (scenario live), over its repetitions with push
// results: means with 95% confidence intervals, like the request figures.
struct PushSummary {
  int runsWithPush = 0;
  std::uint64_t deliveries = 0;  // over every repetition
  std::uint64_t streamErrors = 0;
  std::map<std::string, std::uint64_t> streamErrorsByKind;
  Estimate deliveriesPerSecond{};
  Estimate subscribers{};
  Estimate subscribersPeak{};
  Estimate subscribersAtEnd{};
  Estimate latencyMs[4]{};  // push latency p50, p90, p99, p99.9 (runner::kPercentiles)
  // Every delivery of every repetition: the push latency distribution.
  std::optional<load::LatencyHistogram> latency;
};

struct PointSummary {
  std::string id;
  runner::Assignments assignments;
  std::string status;  // "ok" when every repetition is, else the first other status
  std::string reason;
  int runs = 0;
  int runsWithResults = 0;
  std::uint64_t requests = 0;  // over every repetition
  std::uint64_t errors = 0;
  // Means over the repetitions with results, with 95% confidence intervals.
  Estimate throughput{};    // requests/s
  Estimate latencyMs[4]{};  // p50, p90, p99, p99.9 (runner::kPercentiles)
  Estimate errorRate{};     // errors / requests
  // Every request of every repetition: the latency distribution of the point.
  std::optional<load::LatencyHistogram> latency;
  std::vector<SecondFigures> overTime;
  std::map<std::string, OperationTotals> operations;
  std::optional<PushSummary> push;  // when any repetition has push results
};

PointSummary summarizePoint(const PointData& point);
std::vector<PointSummary> summarizePoints(const ResultsFolder& folder);

// The point of `points` with exactly these assignments (a baseline's counterpart).
const PointSummary* findPoint(const std::vector<PointSummary>& points,
                              const runner::Assignments& assignments);

}  // namespace mt::experiment::report
