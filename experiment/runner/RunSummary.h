#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "RunResults.h"

// The figures of one run (a point's repetition) from its load clients' result files,
// and of a point (its repetitions together): what summary.json and summary.csv hold.
namespace mt::experiment::runner {

using Assignments = std::vector<std::pair<std::string, std::string>>;

// How a run ended, as far as the runner knows without reading the client files.
struct RunOutcome {
  std::string point;  // "p01"
  Assignments assignments;
  int repetition = 1;
  std::filesystem::path outDir;
  std::vector<std::string> clientOutputs;  // file names in outDir ("c1.json", …)
  bool started = false;                    // false: the run never began (interrupted before)
  int driverExitCode = -1;
  std::string driverError;  // the driver's one-line reason when it failed
  bool interrupted = false;
  double wallSeconds = 0;
};

// What the subscribers of a run measured (scenario live; docs/load-results.md, `push`).
// A point's: counts are totals over its repetitions with push results, rates,
// percentiles and subscriber counts their means.
struct PushFigures {
  std::uint64_t deliveries = 0;        // tweets pushed to a subscriber, sent in the measured phase
  double deliveriesPerSecond = 0;      // per second of the measured phase
  double latencyMs[4] = {0, 0, 0, 0};  // p50, p90, p99, p99.9 push latency (kPercentiles)
  double subscribers = 0;              // subscribing users
  double subscribersPeak = 0;          // most streams open at once
  double subscribersAtEnd = 0;         // streams open when the measured phase ended
  std::uint64_t streamErrors = 0;      // streams that failed to open or ended early
  std::map<std::string, std::uint64_t> streamErrorsByKind;
  int repetitions = 0;  // a point's: how many repetitions had push results
};

// "ok" every client reported and the driver succeeded; "failed" the driver reported a
// failure (reason: its message); "missing" the driver succeeded but client files are
// missing or unreadable; "interrupted" stopped by a signal; "not-run" never started.
struct Figures {
  std::string point;
  Assignments assignments;
  std::optional<int> repetition;  // none: a point's figures over its repetitions
  std::string status;
  std::string reason;
  bool hasResults = false;  // at least one client file was read
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  double errorRate = 0;                // errors / requests
  double durationSeconds = 0;          // the measured phase, all clients together
  double throughput = 0;               // requests (successes and errors) per second
  double latencyMs[4] = {0, 0, 0, 0};  // p50, p90, p99, p99.9 of every request
  std::map<std::string, std::uint64_t> errorsByKind;
  int clientHosts = 0;  // client hosts whose results were read
  int clientHostsExpected = 0;
  std::vector<std::string> missingClients;  // with why, "c2.json: no such file"
  double wallSeconds = 0;
  int repetitions = 0;              // a point's: how many repetitions had results
  std::optional<PushFigures> push;  // scenario live only
};

inline constexpr double kPercentiles[4] = {50, 90, 99, 99.9};

// Reads and merges the client files of one run (mt::load::merge) into its figures.
Figures summarizeRun(const RunOutcome& outcome);

// The client files `names` in `dir` merged into one document; each file that cannot be
// read or merged is appended to `missing` as "c2.json: why". Nothing when none could.
std::optional<load::RunResults> mergeClientFiles(const std::filesystem::path& dir,
                                                 const std::vector<std::string>& names,
                                                 std::vector<std::string>& missing);

// Sets a run's result fields (requests, errors, throughput, percentiles, …) from its
// merged client results.
void setResultFigures(Figures& figures, const load::RunResults& merged);

// A point's figures from its runs' (same point): throughput, latencies, error rate and
// duration are means over the repetitions that have results; requests, errors and
// errors by kind are totals; client hosts the fewest any started repetition had; the status is
// ok only when every repetition is (the reason: how many are not, or the only one's).
Figures summarizePoint(const std::vector<Figures>& runs);

}  // namespace mt::experiment::runner
