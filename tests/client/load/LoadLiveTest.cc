// The live scenario end to end against the real server (SQLite): posters' stamped
// tweets pushed to every subscriber's stream, push latency recorded, the streams held
// open for the whole run and closed after it, a version-2 results document.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "LoadTestSupport.h"

namespace mt::testing::loadtests {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kSecondNs = 1'000'000'000;

class LoadLiveTest : public ::testing::Test {
 protected:
  void TearDown() override { EXPECT_EQ(server_.troubleInOutput(), "") << "in the server's output"; }

  double liveSubscribers() { return server_.metric("minitwitter_live_subscribers"); }

  // Runs `load <args>` while watching the server's open subscriptions; `peak` is the
  // most it saw.
  LoadOutcome runWatchingSubscribers(const std::vector<std::string>& args, double& peak) {
    auto running = std::async(std::launch::async, [&] { return runLoad(cli_, folder_, args); });
    peak = 0;
    while (running.wait_for(20ms) == std::future_status::timeout)
      peak = std::max(peak, liveSubscribers());
    return running.get();
  }

  // The server drops a subscription as soon as its client's connection ends.
  bool subscribersReachZero() {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (liveSubscribers() == 0) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  // The schema of the one results file in the test's folder, as written.
  std::string writtenSchema() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder_.path()))
      files.push_back(entry.path());
    if (files.size() != 1)
      return "expected one results file, found " + std::to_string(files.size());
    std::ifstream in(files.front());
    return nlohmann::json::parse(in).at("schema").get<std::string>();
  }

  TwitterTestServer server_{Backend::Sqlite};
  CliRunner cli_{urlOf(server_)};
  TempFolder folder_;
};

TEST_F(LoadLiveTest, EveryPostReachesEverySubscriber) {
  constexpr std::uint64_t kPosters = 2;
  constexpr std::uint64_t kSubscribers = 10;
  double serverPeak = 0;
  const auto run = runWatchingSubscribers(
      {"--scenario", "live", "--users", std::to_string(kPosters + kSubscribers), "--posters",
       std::to_string(kPosters), "--connections", "2", "--rate", "100", "--user-prefix", "live",
       "--warmup", "1s", "--duration", "3s"},
      serverPeak);
  ASSERT_TRUE(run.results) << run.describe();
  const auto& results = *run.results;
  EXPECT_EQ(results.metadata.scenario, "live");
  EXPECT_EQ(writtenSchema(), "minitwitter-load-results/2");

  // Only posters issue requests in the measured phase.
  EXPECT_EQ(operationNames(results), (std::vector<std::string>{"post"}));
  const auto& posts = results.operations.at("post");
  EXPECT_EQ(posts.errorCount(), 0u);
  ASSERT_GT(posts.count(), 0u);

  ASSERT_TRUE(results.push) << "no push section";
  const auto& push = *results.push;
  EXPECT_EQ(push.subscribers, kSubscribers);
  EXPECT_EQ(push.subscribersPeak, kSubscribers);
  EXPECT_EQ(push.subscribersAtEnd, kSubscribers);
  EXPECT_TRUE(push.streamErrors.empty()) << "e.g. " << push.streamErrors.begin()->first;
  EXPECT_EQ(serverPeak, static_cast<double>(kSubscribers)) << "the server's open subscriptions";

  // Each post of the measured phase went to every subscriber. Posts are counted by
  // completion and deliveries by send time, so the few in flight at either edge of the
  // phase (and deliveries still on the way at its end) may land on one side only.
  const auto& deliveries = push.deliveries;
  const std::uint64_t expected = posts.count() * kSubscribers;
  const std::uint64_t slack = kSubscribers * std::max<std::uint64_t>(4, posts.count() / 20);
  EXPECT_LE(deliveries.count(), expected + slack);
  EXPECT_GE(deliveries.count() + slack, expected);
  EXPECT_GE(push.events, deliveries.count());
  EXPECT_EQ(deliveries.errorCount(), 0u);
  EXPECT_EQ(perSecondTotal(deliveries), deliveries.count());

  // Push latency: receive time - send time, recorded for every delivery. Clocks are
  // one here, so it is positive and shorter than the whole run.
  EXPECT_EQ(deliveries.latency().count(), deliveries.count());
  EXPECT_GT(deliveries.latency().min(), 0);
  EXPECT_GT(deliveries.latency().percentile(50), 0);
  EXPECT_LT(deliveries.latency().max(), results.metadata.warmupNs + results.metadata.durationNs);
  EXPECT_EQ(results.metadata.durationNs, 3 * kSecondNs);

  // The summary has the push row and the subscribers line.
  EXPECT_NE(run.cli.out.find("push"), std::string::npos) << run.cli.out;
  EXPECT_NE(run.cli.out.find("subscribers 10 · peak 10 · at end 10"), std::string::npos)
      << run.cli.out;

  EXPECT_TRUE(subscribersReachZero()) << "subscriptions left open after the run";
}

