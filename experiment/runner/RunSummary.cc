#include "RunSummary.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "RunResults.h"

namespace mt::experiment::runner {

namespace {

std::optional<load::RunResults> readResults(const std::filesystem::path& path, std::string& why) {
  std::ifstream file(path);
  if (!file) {
    why = "no such file";
    return std::nullopt;
  }
  std::ostringstream text;
  text << file.rdbuf();
  try {
    return load::RunResults::fromJsonText(text.str());
  } catch (const std::exception& error) {
    why = error.what();
    return std::nullopt;
  }
}

std::string statusOf(const RunOutcome& outcome, const Figures& figures, std::string& reason) {
  if (!outcome.started) {
    reason = "not started: the run was interrupted before";
    return "not-run";
  }
  if (outcome.interrupted) {
    reason = outcome.driverError.empty() ? "interrupted" : outcome.driverError;
    return "interrupted";
  }
  if (outcome.driverExitCode != 0) {
    reason = outcome.driverError.empty()
                 ? "the driver exited with " + std::to_string(outcome.driverExitCode)
                 : outcome.driverError;
    return "failed";
  }
  if (!figures.missingClients.empty()) {
    reason = "missing client files: ";
    for (std::size_t i = 0; i < figures.missingClients.size(); ++i)
      reason += (i ? "; " : "") + figures.missingClients[i];
    return "missing";
  }
  return "ok";
}

PushFigures pushFigures(const load::PushStats& push, double durationSeconds) {
  PushFigures figures;
  figures.repetitions = 1;
  figures.deliveries = push.deliveries.count();
  figures.deliveriesPerSecond =
      durationSeconds > 0 ? static_cast<double>(figures.deliveries) / durationSeconds : 0;
  for (int i = 0; i < 4; ++i)
    figures.latencyMs[i] =
        static_cast<double>(push.deliveries.latency().percentile(kPercentiles[i])) / 1e6;
  figures.subscribers = static_cast<double>(push.subscribers);
  figures.subscribersPeak = static_cast<double>(push.subscribersPeak);
  figures.subscribersAtEnd = static_cast<double>(push.subscribersAtEnd);
  for (const auto& [kind, count] : push.streamErrors) {
    figures.streamErrors += count;
    figures.streamErrorsByKind[kind] = count;
  }
  return figures;
}

// Adds a run's push figures to a point's sums (summarizePoint divides the means).
void addPush(PushFigures& sum, const PushFigures& run) {
  ++sum.repetitions;
  sum.deliveries += run.deliveries;
  sum.deliveriesPerSecond += run.deliveriesPerSecond;
  for (int i = 0; i < 4; ++i)
    sum.latencyMs[i] += run.latencyMs[i];
  sum.subscribers += run.subscribers;
  sum.subscribersPeak += run.subscribersPeak;
  sum.subscribersAtEnd += run.subscribersAtEnd;
  sum.streamErrors += run.streamErrors;
  for (const auto& [kind, count] : run.streamErrorsByKind)
    sum.streamErrorsByKind[kind] += count;
}

void divideMeans(PushFigures& push) {
  if (push.repetitions == 0) return;
  const double n = push.repetitions;
  push.deliveriesPerSecond /= n;
  for (double& latency : push.latencyMs)
    latency /= n;
  push.subscribers /= n;
  push.subscribersPeak /= n;
  push.subscribersAtEnd /= n;
}

}  // namespace

std::optional<load::RunResults> mergeClientFiles(const std::filesystem::path& dir,
                                                 const std::vector<std::string>& names,
                                                 std::vector<std::string>& missing) {
  std::optional<load::RunResults> merged;
  for (const std::string& name : names) {
    std::string why;
    std::optional<load::RunResults> results = readResults(dir / name, why);
    if (!results) {
      missing.push_back(name + ": " + why);
      continue;
    }
    try {
      merged = merged ? load::merge(*merged, *results) : std::move(*results);
    } catch (const std::invalid_argument& error) {
      missing.push_back(name + ": cannot merge: " + error.what());
    }
  }
  return merged;
}

void setResultFigures(Figures& figures, const load::RunResults& merged) {
  const load::OperationStats totals = merged.totals();
  figures.hasResults = true;
  figures.repetitions = 1;
  figures.requests = totals.count();
  figures.errors = totals.errorCount();
  figures.errorRate = figures.requests == 0 ? 0
                                            : static_cast<double>(figures.errors) /
                                                  static_cast<double>(figures.requests);
  figures.durationSeconds = static_cast<double>(merged.metadata.durationNs) / 1e9;
  figures.throughput = figures.durationSeconds > 0
                           ? static_cast<double>(figures.requests) / figures.durationSeconds
                           : 0;
  for (int i = 0; i < 4; ++i)
    figures.latencyMs[i] = static_cast<double>(totals.latency().percentile(kPercentiles[i])) / 1e6;
  figures.errorsByKind.clear();
  for (const auto& [kind, count] : totals.errors())
    figures.errorsByKind[kind] = count;
  figures.push.reset();
  if (merged.push) figures.push = pushFigures(*merged.push, figures.durationSeconds);
}

Figures summarizeRun(const RunOutcome& outcome) {
  Figures figures;
  figures.point = outcome.point;
  figures.assignments = outcome.assignments;
  figures.repetition = outcome.repetition;
  figures.wallSeconds = outcome.wallSeconds;
  figures.clientHostsExpected = static_cast<int>(outcome.clientOutputs.size());
  if (outcome.started) {
    const std::optional<load::RunResults> merged =
        mergeClientFiles(outcome.outDir, outcome.clientOutputs, figures.missingClients);
    figures.clientHosts =
        figures.clientHostsExpected - static_cast<int>(figures.missingClients.size());
    if (merged) setResultFigures(figures, *merged);
  }
  figures.status = statusOf(outcome, figures, figures.reason);
  return figures;
}

Figures summarizePoint(const std::vector<Figures>& runs) {
  Figures point;
  if (runs.empty()) return point;
  point.point = runs.front().point;
  point.assignments = runs.front().assignments;
  point.status = "ok";
  int notOk = 0;
  bool anyStarted = false;
  for (const Figures& run : runs) {
    point.wallSeconds += run.wallSeconds;
    point.clientHostsExpected = std::max(point.clientHostsExpected, run.clientHostsExpected);
    if (run.status != "not-run") {
      point.clientHosts =
          anyStarted ? std::min(point.clientHosts, run.clientHosts) : run.clientHosts;
      anyStarted = true;
    }
    if (run.status != "ok") {
      ++notOk;
      if (point.status == "ok") point.status = run.status;
    }
    if (!run.hasResults) continue;
    point.hasResults = true;
    ++point.repetitions;
    point.requests += run.requests;
    point.errors += run.errors;
    point.errorRate += run.errorRate;
    point.durationSeconds += run.durationSeconds;
    point.throughput += run.throughput;
    for (int i = 0; i < 4; ++i)
      point.latencyMs[i] += run.latencyMs[i];
    for (const auto& [kind, count] : run.errorsByKind)
      point.errorsByKind[kind] += count;
    if (run.push) {
      if (!point.push) point.push.emplace();
      addPush(*point.push, *run.push);
    }
  }
  if (point.push) divideMeans(*point.push);
  if (point.repetitions > 0) {
    const double n = point.repetitions;
    point.errorRate /= n;
    point.durationSeconds /= n;
    point.throughput /= n;
    for (double& latency : point.latencyMs)
      latency /= n;
  }
  if (runs.size() == 1)
    point.reason = runs.front().reason;
  else if (notOk > 0)
    point.reason =
        std::to_string(notOk) + " of " + std::to_string(runs.size()) + " repetition(s) not ok";
  return point;
}

}  // namespace mt::experiment::runner
