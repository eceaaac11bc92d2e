// The report's data side: confidence intervals, number formatting, sweep families and
// scaling, a point's repetitions brought together, and results folders read back.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ExperimentData.h"
#include "Formatting.h"
#include "ResultsFolder.h"
#include "Statistics.h"
#include "SweepFamilies.h"
#include "TempFolder.h"

namespace mt::experiment::report {
namespace {

using nlohmann::json;

TEST(StudentT, MatchesTheTableAndApproachesTheNormal) {
  EXPECT_DOUBLE_EQ(studentT975(1), 12.706);
  EXPECT_DOUBLE_EQ(studentT975(4), 2.776);
  EXPECT_DOUBLE_EQ(studentT975(30), 2.042);
  EXPECT_NEAR(studentT975(60), 2.000, 0.002);
  EXPECT_NEAR(studentT975(120), 1.980, 0.002);
  EXPECT_NEAR(studentT975(100000), 1.960, 0.001);
  EXPECT_TRUE(std::isnan(studentT975(0)));
}

TEST(Estimate, MeanAndStudentInterval) {
  const Estimate e = estimate({1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(e.mean, 3);
  EXPECT_EQ(e.samples, 5);
  ASSERT_TRUE(e.hasInterval());
  // s = sqrt(2.5), se = s / sqrt(5), t(4) = 2.776
  EXPECT_NEAR(e.halfWidth(), 2.776 * std::sqrt(2.5) / std::sqrt(5.0), 1e-9);
  EXPECT_NEAR(e.low, 3 - e.halfWidth(), 1e-12);
}

TEST(Estimate, OneSampleHasNoIntervalAndNoneHasNoMean) {
  const Estimate one = estimate({7});
  EXPECT_DOUBLE_EQ(one.mean, 7);
  EXPECT_FALSE(one.hasInterval());
  EXPECT_TRUE(std::isnan(one.low));
  const Estimate none = estimate({});
  EXPECT_EQ(none.samples, 0);
  EXPECT_TRUE(std::isnan(none.mean));
  const Estimate equal = estimate({4, 4, 4});
  EXPECT_DOUBLE_EQ(equal.halfWidth(), 0);
}

TEST(Formatting, SignificantDigitsAndThousands) {
  EXPECT_EQ(formatSignificant(1234.6), "1,235");
  EXPECT_EQ(formatSignificant(1234567), "1,234,567");
  EXPECT_EQ(formatSignificant(-1234.6), "-1,235");
  EXPECT_EQ(formatSignificant(14.63), "14.6");
  EXPECT_EQ(formatSignificant(0.95349), "0.953");
  EXPECT_EQ(formatSignificant(0), "0");
  EXPECT_EQ(formatSignificant(std::nan("")), "–");
  EXPECT_EQ(formatEstimate(estimate({1000, 1100})), "1,050 ± 635");
  EXPECT_EQ(formatEstimate(estimate({2.5})), "2.50");
  EXPECT_EQ(formatEstimate(estimate({})), "–");
  EXPECT_EQ(formatPercent(0.0123), "1.23 %");
  EXPECT_EQ(formatPercent(0), "0 %");
  EXPECT_EQ(formatRatio(3, 2), "1.50×");
  EXPECT_EQ(formatRatio(3, 0), "–");
  EXPECT_EQ(formatSeconds(4.25), "4.2 s");
  EXPECT_EQ(formatSeconds(83.4), "1 min 23 s");
}

TEST(SweepValues, NumbersAndText) {
  EXPECT_EQ(numericValue("2"), 2.0);
  EXPECT_EQ(numericValue("7.5"), 7.5);
  EXPECT_EQ(numericValue("1e3"), 1000.0);
  EXPECT_FALSE(numericValue("haproxy"));
  EXPECT_FALSE(numericValue("2s"));
  EXPECT_FALSE(numericValue(""));
}

PointSummary pointWith(const std::string& id, runner::Assignments assignments,
                       std::vector<double> throughput) {
  PointSummary point;
  point.id = id;
  point.assignments = std::move(assignments);
  point.throughput = estimate(throughput);
  point.runs = static_cast<int>(throughput.size());
  point.runsWithResults = point.runs;
  return point;
}

TEST(SweepAxes, OneFamilyPerCombinationOfTheOtherKeysSortedByValue) {
  const std::vector<PointSummary> points = {
      pointWith("p01", {{"clients.reach", "haproxy"}, {"servers.instances", "4"}}, {300}),
      pointWith("p02", {{"clients.reach", "haproxy"}, {"servers.instances", "1"}}, {100}),
      pointWith("p03", {{"clients.reach", "round-robin"}, {"servers.instances", "4"}}, {350}),
      pointWith("p04", {{"clients.reach", "round-robin"}, {"servers.instances", "1"}}, {110}),
  };
  const std::vector<SweepAxis> axes = sweepAxes({"clients.reach", "servers.instances"}, points);
  ASSERT_EQ(axes.size(), 2u);
  EXPECT_FALSE(axes[0].numeric);
  ASSERT_EQ(axes[0].ticLabels.size(), 2u);
  EXPECT_EQ(axes[0].ticLabels[0].second, "haproxy");
  EXPECT_EQ(axes[0].ticLabels[1].second, "round-robin");
  EXPECT_EQ(axes[0].families.size(), 2u);  // servers.instances = 4 and = 1
  EXPECT_EQ(axes[0].families[0].heldFixed, "servers.instances=4");
  const SweepAxis& servers = axes[1];
  EXPECT_TRUE(servers.numeric);
  ASSERT_EQ(servers.families.size(), 2u);
  EXPECT_EQ(servers.families[0].heldFixed, "clients.reach=haproxy");
  EXPECT_EQ(servers.families[0].x, (std::vector<double>{1, 4}));
  EXPECT_EQ(servers.families[0].points[0]->id, "p02");
  EXPECT_EQ(servers.families[1].points[1]->id, "p03");
}

TEST(Scaling, SpeedUpAndEfficiencyAgainstOneServer) {
  const std::vector<PointSummary> points = {
      pointWith("p01", {{"servers.instances", "1"}}, {90, 110}),
      pointWith("p02", {{"servers.instances", "2"}}, {180}),
      pointWith("p03", {{"servers.instances", "4"}}, {300}),
  };
  const std::vector<SweepAxis> axes = sweepAxes({"servers.instances"}, points);
  const std::vector<ScalingRow> rows = scalingOf(axes.at(0).families.at(0));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_DOUBLE_EQ(rows[0].speedup, 1);
  EXPECT_DOUBLE_EQ(rows[1].speedup, 1.8);
  EXPECT_DOUBLE_EQ(rows[1].efficiency, 0.9);
  EXPECT_DOUBLE_EQ(rows[2].speedup, 3);
  EXPECT_DOUBLE_EQ(rows[2].efficiency, 0.75);
  // Without a one-server point there is nothing to scale against.
  const std::vector<PointSummary> noSingle = {points[1], points[2]};
  EXPECT_TRUE(scalingOf(sweepAxes({"servers.instances"}, noSingle).at(0).families.at(0)).empty());
}

constexpr std::int64_t kSecond = 1'000'000'000;

// A run that started 0.5 s into second 1000 and measured 3 s: whole seconds 1001 and 1002.
load::RunResults runWith(std::uint64_t perSecond, std::int64_t latencyNs, int errors) {
  load::RunResults results;
  results.metadata.scenario = "original";
  results.metadata.startUnixNs = 1000 * kSecond + kSecond / 2;
  results.metadata.durationNs = 3 * kSecond;
  load::OperationStats& timeline = results.operations["timeline"];
  for (std::int64_t second = 1000; second <= 1003; ++second)
    for (std::uint64_t i = 0; i < perSecond; ++i)
      timeline.recordSuccess(latencyNs, second * kSecond + kSecond / 2 + 1);
  load::OperationStats& post = results.operations["post"];
  for (int i = 0; i < errors; ++i)
    post.recordError("http_503", latencyNs * 10, 1001 * kSecond + 5);
  return results;
}

RunData runData(int repetition, load::RunResults results) {
  RunData run;
  run.repetition = repetition;
  run.figures.status = "ok";
  runner::setResultFigures(run.figures, results);
  run.results = std::move(results);
  return run;
}

TEST(PointSummary, RepetitionsTogether) {
  PointData point;
  point.id = "p01";
  point.assignments = {{"servers.instances", "2"}};
  point.runs.push_back(runData(1, runWith(100, 2'000'000, 4)));
  point.runs.push_back(runData(2, runWith(200, 4'000'000, 0)));
  RunData failed;
  failed.repetition = 3;
  failed.figures.status = "failed";
  failed.figures.reason = "the driver exited with 1";
  point.runs.push_back(failed);

  const PointSummary summary = summarizePoint(point);
  EXPECT_EQ(summary.status, "failed");
  EXPECT_EQ(summary.reason, "the driver exited with 1");
  EXPECT_EQ(summary.runs, 3);
  EXPECT_EQ(summary.runsWithResults, 2);
  EXPECT_EQ(summary.throughput.samples, 2);
  // (404 / 3 + 800 / 3) / 2 requests per second
  EXPECT_NEAR(summary.throughput.mean, (404.0 / 3 + 800.0 / 3) / 2, 1e-9);
  ASSERT_TRUE(summary.latency);
  EXPECT_EQ(summary.latency->count(), 404u + 800u);
  EXPECT_EQ(summary.requests, 1204u);
  EXPECT_EQ(summary.errors, 4u);
  EXPECT_EQ(summary.operations.at("post").errorsByKind.at("http_503"), 4u);
  EXPECT_EQ(summary.operations.at("timeline").errors, 0u);
  // Whole seconds only: 1001 and 1002 (1000 and 1003 are cut by the phase's ends).
  ASSERT_EQ(summary.overTime.size(), 2u);
  EXPECT_EQ(summary.overTime[0].second, 1);
  EXPECT_EQ(summary.overTime[0].repetitions, 2);
  EXPECT_DOUBLE_EQ(summary.overTime[0].throughput, (104.0 + 200.0) / 2);
  EXPECT_DOUBLE_EQ(summary.overTime[1].throughput, 150.0);
  EXPECT_GT(summary.overTime[0].p99Ms, 10);  // the errors took 20 and 40 ms
  EXPECT_NEAR(summary.overTime[1].p99Ms, 4.0, 4.0 * 0.02);
}

// runWith's run as the live scenario's: `deliveries` pushes of `pushMs` to `peak` streams.
load::RunResults liveRunWith(std::uint64_t deliveries, std::int64_t pushMs, std::uint64_t peak) {
  load::RunResults results = runWith(10, 2'000'000, 0);
  results.metadata.scenario = "live";
  load::PushStats& push = results.push.emplace();
  for (std::uint64_t i = 0; i < deliveries; ++i)
    push.deliveries.recordSuccess(pushMs * 1'000'000,
                                  1001 * kSecond + static_cast<std::int64_t>(i));
  push.subscribers = peak;
  push.subscribersPeak = peak;
  push.subscribersAtEnd = peak;
  if (peak > 1) push.streamErrors["closed"] = 1;
  return results;
}

TEST(PointSummary, PushOverRepetitions) {
  PointData point;
  point.id = "p02";
  point.assignments = {{"workload.users_per_host", "50"}};
  point.runs.push_back(runData(1, liveRunWith(300, 2, 10)));
  point.runs.push_back(runData(2, liveRunWith(600, 4, 20)));
  point.runs.push_back(runData(3, runWith(10, 2'000'000, 0)));  // no push section
  const PointSummary summary = summarizePoint(point);
  ASSERT_TRUE(summary.push.has_value());
  const PushSummary& push = *summary.push;
  EXPECT_EQ(push.runsWithPush, 2);
  EXPECT_EQ(push.deliveries, 900u);
  EXPECT_EQ(push.streamErrors, 2u);
  EXPECT_EQ(push.streamErrorsByKind.at("closed"), 2u);
  // 100 and 200 deliveries/s over the 3 s phase; the interval: Student's t with 1 degree.
  EXPECT_EQ(push.deliveriesPerSecond.samples, 2);
  EXPECT_NEAR(push.deliveriesPerSecond.mean, 150, 1e-9);
  EXPECT_TRUE(push.deliveriesPerSecond.hasInterval());
  EXPECT_NEAR(push.deliveriesPerSecond.halfWidth(), 12.706 * 50, 0.1);  // s = 70.7, n = 2
  EXPECT_NEAR(push.subscribersPeak.mean, 15, 1e-9);
  EXPECT_NEAR(push.latencyMs[0].mean, 3.0, 0.03);  // p50: 2 ms and 4 ms
  EXPECT_NEAR(push.latencyMs[2].mean, 3.0, 0.03);
  ASSERT_TRUE(push.latency);
  EXPECT_EQ(push.latency->count(), 900u);

  PointData plain;
  plain.runs.push_back(runData(1, runWith(10, 2'000'000, 0)));
  EXPECT_FALSE(summarizePoint(plain).push.has_value());
}

TEST(PointSummary, NoRunsIsNotRun) {
  PointData point;
  point.id = "p07";
  const PointSummary summary = summarizePoint(point);
  EXPECT_EQ(summary.status, "not-run");
  EXPECT_EQ(summary.throughput.samples, 0);
  EXPECT_FALSE(summary.latency);
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

TEST(ResultsFolder, NotAResultsFolderIsAnError) {
  TempFolder folder("mt-report-data");
  EXPECT_THROW(readResultsFolder(folder.path() / "nothing"), std::runtime_error);
  try {
    readResultsFolder(folder.path());
    FAIL() << "an empty folder was read";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("expanded.json is missing"), std::string::npos)
        << error.what();
  }
  writeFile(folder.path() / "expanded.json", "{not json");
  EXPECT_THROW(readResultsFolder(folder.path()), std::runtime_error);
}

TEST(ResultsFolder, KilledBeforeTheSummaryStillReads) {
  TempFolder folder("mt-report-data");
  const json expanded = {
      {"schema", "minitwitter-experiment-expanded/1"},
      {"experiment", "tiny"},
      {"backend", "loopback"},
      {"points",
       {{{"id", "p01"}, {"assignments", {{"servers.instances", "1"}}}, {"config", json::object()}},
        {{"id", "p02"},
         {"assignments", {{"servers.instances", "2"}}},
         {"config", json::object()}}}},
      {"runs",
       {{{"point", "p01"}, {"repetition", 1}, {"dir", "p01/r1"}},
        {{"point", "p02"}, {"repetition", 1}, {"dir", "p02/r1"}}}}};
  writeFile(folder.path() / "expanded.json", expanded.dump());
  writeFile(folder.path() / "p01/r1/plan.json",
            json{{"clients", {{{"output", "c1.json"}}, {{"output", "c2.json"}}}}}.dump());
  writeFile(folder.path() / "p01/r1/c1.json", runWith(10, 1'000'000, 0).toJsonText());
  writeFile(folder.path() / "p01/r1/c2.json", "{\"schema\": 1");

  const ResultsFolder read = readResultsFolder(folder.path());
  EXPECT_EQ(read.experiment, "tiny");
  EXPECT_EQ(read.sweepKeys, std::vector<std::string>{"servers.instances"});
  EXPECT_FALSE(read.complete);
  EXPECT_NE(std::find(read.problems.begin(), read.problems.end(), "summary.json is missing"),
            read.problems.end());
  ASSERT_EQ(read.points.size(), 2u);
  const RunData& first = read.points[0].runs.at(0);
  EXPECT_EQ(first.figures.status, "unrecorded");
  ASSERT_TRUE(first.results);
  EXPECT_EQ(first.figures.clientHosts, 1);
  EXPECT_EQ(first.figures.clientHostsExpected, 2);
  ASSERT_EQ(first.figures.missingClients.size(), 1u);
  EXPECT_EQ(first.figures.missingClients[0].rfind("c2.json: ", 0), 0u);
  const RunData& second = read.points[1].runs.at(0);
  EXPECT_EQ(second.figures.status, "not-run");
  EXPECT_FALSE(second.results);
}

}  // namespace
}  // namespace mt::experiment::report
