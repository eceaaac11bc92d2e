#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "RunResults.h"

namespace mt::load {

// How the engine drives a scenario (what the users do is ScenarioSettings).
struct LoadSettings {
  // Server URLs (http://host:port). User i talks to targets[i % targets.size()]: the
  // original assigned clients to servers round-robin.
  std::vector<std::string> targets;
  LoopKind loop = LoopKind::closed;
  // Open loop: requests per second over the whole process, evenly spaced. Latency is
  // counted from the moment each request was due, not from when it was sent.
  double ratePerSecond = 0;
  std::uint64_t virtualUsers = 0;  // 0: as many as connections
  std::uint64_t connections = 16;  // TCP connections, spread over threads and targets
  unsigned threads = 0;            // 0: min(cores, connections)
  std::int64_t warmupNs = 0;       // run but do not record
  std::int64_t durationNs = 10'000'000'000;
  std::uint64_t requests = 0;               // > 0: stop after this many recorded requests instead
  std::int64_t timeoutNs = 10'000'000'000;  // a request unanswered this long: "timeout"
  std::string hostName;                     // recorded in the results; empty: gethostname
  // Recorded as the results' scenario; empty: the scenario's own name. A scenario
  // file is recorded by its file name, so runs of different files do not merge.
  std::string scenarioLabel;
};

}  // namespace mt::load
