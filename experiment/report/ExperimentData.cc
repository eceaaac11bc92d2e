#include "ExperimentData.h"

#include <algorithm>
#include <cmath>

namespace mt::experiment::report {

namespace {

constexpr std::int64_t kSecondNs = 1'000'000'000;

std::int64_t ceilDiv(std::int64_t value, std::int64_t divisor) {
  const std::int64_t quotient = value / divisor;
  return quotient + ((value % divisor != 0 && value > 0) ? 1 : 0);
}

struct SecondSum {
  std::uint64_t completed = 0;
  int repetitions = 0;
  load::LatencyHistogram latency{load::HistogramLayout::perSecond()};
};

// Adds a run's whole seconds of the measured phase; the partial seconds at its ends
// would read as dips in throughput that the server never had.
void addSeconds(const load::RunResults& results, std::map<int, SecondSum>& seconds) {
  const std::int64_t startNs = results.metadata.startUnixNs;
  const std::int64_t endNs = startNs + results.metadata.durationNs;
  const std::int64_t firstWhole = ceilDiv(startNs, kSecondNs);
  const load::OperationStats totals = results.totals();
  for (std::int64_t unixSecond = firstWhole; (unixSecond + 1) * kSecondNs <= endNs; ++unixSecond) {
    SecondSum& sum = seconds[static_cast<int>(unixSecond - firstWhole) + 1];
    ++sum.repetitions;
    const auto found = totals.perSecond().find(unixSecond);
    if (found == totals.perSecond().end()) continue;
    sum.completed += found->second.completed;
    sum.latency.merge(found->second.latency);
  }
}

// The push figures of the runs that have them, or nothing when none has.
std::optional<PushSummary> summarizePush(const PointData& point) {
  PushSummary push;
  std::vector<double> perSecond;
  std::vector<double> subscribers;
  std::vector<double> peak;
  std::vector<double> atEnd;
  std::vector<double> latency[4];
  for (const RunData& run : point.runs) {
    if (!run.results || !run.results->push || !run.figures.push) continue;
    const runner::PushFigures& figures = *run.figures.push;
    ++push.runsWithPush;
    push.deliveries += figures.deliveries;
    push.streamErrors += figures.streamErrors;
    for (const auto& [kind, count] : figures.streamErrorsByKind)
      push.streamErrorsByKind[kind] += count;
    perSecond.push_back(figures.deliveriesPerSecond);
    subscribers.push_back(figures.subscribers);
    peak.push_back(figures.subscribersPeak);
    atEnd.push_back(figures.subscribersAtEnd);
    for (int i = 0; i < 4; ++i)
      latency[i].push_back(figures.latencyMs[i]);
    const load::LatencyHistogram& histogram = run.results->push->deliveries.latency();
    if (push.latency)
      push.latency->merge(histogram);
    else
      push.latency = histogram;
  }
  if (push.runsWithPush == 0) return std::nullopt;
  push.deliveriesPerSecond = estimate(perSecond);
  push.subscribers = estimate(subscribers);
  push.subscribersPeak = estimate(peak);
  push.subscribersAtEnd = estimate(atEnd);
  for (int i = 0; i < 4; ++i)
    push.latencyMs[i] = estimate(latency[i]);
  return push;
}

}  // namespace

PointSummary summarizePoint(const PointData& point) {
  PointSummary summary;
  summary.id = point.id;
  summary.assignments = point.assignments;
  summary.status = "ok";
  summary.runs = static_cast<int>(point.runs.size());
  std::vector<double> throughput;
  std::vector<double> latency[4];
  std::vector<double> errorRate;
  std::map<int, SecondSum> seconds;
  int notOk = 0;
  for (const RunData& run : point.runs) {
    if (run.figures.status != "ok") {
      ++notOk;
      if (summary.status == "ok") {
        summary.status = run.figures.status;
        summary.reason = run.figures.reason;
      }
    }
    if (!run.results) continue;
    ++summary.runsWithResults;
    const runner::Figures& figures = run.figures;
    summary.requests += figures.requests;
    summary.errors += figures.errors;
    throughput.push_back(figures.throughput);
    for (int i = 0; i < 4; ++i)
      latency[i].push_back(figures.latencyMs[i]);
    errorRate.push_back(figures.errorRate);
    const load::OperationStats totals = run.results->totals();
    if (summary.latency)
      summary.latency->merge(totals.latency());
    else
      summary.latency = totals.latency();
    addSeconds(*run.results, seconds);
    for (const auto& [name, stats] : run.results->operations) {
      OperationTotals& operation = summary.operations[name];
      operation.count += stats.count();
      operation.errors += stats.errorCount();
      for (const auto& [kind, count] : stats.errors())
        operation.errorsByKind[kind] += count;
    }
  }
  if (point.runs.empty()) {
    summary.status = "not-run";
    summary.reason = "no runs planned";
  } else if (notOk > 1) {
    summary.reason =
        std::to_string(notOk) + " of " + std::to_string(point.runs.size()) + " repetitions not ok";
  }
  summary.throughput = estimate(throughput);
  for (int i = 0; i < 4; ++i)
    summary.latencyMs[i] = estimate(latency[i]);
  summary.errorRate = estimate(errorRate);
  summary.push = summarizePush(point);
  for (const auto& [second, sum] : seconds) {
    if (sum.repetitions == 0) continue;
    summary.overTime.push_back({second, static_cast<double>(sum.completed) / sum.repetitions,
                                sum.latency.count() == 0
                                    ? std::nan("")
                                    : static_cast<double>(sum.latency.percentile(99)) / 1e6,
                                sum.repetitions});
  }
  return summary;
}

std::vector<PointSummary> summarizePoints(const ResultsFolder& folder) {
  std::vector<PointSummary> points;
  for (const PointData& point : folder.points)
    points.push_back(summarizePoint(point));
  return points;
}

const PointSummary* findPoint(const std::vector<PointSummary>& points,
                              const runner::Assignments& assignments) {
  runner::Assignments wanted = assignments;
  std::sort(wanted.begin(), wanted.end());
  for (const PointSummary& point : points) {
    runner::Assignments have = point.assignments;
    std::sort(have.begin(), have.end());
    if (have == wanted) return &point;
  }
  return nullptr;
}

}  // namespace mt::experiment::report
