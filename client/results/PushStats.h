#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "OperationStats.h"

namespace mt::load {

// What the subscribers of a run (scenario live) measured: pushed tweets and the
// streams that carried them.
struct PushStats {
  // One entry per delivery of a tweet sent in the measured phase: its latency is the
  // push latency (receive time - the poster's send time, both CLOCK_REALTIME), its
  // second the second it was received. Never holds errors.
  OperationStats deliveries;
  std::uint64_t events = 0;            // `next` events received, stamped or not
  std::uint64_t subscribers = 0;       // subscribers of the run (each holds one stream)
  std::uint64_t subscribersPeak = 0;   // most streams open at once
  std::uint64_t subscribersAtEnd = 0;  // streams open when the measured phase ended
  // Streams that failed to open or ended early, by kind: "connect", "closed",
  // "timeout", "http_<status>", "bad_response", "graphql:<code>" (e.g.
  // graphql:SLOW_CONSUMER), "completed" (the server ended it).
  std::map<std::string, std::uint64_t, std::less<>> streamErrors;

  // Exact for everything but the peak: peaks add, which is the true peak of the
  // merged run when every process held its streams at the same time (they open them
  // during set-up and hold them to the end).
  void merge(const PushStats& other);

  bool operator==(const PushStats&) const = default;
};

nlohmann::json pushToJson(const PushStats& push);
// Throws std::invalid_argument naming the JSON path of the first problem.
PushStats pushFromJson(const nlohmann::json& value, const std::string& path);

}  // namespace mt::load
