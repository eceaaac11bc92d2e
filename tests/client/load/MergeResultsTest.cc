// `minitwitter-client merge-results`: documents of two real load processes merge
// exactly, as mt_load_results' merge() does; different scenarios do not merge.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "LoadTestSupport.h"

namespace mt::testing::loadtests {
namespace {

class MergeResultsTest : public ::testing::Test {
 protected:
  // A static run of `requests` requests, as host `host`, written to `file`.
  load::RunResults staticRun(const std::string& host, const std::string& file, int requests) {
    const auto result = cli_.run({"load", "--scenario", "static", "--connections", "2",
                                  "--requests", std::to_string(requests), "--host-name", host,
                                  "--output", (folder_ / file).string()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    std::string problem;
    auto results = readResults(folder_ / file, problem);
    if (!results) throw std::runtime_error(problem);
    return *results;
  }

  TwitterTestServer server_{Backend::Sqlite};
  CliRunner cli_{urlOf(server_)};
  TempFolder folder_;
};

TEST_F(MergeResultsTest, TwoProcessesMergeExactly) {
  const auto a = staticRun("host-a", "a.json", 120);
  const auto b = staticRun("host-b", "b.json", 80);

  const auto result =
      cli_.run({"merge-results", (folder_ / "a.json").string(), (folder_ / "b.json").string()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  load::RunResults merged;
  ASSERT_NO_THROW(merged = load::RunResults::fromJsonText(result.out)) << result.out;

  const auto& stats = merged.operations.at("static");
  EXPECT_EQ(stats.count(), 200u);
  EXPECT_EQ(merged.totals().count(), 200u);
  EXPECT_EQ(stats.errorCount(), 0u);
  // Histograms add bucket by bucket.
  const auto& latency = stats.latency();
  const auto& latencyA = a.operations.at("static").latency();
  const auto& latencyB = b.operations.at("static").latency();
  for (std::size_t i = latency.firstIndex(); i <= latency.lastIndex(); ++i) {
    ASSERT_EQ(latency.bucketCount(i), latencyA.bucketCount(i) + latencyB.bucketCount(i))
        << "bucket " << i;
  }
  EXPECT_EQ(latency.max(), std::max(latencyA.max(), latencyB.max()));
  EXPECT_EQ(latency.min(), std::min(latencyA.min(), latencyB.min()));
  EXPECT_EQ(perSecondTotal(stats), 200u);
  EXPECT_EQ(merged.metadata.hosts, (std::vector<std::string>{"host-a", "host-b"}));
  EXPECT_EQ(merged.metadata.connections, 4u);
  EXPECT_EQ(merged.metadata.targets, std::vector<std::string>{urlOf(server_)});
  // Exactly what the library's merge makes of the two documents.
  EXPECT_EQ(merged, load::merge(a, b));
}

TEST_F(MergeResultsTest, OutputOptionWritesTheMergedDocument) {
  staticRun("host-a", "a.json", 30);
  staticRun("host-b", "b.json", 20);
  const auto merged = folder_ / "merged.json";
  const auto result = cli_.run({"merge-results", (folder_ / "a.json").string(),
                                (folder_ / "b.json").string(), "--output", merged.string()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  std::string problem;
  const auto read = readResults(merged, problem);
  ASSERT_TRUE(read) << problem;
  EXPECT_EQ(read->operations.at("static").count(), 50u);
  EXPECT_EQ(read->metadata.hosts, (std::vector<std::string>{"host-a", "host-b"}));
}

TEST_F(MergeResultsTest, DifferentScenariosDoNotMerge) {
  staticRun("host-a", "a.json", 20);
  // The same document, claimed by another scenario.
  std::ifstream in(folder_ / "a.json");
  auto document = nlohmann::json::parse(in);
  document["metadata"]["scenario"] = "mixed";
  std::ofstream(folder_ / "mixed.json") << document.dump(2) << "\n";

  const auto result =
      cli_.run({"merge-results", (folder_ / "a.json").string(), (folder_ / "mixed.json").string()});
  EXPECT_NE(result.exitCode, 0);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("scenario"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

TEST_F(MergeResultsTest, MissingOrMalformedFileFailsWithOneLine) {
  staticRun("host-a", "a.json", 20);
  auto result =
      cli_.run({"merge-results", (folder_ / "a.json").string(), (folder_ / "none.json").string()});
  EXPECT_NE(result.exitCode, 0);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("none.json"), std::string::npos) << result.err;

  std::ofstream(folder_ / "bad.json") << "{\"schema\": \"something else\"}\n";
  result =
      cli_.run({"merge-results", (folder_ / "a.json").string(), (folder_ / "bad.json").string()});
  EXPECT_NE(result.exitCode, 0);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("bad.json"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace mt::testing::loadtests