// --posters 0: idle subscribers only; they hold their streams for the whole run and
// nothing is delivered.
TEST_F(LoadLiveTest, IdleSubscribersHoldTheirStreams) {
  constexpr std::uint64_t kSubscribers = 6;
  double serverPeak = 0;
  const auto run = runWatchingSubscribers(
      {"--scenario", "live", "--users", std::to_string(kSubscribers), "--posters", "0",
       "--connections", "1", "--user-prefix", "idle", "--duration", "1s"},
      serverPeak);
  ASSERT_TRUE(run.results) << run.describe();
  const auto& results = *run.results;
  EXPECT_TRUE(results.operations.empty()) << "e.g. " << results.operations.begin()->first;
  ASSERT_TRUE(results.push);
  EXPECT_EQ(results.push->subscribers, kSubscribers);
  EXPECT_EQ(results.push->subscribersPeak, kSubscribers);
  EXPECT_EQ(results.push->subscribersAtEnd, kSubscribers);
  EXPECT_EQ(results.push->deliveries.count(), 0u);
  EXPECT_TRUE(results.push->streamErrors.empty());
  EXPECT_EQ(serverPeak, static_cast<double>(kSubscribers));
  EXPECT_TRUE(subscribersReachZero()) << "subscriptions left open after the run";
}

// Two processes of one live run (disjoint users, posters in the first): their
// documents merge into one version-2 document whose push sections add.
TEST_F(LoadLiveTest, ProcessesMergeTheirPushSections) {
  auto runProcess = [this](const std::string& offset, const std::string& host) {
    return runLoad(cli_, folder_,
                   {"--scenario",   "live", "--users",       "4",   "--user-offset", offset,
                    "--population", "8",    "--posters",     "1",   "--connections", "1",
                    "--rate",       "20",   "--user-prefix", "two", "--host-name",   host,
                    "--warmup",     "1s",   "--duration",    "2s"});
  };
  auto second = std::async(std::launch::async, runProcess, "4", "host-b");
  const auto first = runProcess("0", "host-a");
  const auto other = second.get();
  ASSERT_TRUE(first.results) << first.describe();
  ASSERT_TRUE(other.results) << other.describe();
  ASSERT_TRUE(first.results->push && other.results->push);
  EXPECT_EQ(first.results->push->subscribers, 3u);
  EXPECT_EQ(other.results->push->subscribers, 4u);

  const auto merged = load::merge(*first.results, *other.results);
  ASSERT_TRUE(merged.push);
  EXPECT_EQ(merged.push->subscribers, 7u);
  EXPECT_EQ(merged.push->deliveries.count(),
            first.results->push->deliveries.count() + other.results->push->deliveries.count());
  EXPECT_EQ(merged.toJson().at("schema"), "minitwitter-load-results/2");
  EXPECT_TRUE(load::RunResults::fromJsonText(merged.toJsonText()) == merged);
}

}  // namespace
}  // namespace mt::testing::loadtests
