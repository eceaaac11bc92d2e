// `minitwitter-experiment run` end to end, the real binary with the real server, load
// client, PostgreSQL and driver: quickstart shortened to one point (2 servers), one
// repetition, a 1 s warm-up and 2 s of measurement, on loopback and on Mininet, and a
// runner killed with SIGKILL.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "ChildProcess.h"
#include "Prerequisites.h"
#include "RunResults.h"
#include "RunState.h"
#include "TempFolder.h"

namespace mt::experiment::runner {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

const std::string kQuickstart = std::string(MT_SOURCE_DIR) + "/experiments/quickstart.toml";

// One run: quickstart sweeps servers.instances over [1, 2] twice; a single value for the
// swept key replaces its sweep (later --set options may sweep again).
std::vector<std::string> shortQuickstart(const std::filesystem::path& out) {
  return {MINITWITTER_EXPERIMENT_BIN,
          "run",
          kQuickstart,
          "--set",
          "servers.instances=2",
          "--set",
          "repetitions=1",
          "--set",
          "workload.duration=2s",
          "--set",
          "workload.warmup=1s",
          "--out",
          out.string()};
}

std::string readText(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

json readJson(const std::filesystem::path& path) {
  return json::parse(readText(path));
}

// Processes that still use the run's folder (their working folder, an open file, or
// their command line): the servers, clients, PostgreSQL and HAProxy of a run do.
std::vector<std::string> processesUsing(const std::filesystem::path& folder) {
  const std::string needle = folder.string();
  std::vector<std::string> found;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
    const std::string pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (std::stoi(pid) == ::getpid()) continue;
    bool uses = false;
    std::error_code ignored;
    if (std::filesystem::read_symlink(entry.path() / "cwd", ignored).string().starts_with(needle))
      uses = true;
    std::string cmdline = readText(entry.path() / "cmdline");
    if (cmdline.find(needle) != std::string::npos) uses = true;
    for (const auto& fd : std::filesystem::directory_iterator(entry.path() / "fd", ignored)) {
      if (std::filesystem::read_symlink(fd.path(), ignored).string().starts_with(needle))
        uses = true;
    }
    if (uses) {
      std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
      found.push_back(pid + ": " + cmdline);
    }
  }
  return found;
}

std::set<std::string> interfaceNames() {
  std::set<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/sys/class/net", error))
    names.insert(entry.path().filename().string());
  return names;
}

std::set<std::string> bridgeNames() {
  std::set<std::string> names;
  for (const std::string& name : interfaceNames()) {
    std::error_code error;
    if (std::filesystem::exists("/sys/class/net/" + name + "/bridge", error)) names.insert(name);
  }
  return names;
}

// What every finished quickstart run must have: the folder's files, an ok summary row
// per run and point, and every client host with requests and no errors.
void expectAGoodQuickstart(const std::filesystem::path& out) {
  for (const char* file :
       {"config.toml", "expanded.json", "machine.json", "summary.json", "summary.csv"})
    EXPECT_TRUE(std::filesystem::exists(out / file)) << file;
  const std::filesystem::path run = out / "p01" / "r1";
  for (const char* file : {"plan.json", "driver.json", "s1.log", "s2.log", "s1.metrics"})
    EXPECT_TRUE(std::filesystem::exists(run / file)) << file;
  EXPECT_EQ(readText(out / "config.toml"), readText(kQuickstart));
  EXPECT_EQ(readJson(out / "expanded.json")["points"][0]["config"]["workload"]["duration"], "2s");

  const json summary = readJson(out / "summary.json");
  EXPECT_EQ(summary["ok"], true);
  EXPECT_EQ(summary["complete"], true);
  ASSERT_EQ(summary["runs"].size(), 1u);
  ASSERT_EQ(summary["points"].size(), 1u);
  for (const json& row : {summary["runs"][0], summary["points"][0]}) {
    EXPECT_EQ(row["status"], "ok") << row.dump();
    EXPECT_EQ(row["clientHosts"], 4);
    ASSERT_TRUE(row["results"].is_object()) << row.dump();
    EXPECT_GT(row["results"]["requests"].get<long long>(), 0);
    EXPECT_EQ(row["results"]["errors"], 0) << row["results"]["errorsByKind"].dump();
    EXPECT_GT(row["results"]["throughput"].get<double>(), 0);
    EXPECT_GT(row["results"]["latencyMs"]["p50"].get<double>(), 0);
  }
  const std::string csv = readText(out / "summary.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3) << csv;  // header, run, point
  EXPECT_THAT(csv, HasSubstr("\nrun,p01,1,,ok,,"));

  for (const char* client : {"c1.json", "c2.json", "c3.json", "c4.json"}) {
    const load::RunResults results = load::RunResults::fromJsonText(readText(run / client));
    EXPECT_GT(results.totals().count(), 0u) << client;
    EXPECT_EQ(results.totals().errorCount(), 0u) << client;
  }
}

TEST(ExperimentRunTest, QuickstartOnLoopback) {
  const TempFolder folder("mt-experiment-loopback");
  const std::filesystem::path out = folder.path() / "results";
  std::vector<std::string> argv = shortQuickstart(out);
  argv.push_back("--loopback");
  const CommandOutput result = captureCommand(argv, std::chrono::seconds(100));
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("on loopback, results in " + out.string()));
  expectAGoodQuickstart(out);
  EXPECT_EQ(readJson(out / "p01/r1/plan.json")["backend"], "loopback");
  EXPECT_THAT(processesUsing(out), ::testing::IsEmpty());
}

// The CI requirement: a small Mininet experiment (PostgreSQL on its own host,
// 2 servers, 7 Mbit/s client links) runs, reports, and leaves nothing behind.
TEST(ExperimentRunTest, QuickstartOnMininetLeavesNothingBehind) {
  if (::geteuid() != 0) GTEST_SKIP() << "Mininet needs root";
  if (!pythonHasMininet("/usr/bin/python3") || !findProgram("brctl") || !findProgram("ethtool"))
    GTEST_SKIP() << "no Mininet here";
  const TempFolder folder("mt-experiment-mininet");
  const std::filesystem::path out = folder.path() / "results";
  const std::set<std::string> interfacesBefore = interfaceNames();
  const std::set<std::string> bridgesBefore = bridgeNames();

  const CommandOutput result = captureCommand(shortQuickstart(out), std::chrono::seconds(110));
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("on Mininet, results in " + out.string()));
  expectAGoodQuickstart(out);
  const json driver = readJson(out / "p01/r1/driver.json");
  EXPECT_EQ(driver["backend"], "mininet");
  EXPECT_EQ(driver["teardown"]["ok"], true) << driver["teardown"].dump();

