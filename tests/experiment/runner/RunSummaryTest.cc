#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "RunResults.h"
#include "RunSummary.h"
#include "SummaryTable.h"
#include "TempFolder.h"

namespace mt::experiment::runner {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::int64_t kStart = 1'800'000'000'000'000'000;
constexpr std::int64_t kMs = 1'000'000;

// One client host's results: `successes` requests of `latencyMs`, `errors` http_503s
// of 30 ms, all within a measured phase of 2 s.
load::RunResults clientResults(const std::string& host, int successes, std::int64_t latencyMs,
                               int errors) {
  load::RunResults results;
  results.metadata.toolVersion = "test";
  results.metadata.scenario = "original";
  results.metadata.virtualUsers = 5;
  results.metadata.connections = 5;
  results.metadata.targets = {"http://10.0.0.2:8081"};
  results.metadata.hosts = {host};
  results.metadata.startUnixNs = kStart;
  results.metadata.warmupNs = 1'000'000'000;
  results.metadata.durationNs = 2'000'000'000;
  load::OperationStats& timeline = results.operations["timeline"];
  for (int i = 0; i < successes; ++i)
    timeline.recordSuccess(latencyMs * kMs, kStart + i * kMs);
  for (int i = 0; i < errors; ++i)
    timeline.recordError("http_503", 30 * kMs, kStart + i * kMs);
  return results;
}

// A live client host: `posts` posts of 5 ms, and `deliveries` pushes of `pushMs` to
// `subscribers` subscribers, one of whose streams ended early (`graphql:SLOW_CONSUMER`)
// when `slow`.
load::RunResults liveResults(const std::string& host, int posts, int deliveries,
                             std::int64_t pushMs, std::uint64_t subscribers, bool slow) {
  load::RunResults results = clientResults(host, 0, 0, 0);
  results.metadata.scenario = "live";
  results.operations.clear();
  load::OperationStats& post = results.operations["post"];
  for (int i = 0; i < posts; ++i)
    post.recordSuccess(5 * kMs, kStart + i * kMs);
  load::PushStats& push = results.push.emplace();
  for (int i = 0; i < deliveries; ++i)
    push.deliveries.recordSuccess(pushMs * kMs, kStart + i * kMs);
  push.events = static_cast<std::uint64_t>(deliveries);
  push.subscribers = subscribers;
  push.subscribersPeak = subscribers;
  push.subscribersAtEnd = slow ? subscribers - 1 : subscribers;
  if (slow) push.streamErrors["graphql:SLOW_CONSUMER"] = 1;
  return results;
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path);
  file << text;
}

RunOutcome outcomeIn(const std::filesystem::path& folder) {
  RunOutcome outcome;
  outcome.point = "p01";
  outcome.assignments = {{"servers.instances", "2"}};
  outcome.repetition = 1;
  outcome.outDir = folder;
  outcome.clientOutputs = {"c1.json", "c2.json"};
  outcome.started = true;
  outcome.driverExitCode = 0;
  outcome.wallSeconds = 9.5;
  return outcome;
}

class RunSummaryTest : public ::testing::Test {
 protected:
  void writeBothClients() {
    writeFile(folder.path() / "c1.json", clientResults("c1", 100, 10, 0).toJsonText());
    writeFile(folder.path() / "c2.json", clientResults("c2", 98, 20, 2).toJsonText());
  }

  TempFolder folder{"mt-run-summary"};
};

TEST_F(RunSummaryTest, MergesTheClientsIntoThroughputLatencyAndErrors) {
  writeBothClients();
  const Figures figures = summarizeRun(outcomeIn(folder.path()));
  EXPECT_EQ(figures.status, "ok");
  EXPECT_EQ(figures.reason, "");
  ASSERT_TRUE(figures.hasResults);
  EXPECT_EQ(figures.requests, 200u);
  EXPECT_EQ(figures.errors, 2u);
  EXPECT_DOUBLE_EQ(figures.errorRate, 0.01);
  EXPECT_DOUBLE_EQ(figures.durationSeconds, 2.0);
  EXPECT_DOUBLE_EQ(figures.throughput, 100.0);
  // Nearest rank over 100 × 10 ms, 98 × 20 ms, 2 × 30 ms; the histogram's error < 0.4%.
  EXPECT_NEAR(figures.latencyMs[0], 10.0, 0.04);
  EXPECT_NEAR(figures.latencyMs[1], 20.0, 0.08);
  EXPECT_NEAR(figures.latencyMs[2], 20.0, 0.08);
  EXPECT_NEAR(figures.latencyMs[3], 30.0, 0.12);
  EXPECT_EQ(figures.errorsByKind, (std::map<std::string, std::uint64_t>{{"http_503", 2}}));
  EXPECT_EQ(figures.clientHosts, 2);
  EXPECT_EQ(figures.clientHostsExpected, 2);
}

