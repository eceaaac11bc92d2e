// What `load` does when it cannot run, or the server answers with errors: the exit
// codes and one-line messages of the contract (/work/notes/load-cli.md).
#include <gtest/gtest.h>

#include <fstream>

#include "LoadTestSupport.h"

namespace mt::testing::loadtests {
namespace {

// A command line that is wrong before anything is sent: exit 2 and one line, even
// with no server anywhere (so the usage error cannot be a connection error).
void expectUsageError(const std::vector<std::string>& options) {
  const UnreachableServer nowhere;
  CliRunner cli(nowhere.url());
  std::vector<std::string> args = {"load"};
  args.insert(args.end(), options.begin(), options.end());
  const auto result = cli.run(args);
  std::string shown;
  for (const auto& option : options)
    shown += option + " ";
  EXPECT_EQ(result.exitCode, 2) << shown << "\nstderr: " << result.err;
  EXPECT_TRUE(isOneLine(result.err)) << shown << "\nstderr: " << result.err;
  EXPECT_EQ(result.out, "") << shown;
}

TEST(LoadUsageTest, ZeroRateIsAUsageError) {
  expectUsageError({"--scenario", "static", "--rate", "0", "--duration", "1s"});
}

TEST(LoadUsageTest, NegativeRateIsAUsageError) {
  expectUsageError({"--scenario", "static", "--rate", "-5", "--duration", "1s"});
}

TEST(LoadUsageTest, UnreadableDurationIsAUsageError) {
  expectUsageError({"--scenario", "static", "--duration", "nonsense"});
  expectUsageError({"--scenario", "static", "--duration", "10 parsecs"});
  expectUsageError({"--scenario", "static", "--warmup", "soon", "--duration", "1s"});
}

TEST(LoadUsageTest, NegativeTimeoutIsAUsageError) {
  expectUsageError({"--scenario", "static", "--timeout", "-1s", "--duration", "1s"});
}

TEST(LoadUsageTest, UnknownScenarioIsAUsageError) {
  expectUsageError({"--scenario", "stampede", "--duration", "1s"});
}

TEST(LoadUsageTest, BadWeightsAreAUsageError) {
  expectUsageError({"--scenario", "mixed", "--weights", "timeline=abc", "--duration", "1s"});
  expectUsageError({"--scenario", "mixed", "--weights", "dance=5", "--duration", "1s"});
  expectUsageError({"--scenario", "mixed", "--weights", "timeline=0,post=0", "--duration", "1s"});
  expectUsageError({"--scenario", "mixed", "--weights", "timeline", "--duration", "1s"});
}

TEST(LoadUsageTest, MissingScenarioFileIsAUsageError) {
  expectUsageError({"--scenario", "/nonexistent/scenario.toml", "--duration", "1s"});
  expectUsageError({"--scenario", "no-such-scenario.toml", "--duration", "1s"});
}

TEST(LoadUsageTest, BadScenarioFileIsAUsageError) {
  TempFolder folder;
  const auto file = folder / "broken.toml";
  std::ofstream(file) << "scenario = \"static\"\nthis is not toml\n";
  expectUsageError({"--scenario", file.string(), "--duration", "1s"});
}

TEST(LoadUsageTest, ZeroConnectionsIsAUsageError) {
  expectUsageError({"--scenario", "static", "--connections", "0", "--duration", "1s"});
}

TEST(LoadUnreachableTest, NoServerListeningExitsFourWithOneLine) {
  const UnreachableServer nowhere;
  CliRunner cli(nowhere.url());
  const auto result = cli.run(
      {"load", "--scenario", "mixed", "--users", "2", "--connections", "2", "--duration", "1s"});
  EXPECT_EQ(result.exitCode, 4) << result.err;
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
}

// The contract's example of exit 4, "no target reachable", for a scenario without
// accounts too.
TEST(LoadUnreachableTest, NoServerListeningForStaticExitsFour) {
  const UnreachableServer nowhere;
  CliRunner cli(nowhere.url());
  const auto result =
      cli.run({"load", "--scenario", "static", "--connections", "2", "--duration", "1s"});
  EXPECT_EQ(result.exitCode, 4) << result.err << result.out;
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
}

TEST(LoadOutputTest, UnwritableOutputExitsOne) {
  TwitterTestServer server(Backend::Sqlite);
  CliRunner cli(urlOf(server));
  const auto result = cli.run({"load", "--scenario", "static", "--connections", "1", "--requests",
                               "10", "--output", "/nonexistent-folder/out.json"});
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
}

// Request errors are data: the run completes, and the error kind is counted.
TEST(LoadServerErrorsTest, NotFoundIsCountedAsHttp404) {
  TwitterTestServer server(Backend::Sqlite);
  CliRunner cli(urlOf(server));
  TempFolder folder;
  const auto run = runLoad(cli, folder,
                           {"--scenario", "static", "--path", "/files/no-such-file.txt",
                            "--connections", "2", "--requests", "50"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& stats = run.results->operations.at("static");
  EXPECT_EQ(stats.count(), 50u);
  EXPECT_EQ(stats.errorCount(), 50u);
  EXPECT_EQ(stats.errors(), (std::map<std::string, std::uint64_t, std::less<>>{{"http_404", 50}}));
  EXPECT_EQ(run.results->totals().errorCount(), 50u);
  std::uint64_t errorsPerSecond = 0;
  for (const auto& [second, entry] : stats.perSecond())
    errorsPerSecond += entry.errors;
  EXPECT_EQ(errorsPerSecond, 50u);
}

TEST(LoadServerErrorsTest, SummaryListsTheErrorKinds) {
  TwitterTestServer server(Backend::Sqlite);
  CliRunner cli(urlOf(server));
  const auto result = cli.run({"load", "--scenario", "static", "--path", "/files/nope.txt",
                               "--connections", "1", "--requests", "20"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("http_404"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace mt::testing::loadtests
