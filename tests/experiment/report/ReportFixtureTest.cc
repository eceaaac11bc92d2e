// Reports and comparisons of real results folders (fixtures/, from real quickstart runs on
// Mininet and on loopback; fixtures/README.md says how they were made): every section and
// figure, valid images, an incomplete copy, a baseline, and what is not a results folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "CompareTable.h"
#include "ReportCommand.h"
#include "ResultsFolder.h"
#include "TempFolder.h"

namespace mt::experiment::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path kFixtures = std::filesystem::path(MT_FIXTURES_DIR);
const std::filesystem::path kMininet = kFixtures / "quickstart-mininet";
const std::filesystem::path kLoopback = kFixtures / "quickstart-loopback";
const std::filesystem::path kLive = kFixtures / "live-push-loopback";

std::string readText(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

// A report is hundreds of kilobytes: on failure, say what was looked for, not all of it.
::testing::AssertionResult has(const std::string& text, const std::string& needle) {
  if (text.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "the text (" << text.size() << " bytes) does not contain \"" << needle << "\"";
}

struct Written {
  int exitCode = -1;
  std::string out;
  std::string err;
  std::string html;
  std::string markdown;
};

Written writeReport(const std::filesystem::path& results, const std::filesystem::path& out,
                    std::optional<std::filesystem::path> baseline = std::nullopt,
                    std::filesystem::path gnuplot = "gnuplot") {
  ReportOptions options;
  options.results = results;
  options.out = out;
  options.baseline = std::move(baseline);
  options.gnuplot = std::move(gnuplot);
  options.toolVersion = "test";
  options.commandLine = "minitwitter-experiment report (test)";
  std::ostringstream stdoutText;
  std::ostringstream stderrText;
  Written written;
  written.exitCode = reportCommand(options, stdoutText, stderrText);
  written.out = stdoutText.str();
  written.err = stderrText.str();
  written.html = readText(out / "report.html");
  written.markdown = readText(out / "report.md");
  return written;
}

// A PNG file's width and height from its IHDR chunk; {0, 0} when it is not a PNG.
std::pair<int, int> pngSize(const std::filesystem::path& path) {
  const std::string bytes = readText(path);
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) |
           (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) |
           static_cast<unsigned char>(bytes[at + 3]);
  };
  return {be32(16), be32(20)};
}

std::vector<std::string> markdownImages(const std::string& markdown) {
  std::vector<std::string> images;
  const std::regex image(R"(!\[[^\]]*\]\(([^)]+)\))");
  for (std::sregex_iterator it(markdown.begin(), markdown.end(), image), end; it != end; ++it)
    images.push_back((*it)[1]);
  return images;
}

TEST(ReportFixture, TheFixturesAreWholeRealRuns) {
  for (const auto& dir : {kMininet, kLoopback}) {
    const ResultsFolder folder = readResultsFolder(dir);
    EXPECT_EQ(folder.experiment, "quickstart");
    EXPECT_TRUE(folder.complete) << dir;
    EXPECT_TRUE(folder.problems.empty()) << folder.problems.front();
    EXPECT_EQ(folder.sweepKeys, std::vector<std::string>{"servers.instances"});
    ASSERT_EQ(folder.points.size(), 2u);
    for (const PointData& point : folder.points) {
      ASSERT_EQ(point.runs.size(), 2u);
      for (const RunData& run : point.runs) {
        EXPECT_EQ(run.figures.status, "ok") << point.id << " " << run.figures.reason;
        ASSERT_TRUE(run.results);
        EXPECT_GT(run.figures.requests, 100u);
        EXPECT_EQ(run.figures.clientHosts, 4);
      }
    }
  }
  EXPECT_EQ(readResultsFolder(kMininet).backend, "mininet");
  EXPECT_EQ(readResultsFolder(kLoopback).backend, "loopback");
}