TEST_F(RunSummaryTest, AMissingClientFileMarksTheRun) {
  writeFile(folder.path() / "c1.json", clientResults("c1", 100, 10, 0).toJsonText());
  const Figures figures = summarizeRun(outcomeIn(folder.path()));
  EXPECT_EQ(figures.status, "missing");
  EXPECT_THAT(figures.reason, HasSubstr("c2.json: no such file"));
  EXPECT_EQ(figures.clientHosts, 1);
  EXPECT_EQ(figures.clientHostsExpected, 2);
  ASSERT_TRUE(figures.hasResults);  // what did arrive is still summarised
  EXPECT_EQ(figures.requests, 100u);
}

TEST_F(RunSummaryTest, AnUnreadableClientFileMarksTheRun) {
  writeFile(folder.path() / "c1.json", clientResults("c1", 100, 10, 0).toJsonText());
  writeFile(folder.path() / "c2.json", "{\"schema\": \"something else\"}");
  const Figures figures = summarizeRun(outcomeIn(folder.path()));
  EXPECT_EQ(figures.status, "missing");
  EXPECT_THAT(figures.reason, HasSubstr("c2.json: "));
  EXPECT_EQ(figures.clientHosts, 1);
}

TEST_F(RunSummaryTest, TheDriversFailureIsTheReason) {
  writeBothClients();
  RunOutcome outcome = outcomeIn(folder.path());
  outcome.driverExitCode = 1;
  outcome.driverError = "client(s) failed: c2 exited with 1 (see c2.log)";
  const Figures figures = summarizeRun(outcome);
  EXPECT_EQ(figures.status, "failed");
  EXPECT_EQ(figures.reason, outcome.driverError);
  EXPECT_EQ(figures.requests, 200u);

  outcome.driverError.clear();
  EXPECT_EQ(summarizeRun(outcome).reason, "the driver exited with 1");
}

TEST_F(RunSummaryTest, InterruptedAndNotStartedRuns) {
  writeBothClients();
  RunOutcome outcome = outcomeIn(folder.path());
  outcome.interrupted = true;
  outcome.driverExitCode = 3;
  outcome.driverError = "interrupted by SIGINT, torn down";
  EXPECT_EQ(summarizeRun(outcome).status, "interrupted");

  RunOutcome never = outcomeIn(folder.path());
  never.started = false;
  const Figures figures = summarizeRun(never);
  EXPECT_EQ(figures.status, "not-run");
  EXPECT_FALSE(figures.hasResults);
  EXPECT_EQ(figures.clientHosts, 0);
}

TEST_F(RunSummaryTest, APointAveragesItsRepetitions) {
  Figures first;
  first.point = "p01";
  first.repetition = 1;
  first.status = "ok";
  first.hasResults = true;
  first.requests = 100;
  first.errors = 1;
  first.errorRate = 0.01;
  first.throughput = 50;
  first.durationSeconds = 2;
  first.latencyMs[0] = 10;
  first.latencyMs[2] = 30;
  first.errorsByKind = {{"timeout", 1}};
  first.clientHosts = 4;
  first.clientHostsExpected = 4;
  Figures second = first;
  second.repetition = 2;
  second.requests = 300;
  second.errors = 0;
  second.errorRate = 0;
  second.throughput = 150;
  second.latencyMs[0] = 20;
  second.errorsByKind.clear();
  second.clientHosts = 3;
  second.status = "missing";

  const Figures point = summarizePoint({first, second});
  EXPECT_FALSE(point.repetition.has_value());
  EXPECT_EQ(point.status, "missing");
  EXPECT_EQ(point.reason, "1 of 2 repetition(s) not ok");
  EXPECT_EQ(point.requests, 400u);
  EXPECT_EQ(point.errors, 1u);
  EXPECT_DOUBLE_EQ(point.throughput, 100);
  EXPECT_DOUBLE_EQ(point.errorRate, 0.005);
  EXPECT_DOUBLE_EQ(point.latencyMs[0], 15);
  EXPECT_DOUBLE_EQ(point.latencyMs[2], 30);
  EXPECT_EQ(point.errorsByKind.at("timeout"), 1u);
  EXPECT_EQ(point.clientHosts, 3);
  EXPECT_EQ(point.repetitions, 2);
}

TEST_F(RunSummaryTest, CsvAndJsonForms) {
  writeBothClients();
  RunOutcome outcome = outcomeIn(folder.path());
  outcome.driverExitCode = 1;
  outcome.driverError = "a reason, with a comma and \"quotes\"";
  const Figures run = summarizeRun(outcome);
  const Figures point = summarizePoint({run});
  const std::string csv = summaryCsv({run}, {point});
  EXPECT_TRUE(csv.starts_with(summaryCsvHeader()));
  EXPECT_THAT(csv, HasSubstr("\nrun,p01,1,servers.instances=2,failed,"
                             "\"a reason, with a comma and \"\"quotes\"\"\",200,2,0.010000,"
                             "100.00,"));
  EXPECT_THAT(csv, HasSubstr(",http_503=2,2,2,2.000,9.5\n"));
  EXPECT_THAT(csv, HasSubstr("\npoint,p01,mean,servers.instances=2,failed,"));

  const nlohmann::json json = figuresJson(run);
  EXPECT_EQ(json["status"], "failed");
  EXPECT_EQ(json["repetition"], 1);
  EXPECT_EQ(json["assignments"]["servers.instances"], "2");
  EXPECT_EQ(json["results"]["requests"], 200);
  EXPECT_EQ(json["results"]["errorsByKind"]["http_503"], 2);
  EXPECT_TRUE(json["results"]["latencyMs"].contains("p99.9"));
  EXPECT_TRUE(figuresJson(summarizeRun([&] {
                RunOutcome never = outcome;
                never.started = false;
                return never;
              }()))["results"]
                  .is_null());
}