  std::vector<std::string> newInterfaces;
  for (const std::string& name : interfaceNames()) {
    if (!interfacesBefore.contains(name)) newInterfaces.push_back(name);
  }
  EXPECT_THAT(newInterfaces, ::testing::IsEmpty());
  EXPECT_EQ(bridgeNames(), bridgesBefore);
  EXPECT_THAT(processesUsing(out), ::testing::IsEmpty());
}

// A runner killed with SIGKILL takes its driver along (parent-death signal; in a
// namespace every host and process with it); `clean` removes the state it left.
TEST(ExperimentRunTest, ASigkilledRunLeavesNothingThatCleanDoesNotRemove) {
  const TempFolder folder("mt-experiment-killed");
  const std::filesystem::path out = folder.path() / "results";
  // A state folder of its own: runs started meanwhile clean the shared one.
  ::setenv("MINITWITTER_EXPERIMENT_STATE_DIR", (folder.path() / "state").c_str(), 1);
  std::vector<std::string> strings = {
      MINITWITTER_EXPERIMENT_BIN, "run",   kQuickstart, "--loopback", "--set",
      "workload.duration=60s",    "--out", out.string()};
  std::vector<char*> argv;
  for (std::string& item : strings)
    argv.push_back(item.data());
  argv.push_back(nullptr);
  const std::string logPath = (folder.path() / "runner.log").string();
  const pid_t runner = ::fork();
  if (runner == 0) {
    const int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(log, STDOUT_FILENO);
    ::dup2(log, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  // Kill it once its clients run.
  const std::filesystem::path driverLog = out / "p01/r1/driver.out.log";
  bool clientsRunning = false;
  for (int i = 0; i < 600 && !clientsRunning; ++i) {
    clientsRunning = readText(driverLog).find("starting 4 client(s)") != std::string::npos;
    if (!clientsRunning) ::usleep(100'000);
  }
  // The scan below sees the run's processes while they run (else its "none left" means nothing).
  const std::vector<std::string> running = processesUsing(out);
  ::kill(runner, SIGKILL);
  int status = 0;
  ::waitpid(runner, &status, 0);
  ASSERT_TRUE(clientsRunning) << readText(logPath);
  EXPECT_THAT(running, ::testing::Not(::testing::IsEmpty()));

  std::vector<std::string> left = processesUsing(out);
  for (int i = 0; i < 100 && !left.empty(); ++i) {
    ::usleep(100'000);
    left = processesUsing(out);
  }
  EXPECT_THAT(left, ::testing::IsEmpty());

  const std::filesystem::path state =
      stateDirectory() / ("run-" + std::to_string(runner) + ".json");
  EXPECT_TRUE(std::filesystem::exists(state)) << "a SIGKILLed runner cannot remove its state";
  const CommandOutput clean =
      captureCommand({MINITWITTER_EXPERIMENT_BIN, "clean"}, std::chrono::seconds(60));
  EXPECT_EQ(clean.exitCode, 0) << clean.output;
  EXPECT_THAT(clean.output, HasSubstr("removed the state file " + state.string()));
  EXPECT_FALSE(std::filesystem::exists(state));
  ::unsetenv("MINITWITTER_EXPERIMENT_STATE_DIR");
}

TEST(ExperimentRunTest, AFailedPointIsRecordedAndTheNextOneRuns) {
  const TempFolder folder("mt-experiment-failing");
  const std::filesystem::path out = folder.path() / "results";
  std::vector<std::string> argv = shortQuickstart(out);
  // A load client that fails at once: every run fails, each with the driver's reason.
  argv.insert(argv.end(),
              {"--loopback", "--client-bin", "/bin/false", "--set", "servers.instances=[1, 2]"});
  const CommandOutput result = captureCommand(argv, std::chrono::seconds(100));
  EXPECT_EQ(result.exitCode, 1) << result.output;
  const json summary = readJson(out / "summary.json");
  EXPECT_EQ(summary["ok"], false);
  EXPECT_EQ(summary["complete"], true);
  ASSERT_EQ(summary["runs"].size(), 2u);
  for (const json& run : summary["runs"]) {
    EXPECT_EQ(run["status"], "failed");
    EXPECT_THAT(run["reason"].get<std::string>(), HasSubstr("c1 exited with 1"));
    EXPECT_TRUE(run["results"].is_null());
  }
  EXPECT_EQ(summary["runs"][1]["assignments"]["servers.instances"], "2");
  EXPECT_TRUE(std::filesystem::exists(out / "p02/r1/driver.json"));
}

TEST(ExperimentRunTest, MissingPrerequisitesStopEverythingBeforeItStarts) {
  const TempFolder folder("mt-experiment-prerequisites");
  const std::filesystem::path out = folder.path() / "results";
  std::vector<std::string> argv = shortQuickstart(out);
  argv.insert(argv.end(), {"--loopback", "--server-bin", "/nonexistent/minitwitter"});
  const CommandOutput result = captureCommand(argv, std::chrono::seconds(30));
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_EQ(result.output,
            "minitwitter-experiment: the server binary is not at /nonexistent/minitwitter (build "
            "it: ninja minitwitter; or set MINITWITTER_BIN)\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace mt::experiment::runner