TEST(ReportFixture, EverySectionEveryFigureValidImages) {
  TempFolder out("mt-report");
  const Written report = writeReport(kMininet, out.path());
  ASSERT_EQ(report.exitCode, 0) << report.err;
  EXPECT_THAT(report.out, HasSubstr((out.path() / "report.html").string()));
  EXPECT_THAT(report.out, HasSubstr((out.path() / "report.md").string()));
  for (const char* section : {"Summary", "Against servers.instances",
                              "Scaling with server instances", "Latency distribution", "Over time",
                              "Errors", "Runs", "What was run", "How this report was made"}) {
    EXPECT_TRUE(has(report.html, std::string(">") + section + "</h2>")) << section;
    EXPECT_TRUE(has(report.markdown, std::string("## ") + section + "\n")) << section;
  }
  // Figures: throughput, latency, scaling, and per point a distribution and a time series.
  const std::vector<std::string> names = {"throughput-servers-instances",
                                          "latency-servers-instances",
                                          "scaling-servers-instances",
                                          "distribution-p01",
                                          "distribution-p02",
                                          "over-time-p01",
                                          "over-time-p02"};
  EXPECT_EQ(count(report.html, "<svg"), names.size());
  EXPECT_EQ(count(report.html, "</svg>"), names.size());
  EXPECT_FALSE(has(report.html, "<script"));
  EXPECT_FALSE(has(report.html, "figure not drawn"));
  EXPECT_FALSE(has(report.html, "src=\"http"));
  const std::vector<std::string> images = markdownImages(report.markdown);
  EXPECT_EQ(images.size(), names.size());
  for (const std::string& name : names) {
    const std::filesystem::path png = out.path() / "figures" / (name + ".png");
    EXPECT_NE(std::find(images.begin(), images.end(), "figures/" + name + ".png"), images.end())
        << name;
    const auto [width, height] = pngSize(png);
    EXPECT_GE(width, 600) << png;
    EXPECT_GE(height, 300) << png;
    const std::string svg = readText(out.path() / "figures" / (name + ".svg"));
    EXPECT_TRUE(has(svg, "<svg")) << name;
    EXPECT_TRUE(has(svg, "</svg>")) << name;
  }
  // The table holds the real figures: the summary's throughput of p01, to three digits.
  const nlohmann::json summary = nlohmann::json::parse(readText(kMininet / "summary.json"));
  EXPECT_TRUE(has(report.html, "servers.instances=1"));
  EXPECT_TRUE(has(report.html, "Mininet"));
  EXPECT_GT(summary.at("points").at(0).at("results").at("throughput").get<double>(), 0);
  // No request failed in the fixture: said, and no errors figure drawn.
  EXPECT_TRUE(has(report.html, "No request failed in any run"));
}

TEST(ReportFixture, LivePushSectionTableFiguresAndSummaries) {
  const ResultsFolder folder = readResultsFolder(kLive);
  EXPECT_EQ(folder.experiment, "live-push");
  EXPECT_TRUE(folder.complete);
  EXPECT_EQ(folder.sweepKeys, std::vector<std::string>{"workload.users_per_host"});
  ASSERT_EQ(folder.points.size(), 2u);
  for (const PointData& point : folder.points)
    for (const RunData& run : point.runs) {
      EXPECT_EQ(run.figures.status, "ok") << point.id << " " << run.figures.reason;
      ASSERT_TRUE(run.figures.push) << point.id;
      EXPECT_GT(run.figures.push->deliveries, 0u);
    }

  TempFolder out("mt-report");
  const Written report = writeReport(kLive, out.path());
  ASSERT_EQ(report.exitCode, 0) << report.err;
  EXPECT_TRUE(has(report.html, ">Push latency</h2>"));
  EXPECT_TRUE(has(report.markdown, "## Push latency\n"));
  for (const char* column : {"deliveries/s", "peak streams", "push p50 (ms)", "push p99 (ms)",
                             "push p99.9 (ms)", "stream errors"})
    EXPECT_TRUE(has(report.markdown, column)) << column;
  EXPECT_TRUE(has(report.markdown, "poster(s) in all"));
  for (const char* name :
       {"push-latency-workload-users-per-host", "push-distribution-p01", "push-distribution-p02"}) {
    const auto [width, height] = pngSize(out.path() / "figures" / (std::string(name) + ".png"));
    EXPECT_GE(width, 600) << name;
    EXPECT_GE(height, 300) << name;
    EXPECT_TRUE(has(report.markdown, std::string("figures/") + name + ".png")) << name;
  }
  EXPECT_FALSE(has(report.html, "figure not drawn"));

  // The runner's summaries carry push where the client files have it.
  const nlohmann::json summary = nlohmann::json::parse(readText(kLive / "summary.json"));
  for (const nlohmann::json& point : summary.at("points"))
    EXPECT_GT(point.at("results").at("push").at("deliveries").get<std::uint64_t>(), 0u);
  const std::string csv = readText(kLive / "summary.csv");
  EXPECT_TRUE(has(csv.substr(0, csv.find('\n')), ",push_deliveries,push_deliveries_per_s,"));

  // As a baseline of itself every ratio is 1.
  const Written self = writeReport(kLive, out.path() / "self", kLive);
  ASSERT_EQ(self.exitCode, 0) << self.err;
  EXPECT_TRUE(has(self.markdown, "1.00×"));
}

TEST(ReportFixture, NoPushNoPushSection) {
  TempFolder out("mt-report");
  const Written report = writeReport(kLoopback, out.path());
  ASSERT_EQ(report.exitCode, 0) << report.err;
  EXPECT_FALSE(has(report.html, "Push latency"));
  EXPECT_FALSE(has(report.markdown, "push-"));
  // The quickstart's summary.csv was written before push existed and has no push columns.
  EXPECT_FALSE(has(readText(kLoopback / "summary.csv"), "push_"));
}

