// `load --scenario FILE`: a TOML scenario file (client/scenarios/ScenarioFile.cc,
// docs/client.md) run end to end.
#include <gtest/gtest.h>

#include <fstream>

#include "LoadTestSupport.h"
#include "TwitterApi.h"
#include "TwitterApiFixture.h"

namespace mt::testing::loadtests {
namespace {

class LoadScenarioFileTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!backendAvailable(GetParam())) {
      GTEST_SKIP() << backendName(GetParam()) << " unavailable";
    }
    server_ = std::make_unique<TwitterTestServer>(GetParam());
    cli_ = std::make_unique<CliRunner>(urlOf(*server_));
  }

  std::string writeFile(const std::string& name, const std::string& text) {
    const auto path = folder_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  std::unique_ptr<TwitterTestServer> server_;
  std::unique_ptr<CliRunner> cli_;
  TempFolder folder_;
};

TEST_P(LoadScenarioFileTest, MixedScenarioFromAFile) {
  const auto file = writeFile("busy-readers.toml",
                              "# readers who sometimes post and like\n"
                              "scenario = \"mixed\"\n"
                              "user_prefix = \"file\"\n"
                              "password = \"file-password\"\n"
                              "seed = 3\n"
                              "think_time = \"1ms\"\n"
                              "[weights]\n"
                              "timeline = 4\n"
                              "post = 2\n"
                              "like = 1\n");
  const auto run =
      runLoad(*cli_, folder_,
              {"--scenario", file, "--users", "3", "--connections", "3", "--duration", "1s"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& results = *run.results;
  EXPECT_NE(results.metadata.scenario.find("busy-readers"), std::string::npos)
      << results.metadata.scenario;
  // Only the operations with a weight.
  EXPECT_EQ(operationNames(results), (std::vector<std::string>{"like", "post", "timeline"}));
  EXPECT_EQ(results.totals().errorCount(), 0u);
  // The accounts are the file's: its prefix and its password.
  TwitterApi api(server_->port());
  for (int i = 0; i < 3; ++i) {
    EXPECT_NO_THROW(api.login("file" + std::to_string(i), "file-password")) << i;
  }
}

TEST_P(LoadScenarioFileTest, StaticScenarioFromAFileUsesItsPath) {
  const auto file = writeFile("missing-file.toml",
                              "scenario = \"static\"\n"
                              "[static]\n"
                              "path = \"/files/not-there.txt\"\n");
  const auto run =
      runLoad(*cli_, folder_, {"--scenario", file, "--connections", "2", "--requests", "40"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& stats = run.results->operations.at("static");
  EXPECT_EQ(stats.count(), 40u);
  EXPECT_EQ(stats.errors(), (std::map<std::string, std::uint64_t, std::less<>>{{"http_404", 40}}));
}

// The example the experiments use, with the command line winning over its keys: its
// population of 1000 would send profile reads and follows to users no one made.
TEST_P(LoadScenarioFileTest, ShippedReadHeavyFileRunsWithItsThinkTime) {
  const std::string file = std::string(MT_EXPERIMENT_SCENARIOS_DIR) + "/read-heavy.toml";
  const auto run = runLoad(*cli_, folder_,
                           {"--scenario", file, "--users", "3", "--connections", "3",
                            "--population", "3", "--duration", "1s"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& totals = run.results->totals();
  EXPECT_EQ(totals.errorCount(), 0u);
  EXPECT_GT(totals.count(), 0u);
  // think_time = "100ms": each user makes at most one request per 100 ms, so three
  // users in one second make at most ~33 (without it: thousands).
  EXPECT_LE(totals.count(), 3u * 12u);
  EXPECT_EQ(run.results->operations.count("timeline"), 1u);
}

TEST_P(LoadScenarioFileTest, UnknownKeyIsAUsageErrorNamingTheLine) {
  const auto file = writeFile("typo.toml", "scenario = \"mixed\"\nusers_prefix = \"x\"\n");
  const auto result = cli_->run({"load", "--scenario", file, "--duration", "1s"});
  EXPECT_EQ(result.exitCode, 2) << result.err;
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("typo.toml:2"), std::string::npos) << result.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, LoadScenarioFileTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing::loadtests
