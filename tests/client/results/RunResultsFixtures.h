#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "RunResults.h"

namespace mt::load::testing {

inline constexpr std::int64_t kSecond = 1'000'000'000;
inline constexpr std::int64_t kMs = 1'000'000;
inline constexpr std::int64_t kT0 = 1'795'881'600 * kSecond;  // 2026-11-28T16:00:00Z

// The results of one process of the "mixed" scenario on `host`, started `offsetNs`
// after kT0, with `seed` varying its latencies.
inline RunResults sampleResults(const std::string& host, std::int64_t offsetNs, int seed) {
  RunResults r;
  r.metadata.toolVersion = "0.1.0";
  r.metadata.scenario = "mixed";
  r.metadata.loop = LoopKind::open;
  r.metadata.ratePerSecond = 250.5;
  r.metadata.virtualUsers = 100;
  r.metadata.connections = 20;
  r.metadata.targets = {"http://10.0.0.1:8080", "http://10.0.0.2:8080"};
  r.metadata.hosts = {host};
  r.metadata.startUnixNs = kT0 + offsetNs;
  r.metadata.warmupNs = 5 * kSecond;
  r.metadata.durationNs = 3 * kSecond;
  OperationStats& timeline = r.operations["timeline"];
  OperationStats& post = r.operations["post"];
  for (int i = 0; i < 300; ++i) {
    const std::int64_t at = r.metadata.startUnixNs + i * 10 * kMs;
    const std::int64_t latency = 1'000 + ((i * 7919 + seed * 104'729) % 50'000) * 1'000;
    timeline.recordSuccess(latency, at);
    if (i % 3 == 0) post.recordSuccess(latency / 2, at);
    if (i % 50 == 0) post.recordError("http_503", latency, at);
  }
  post.recordError("graphql:UNAUTHENTICATED", 3, r.metadata.startUnixNs);  // clamped low
  timeline.recordError("timeout", 150 * kSecond,
                       r.metadata.startUnixNs + 2 * kSecond);  // clamped high
  return r;
}

// `edit` breaks `valid`'s JSON; reading it back must fail with `message`, which starts
// with the JSON path of the problem.
inline void expectRejectedEdit(const RunResults& valid,
                               const std::function<void(nlohmann::json&)>& edit,
                               const std::string& message) {
  nlohmann::json doc = valid.toJson();
  edit(doc);
  try {
    RunResults::fromJson(doc);
    ADD_FAILURE() << "accepted; expected: " << message;
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("load results: " + message));
  }
}

}  // namespace mt::load::testing