TEST(ReportFixture, IncompleteCopyMarksWhatIsMissing) {
  TempFolder copy("mt-report");
  std::filesystem::copy(kMininet, copy.path() / "run", std::filesystem::copy_options::recursive);
  const std::filesystem::path run = copy.path() / "run";
  std::filesystem::remove(run / "p02" / "r1" / "c1.json");
  std::ofstream(run / "p02" / "r2" / "c3.json") << "{\"schema\": \"minitwitter-load-res";
  std::filesystem::remove_all(run / "p01" / "r2");
  std::filesystem::remove(run / "machine.json");

  const Written report = writeReport(run, copy.path() / "report");
  ASSERT_EQ(report.exitCode, 0) << report.err;
  EXPECT_TRUE(has(report.html, "c1.json: no such file"));
  EXPECT_TRUE(has(report.html, "c3.json: load results"));
  EXPECT_TRUE(has(report.html, "p01 repetition 2"));
  EXPECT_TRUE(has(report.html, "machine.json is missing"));
  EXPECT_TRUE(has(report.markdown, "**Note:**"));
  // Still every section, and figures from what is there.
  EXPECT_TRUE(has(report.html, ">Scaling with server instances</h2>"));
  EXPECT_GE(count(report.html, "<svg"), 7u);

  // Without summary.json (a runner killed before it wrote one) it still reads.
  std::filesystem::remove(run / "summary.json");
  const Written unsummarised = writeReport(run, copy.path() / "report2");
  ASSERT_EQ(unsummarised.exitCode, 0) << unsummarised.err;
  EXPECT_TRUE(has(unsummarised.html, "summary.json is missing"));
  EXPECT_TRUE(has(unsummarised.html, "unrecorded"));
}

TEST(ReportFixture, BaselineSideBySideWithRatios) {
  TempFolder out("mt-report");
  const Written report = writeReport(kMininet, out.path(), kLoopback);
  ASSERT_EQ(report.exitCode, 0) << report.err;
  EXPECT_TRUE(has(report.html, "Compared with the baseline"));
  // Points (2), scaling (2) and operations tables have baseline rows; only points have ratios.
  EXPECT_GE(count(report.html, ">baseline</td>"), 4u);
  EXPECT_EQ(count(report.html, ">ratio</td>"), 2u);
  EXPECT_TRUE(has(report.html, "×"));
  EXPECT_TRUE(has(report.html, "Runs of the baseline"));
  EXPECT_TRUE(has(report.markdown, "| ratio |"));
  // The baseline is drawn in the same figures, not in figures of its own; those against
  // the swept key add its ratio (throughput and latency).
  EXPECT_EQ(count(report.html, "<svg"), 7u);
  EXPECT_EQ(count(report.html, ">ratio to the baseline</text>"), 2u);
}

TEST(ReportFixture, MissingGnuplotStillWritesTheTables) {
  TempFolder out("mt-report");
  const Written report = writeReport(kMininet, out.path(), std::nullopt, "/nonexistent/gnuplot");
  EXPECT_EQ(report.exitCode, 1);
  EXPECT_THAT(report.err, HasSubstr("gnuplot not found"));
  EXPECT_TRUE(has(report.html, "figure not drawn"));
  EXPECT_TRUE(has(report.html, ">Summary</h2>"));
  EXPECT_EQ(count(report.html, "<svg"), 0u);
}

TEST(ReportFixture, NotAResultsFolder) {
  TempFolder out("mt-report");
  ReportOptions options;
  options.results = kFixtures;  // the folder above the runs
  options.out = out.path();
  std::ostringstream stdoutText;
  std::ostringstream stderrText;
  EXPECT_EQ(reportCommand(options, stdoutText, stderrText), 2);
  EXPECT_THAT(stderrText.str(), HasSubstr("is not a results folder"));
  EXPECT_FALSE(std::filesystem::exists(out.path() / "report.html"));
}

TEST(CompareFixture, HeadlineFiguresSideBySide) {
  std::ostringstream stdoutText;
  std::ostringstream stderrText;
  ASSERT_EQ(compareCommand({kMininet, kLoopback}, stdoutText, stderrText), 0) << stderrText.str();
  const std::string table = stdoutText.str();
  EXPECT_THAT(table, HasSubstr("A  " + kMininet.string()));
  EXPECT_THAT(table, HasSubstr("B  " + kLoopback.string()));
  EXPECT_THAT(table, HasSubstr("req/s vs A"));
  // Four rows: two points, each of A then B; B's carry ratios.
  const std::regex bRow(R"(\nB\s+p0[12]\s+servers\.instances=[12]\s+ok\s+2/2\s.*×)");
  EXPECT_EQ(
      std::distance(std::sregex_iterator(table.begin(), table.end(), bRow), std::sregex_iterator()),
      2);
  std::ostringstream ignored;
  std::ostringstream error;
  EXPECT_EQ(compareCommand({kMininet, "/nonexistent"}, ignored, error), 2);
  EXPECT_THAT(error.str(), HasSubstr("/nonexistent"));
}

}  // namespace
}  // namespace mt::experiment::report
