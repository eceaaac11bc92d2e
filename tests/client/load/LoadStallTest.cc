// A server that stalls for a second: open loop must show it in its p99 (latency counted
// from each request's due time), closed loop hides it (its users simply wait).
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <future>
#include <thread>

#include "LoadTestSupport.h"

namespace mt::testing::loadtests {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kMillisecondNs = 1'000'000;

class LoadStallTest : public ::testing::Test {
 protected:
  // Runs `load <args>` in the background and, once the server has served 20 static
  // files (the measured phase is under way: these runs have neither set-up nor
  // warm-up), stops the server with SIGSTOP for one second, then SIGCONTs it.
  LoadOutcome runWithStall(const std::vector<std::string>& args) {
    const double before = staticFilesServed(server_);
    auto running = std::async(std::launch::async, [&] { return runLoad(cli_, folder_, args); });
    bool stalled = false;
    const auto deadline = std::chrono::steady_clock::now() + 30s;  // a hung run fails
    while (std::chrono::steady_clock::now() < deadline &&
           running.wait_for(10ms) == std::future_status::timeout) {
      if (staticFilesServed(server_) - before < 20) continue;
      ::kill(server_.process().pid(), SIGSTOP);
      std::this_thread::sleep_for(1s);
      ::kill(server_.process().pid(), SIGCONT);
      stalled = true;
      break;
    }
    LoadOutcome outcome = running.get();
    if (!stalled) {
      ::kill(server_.process().pid(), SIGCONT);
      outcome.results.reset();
      outcome.problem = "the run ended (or never served a file) before the stall";
    }
    return outcome;
  }

  TwitterTestServer server_{Backend::Sqlite};
  CliRunner cli_{urlOf(server_)};
  TempFolder folder_;
};

// Two connections, as in the closed-loop case below: an engine that timed requests from
// when they were sent (coordinated omission) would see at most two slow ones here too.
TEST_F(LoadStallTest, OpenLoopCountsTheStallInItsPercentiles) {
  const auto run = runWithStall(
      {"--scenario", "static", "--rate", "200", "--connections", "2", "--duration", "4s"});
  ASSERT_TRUE(run.results) << run.describe();
  EXPECT_EQ(run.results->metadata.loop, load::LoopKind::open);
  EXPECT_EQ(run.results->metadata.ratePerSecond, 200);
  const auto& stats = run.results->operations.at("static");
  // Every request due during the 4 s counts, sent late or never.
  EXPECT_GE(stats.count(), 700u);
  // The ~200 requests due during the stall waited for its end, from 1 s down to 0: the
  // ~100 due in its first half took 0.5 s or more, an eighth of the ~800.
  const auto& latency = stats.latency();
  const auto slow = countAtLeast(latency, 500 * kMillisecondNs);
  EXPECT_GE(slow, stats.count() / 20) << "count " << stats.count();
  EXPECT_GE(latency.percentile(99), 500 * kMillisecondNs) << "count " << stats.count();
  EXPECT_GE(latency.max(), 900 * kMillisecondNs);
}

TEST_F(LoadStallTest, ClosedLoopHidesTheStall) {
  const auto run = runWithStall({"--scenario", "static", "--connections", "2", "--duration", "4s"});
  ASSERT_TRUE(run.results) << run.describe();
  EXPECT_EQ(run.results->metadata.loop, load::LoopKind::closed);
  const auto& stats = run.results->operations.at("static");
  const auto& latency = stats.latency();
  // The requests in flight when the server stopped waited the whole second...
  EXPECT_GE(latency.max(), 900 * kMillisecondNs);
  // ...but only those: one per connection, as the users waited instead of sending.
  const auto slow = countAtLeast(latency, 500 * kMillisecondNs);
  EXPECT_GE(slow, 1u);
  EXPECT_LE(slow, 2u * 2u) << "count " << stats.count();
  // So the p99 does not show a stall the open loop sees in one request out of eight.
  EXPECT_LT(latency.percentile(99), 500 * kMillisecondNs) << "count " << stats.count();
}

}  // namespace
}  // namespace mt::testing::loadtests
