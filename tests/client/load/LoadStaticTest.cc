// `load --scenario static` end to end: the request count, the document, the summary,
// the targets' round robin and the warm-up, against the real server.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "LoadTestSupport.h"

namespace mt::testing::loadtests {
namespace {

constexpr std::int64_t kSecondNs = 1'000'000'000;

std::int64_t unixNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class LoadStaticTest : public ::testing::Test {
 protected:
  TwitterTestServer server_{Backend::Sqlite};
  CliRunner cli_{urlOf(server_)};
  TempFolder folder_;
};

TEST_F(LoadStaticTest, ClosedLoopHonoursTheRequestCountExactly) {
  const auto run =
      runLoad(cli_, folder_, {"--scenario", "static", "--connections", "4", "--requests", "500"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& results = *run.results;

  EXPECT_EQ(results.metadata.scenario, "static");
  EXPECT_EQ(results.metadata.loop, load::LoopKind::closed);
  EXPECT_EQ(results.metadata.connections, 4u);
  EXPECT_EQ(results.metadata.virtualUsers, 4u);  // default: as many as connections
  EXPECT_EQ(results.metadata.targets, std::vector<std::string>{urlOf(server_)});
  EXPECT_EQ(results.metadata.hosts.size(), 1u);
  ASSERT_EQ(operationNames(results), std::vector<std::string>{"static"});

  const auto& stats = results.operations.at("static");
  EXPECT_EQ(stats.count(), 500u);
  EXPECT_EQ(stats.errorCount(), 0u);
  EXPECT_TRUE(stats.errors().empty());
  EXPECT_EQ(perSecondTotal(stats), stats.count());
  EXPECT_EQ(results.totals().count(), 500u);
  // The server answered every recorded request (and at most those in flight at the end).
  EXPECT_GE(staticFilesServed(server_), 500);
}

TEST_F(LoadStaticTest, JsonOnStandardOutputIsTheDocumentWrittenToTheFile) {
  const auto file = folder_ / "out.json";
  const auto result = cli_.run({"--json", "load", "--scenario", "static", "--connections", "2",
                                "--requests", "100", "--output", file.string()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  std::string problem;
  const auto written = readResults(file, problem);
  ASSERT_TRUE(written) << problem;
  load::RunResults printed;
  ASSERT_NO_THROW(printed = load::RunResults::fromJsonText(result.out)) << result.out;
  EXPECT_EQ(printed, *written);
  EXPECT_EQ(printed.operations.at("static").count(), 100u);
}

TEST_F(LoadStaticTest, SummaryTableHasARowPerOperation) {
  const auto result =
      cli_.run({"load", "--scenario", "static", "--connections", "2", "--requests", "100"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("static"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("p99"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("100"), std::string::npos) << result.out;
  // Not the JSON document: that is what --json is for.
  EXPECT_EQ(result.out.find("\"schema\""), std::string::npos) << result.out;
}

// The contract: "one row per operation ... and a totals row", also when there is one.
TEST_F(LoadStaticTest, SummaryTableHasATotalsRowEvenForOneOperation) {
  const auto result =
      cli_.run({"load", "--scenario", "static", "--connections", "2", "--requests", "100"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("total"), std::string::npos) << result.out;
}

TEST_F(LoadStaticTest, DurationBoundsTheMeasuredPhase) {
  const auto run =
      runLoad(cli_, folder_, {"--scenario", "static", "--connections", "2", "--duration", "1s"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& metadata = run.results->metadata;
  EXPECT_GE(metadata.durationNs, kSecondNs);
  EXPECT_LT(metadata.durationNs, 5 * kSecondNs);
  const auto& stats = run.results->operations.at("static");
  EXPECT_GT(stats.count(), 0u);
  EXPECT_EQ(stats.errorCount(), 0u);
  // Every completion lies inside the measured phase, a second's rounding aside.
  const std::int64_t firstSecond = metadata.startUnixNs / kSecondNs;
  // (Responses still in flight at the end may complete while the run drains.)
  const std::int64_t lastSecond =
      (metadata.startUnixNs + metadata.durationNs + kSecondNs) / kSecondNs;
  ASSERT_FALSE(stats.perSecond().empty());
  EXPECT_GE(stats.perSecond().begin()->first, firstSecond);
  EXPECT_LE(stats.perSecond().rbegin()->first, lastSecond);
}

// Warm-up requests reach the server but not the results.
TEST_F(LoadStaticTest, WarmupIsRunButNotRecorded) {
  const std::int64_t launchedNs = unixNowNs();
  const auto run =
      runLoad(cli_, folder_,
              {"--scenario", "static", "--connections", "2", "--warmup", "1s", "--duration", "1s"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& metadata = run.results->metadata;
  EXPECT_EQ(metadata.warmupNs, kSecondNs);
  // The measured phase starts after the warm-up.
  EXPECT_GE(metadata.startUnixNs, launchedNs + kSecondNs);
  EXPECT_LE(metadata.startUnixNs, unixNowNs());
  const auto& stats = run.results->operations.at("static");
  EXPECT_GT(stats.count(), 0u);
  EXPECT_EQ(stats.errorCount(), 0u);
  EXPECT_EQ(perSecondTotal(stats), stats.count());
  ASSERT_FALSE(stats.perSecond().empty());
  // No second before the measured phase's first.
  EXPECT_GE(stats.perSecond().begin()->first, metadata.startUnixNs / kSecondNs);
  // The server answered a second's worth of requests more than were recorded: far more
  // than could have been in flight (2 connections) when the run stopped.
  EXPECT_GT(staticFilesServed(server_), static_cast<double>(stats.count() + 2))
      << "recorded " << stats.count();
}

TEST_F(LoadStaticTest, WarmupWithARequestCountRecordsExactlyThatMany) {
  const auto run = runLoad(
      cli_, folder_,
      {"--scenario", "static", "--connections", "2", "--warmup", "500ms", "--requests", "200"});
  ASSERT_TRUE(run.results) << run.describe();
  EXPECT_EQ(run.results->operations.at("static").count(), 200u);
  EXPECT_EQ(run.results->metadata.warmupNs, kSecondNs / 2);
  EXPECT_GT(staticFilesServed(server_), 200 + 2);
}

// User i talks to target i mod n: with four users on two servers each serves two users.
TEST(LoadTargetsTest, UsersAreSpreadOverTargetsRoundRobin) {
  TwitterTestServer first(Backend::Sqlite), second(Backend::Sqlite);
  CliRunner cli(urlOf(first));
  TempFolder folder;
  const auto run =
      runLoad(cli, folder,
              {"--scenario", "static", "--target", urlOf(first), "--target", urlOf(second),
               "--users", "4", "--connections", "4", "--duration", "1s"});
  ASSERT_TRUE(run.results) << run.describe();
  EXPECT_EQ(run.results->metadata.targets, (std::vector<std::string>{urlOf(first), urlOf(second)}));
  const auto& stats = run.results->operations.at("static");
  EXPECT_EQ(stats.errorCount(), 0u);
  const double servedByFirst = staticFilesServed(first);
  const double servedBySecond = staticFilesServed(second);
  const double served = servedByFirst + servedBySecond;
  EXPECT_GT(servedByFirst, 0);
  EXPECT_GT(servedBySecond, 0);
  // Each request recorded was served by one of them (a few more were in flight at the end).
  EXPECT_GE(served, static_cast<double>(stats.count()));
  EXPECT_LE(served, static_cast<double>(stats.count() + 4));
  // Two users each on equal servers: roughly half each (loose: two cores are shared).
  EXPECT_GT(servedByFirst, served / 4) << servedByFirst << " of " << served;
  EXPECT_GT(servedBySecond, served / 4) << servedBySecond << " of " << served;
}

}  // namespace
}  // namespace mt::testing::loadtests
