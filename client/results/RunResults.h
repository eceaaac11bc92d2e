#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "OperationStats.h"
#include "PushStats.h"

namespace mt::load {

// Version 2 adds `push` (scenario live). A document without it is still written as
// version 1, so readers that know only version 1 keep reading the other scenarios'
// results; a reader of version 1 would drop `push` on a merge, hence the new version.
inline constexpr std::string_view kResultsSchema = "minitwitter-load-results/1";
inline constexpr std::string_view kResultsSchemaWithPush = "minitwitter-load-results/2";

enum class LoopKind { closed, open };

// How a run was made. For a merged document: hosts lists every process's host,
// counts (virtual users, connections, rate) are summed, targets are the union.
struct RunMetadata {
  std::string toolVersion;
  std::string scenario;
  LoopKind loop = LoopKind::closed;
  double ratePerSecond = 0;  // open loop: arrivals per second; 0 for closed loop
  std::uint64_t virtualUsers = 0;
  std::uint64_t connections = 0;
  std::vector<std::string> targets;  // server URLs
  std::vector<std::string> hosts;    // host names of the processes
  std::int64_t startUnixNs = 0;      // start of the measured phase (after warm-up)
  std::int64_t warmupNs = 0;
  std::int64_t durationNs = 0;  // of the measured phase

  bool operator==(const RunMetadata&) const = default;
};

// The results document of one load-client process, or of several merged
// (docs/load-results.md).
struct RunResults {
  RunMetadata metadata;
  std::map<std::string, OperationStats> operations;
  // Scenario live only: what its subscribers measured.
  std::optional<PushStats> push;

  // All operations merged into one: what the document's "totals" holds.
  OperationStats totals() const;

  // `totals` and the percentile summaries are written for readers and ignored when
  // read: fromJson(toJson(r)) == r, and toJson of that is the same text.
  nlohmann::json toJson() const;
  std::string toJsonText() const;  // indented, newline-terminated

  // Throws std::invalid_argument naming the JSON path of the first problem: wrong
  // schema, malformed or inconsistent document, unknown loop kind, foreign layout.
  static RunResults fromJson(const nlohmann::json& document);
  static RunResults fromJsonText(std::string_view text);

  bool operator==(const RunResults&) const = default;
};

// Exact merge of two processes' results (counts and histograms add, per-second series
// add by wall-clock second). Throws std::invalid_argument for different scenarios,
// loop kinds, tool versions or histogram layouts. Commutative and associative in
// everything but the order of the hosts and targets lists.
RunResults merge(const RunResults& a, const RunResults& b);

}  // namespace mt::load