TEST_F(RunSummaryTest, LiveRunsKeepTheirPushResults) {
  // c1 posts and has 4 subscribers, c2 only subscribers (5): the merge keeps both.
  writeFile(folder.path() / "c1.json", liveResults("c1", 20, 80, 2, 4, false).toJsonText());
  writeFile(folder.path() / "c2.json", liveResults("c2", 0, 100, 4, 5, true).toJsonText());
  const Figures run = summarizeRun(outcomeIn(folder.path()));
  EXPECT_EQ(run.status, "ok");
  EXPECT_EQ(run.requests, 20u);
  ASSERT_TRUE(run.push.has_value());
  EXPECT_EQ(run.push->deliveries, 180u);
  EXPECT_DOUBLE_EQ(run.push->deliveriesPerSecond, 90.0);
  EXPECT_NEAR(run.push->latencyMs[0], 4.0, 0.02);  // 100 of the 180 took 4 ms
  EXPECT_NEAR(run.push->latencyMs[2], 4.0, 0.02);
  EXPECT_DOUBLE_EQ(run.push->subscribers, 9);
  EXPECT_DOUBLE_EQ(run.push->subscribersPeak, 9);
  EXPECT_DOUBLE_EQ(run.push->subscribersAtEnd, 8);
  EXPECT_EQ(run.push->streamErrors, 1u);
  EXPECT_EQ(run.push->streamErrorsByKind.at("graphql:SLOW_CONSUMER"), 1u);

  Figures second = run;
  second.repetition = 2;
  second.push->deliveries = 20;
  second.push->deliveriesPerSecond = 10;
  second.push->latencyMs[2] = 8;
  second.push->subscribersPeak = 7;
  Figures withoutPush = run;  // a repetition whose clients wrote no push section
  withoutPush.repetition = 3;
  withoutPush.push.reset();
  const Figures point = summarizePoint({run, second, withoutPush});
  ASSERT_TRUE(point.push.has_value());
  EXPECT_EQ(point.push->repetitions, 2);
  EXPECT_EQ(point.push->deliveries, 200u);
  EXPECT_DOUBLE_EQ(point.push->deliveriesPerSecond, 50);
  EXPECT_NEAR(point.push->latencyMs[2], 6.0, 0.02);
  EXPECT_DOUBLE_EQ(point.push->subscribersPeak, 8);
  EXPECT_EQ(point.push->streamErrors, 2u);

  const nlohmann::json json = figuresJson(run);
  EXPECT_EQ(json["results"]["push"]["deliveries"], 180);
  EXPECT_DOUBLE_EQ(json["results"]["push"]["deliveriesPerSecond"].get<double>(), 90.0);
  EXPECT_TRUE(json["results"]["push"]["latencyMs"].contains("p99.9"));
  EXPECT_EQ(json["results"]["push"]["streamErrorsByKind"]["graphql:SLOW_CONSUMER"], 1);
  EXPECT_EQ(figuresJson(point)["results"]["push"]["repetitions"], 2);

  const std::string csv = summaryCsv({run, second, withoutPush}, {point});
  EXPECT_TRUE(csv.starts_with(summaryCsvHeader(true)));
  EXPECT_THAT(summaryCsvHeader(true), HasSubstr(",wall_s,push_deliveries,push_deliveries_per_s,"
                                                "push_p50_ms,push_p90_ms,push_p99_ms,"));
  EXPECT_THAT(csv, HasSubstr(",9.5,180,90.00,4.0"));
  EXPECT_THAT(csv, HasSubstr(",9.0,9.0,8.0,1,graphql:SLOW_CONSUMER=1\n"));
  EXPECT_THAT(csv, HasSubstr(",9.5,,,,,,,,,,,\n"));  // the repetition without push
  EXPECT_THAT(summaryTable({point}), HasSubstr("push: 50.0 deliveries/s"));
}

TEST_F(RunSummaryTest, WithoutPushTheCsvKeepsItsColumns) {
  writeBothClients();
  const Figures run = summarizeRun(outcomeIn(folder.path()));
  EXPECT_FALSE(run.push.has_value());
  const std::string csv = summaryCsv({run}, {summarizePoint({run})});
  EXPECT_EQ(csv.substr(0, csv.find('\n') + 1), summaryCsvHeader());
  EXPECT_THAT(summaryCsvHeader(), Not(HasSubstr("push")));
  EXPECT_FALSE(figuresJson(run)["results"].contains("push"));
  EXPECT_THAT(summaryTable({run}), Not(HasSubstr("push")));
}

}  // namespace
}  // namespace mt::experiment::runner
