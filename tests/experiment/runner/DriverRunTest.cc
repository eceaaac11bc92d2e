#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "DriverRun.h"
#include "TempFolder.h"

namespace mt::experiment::runner {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Whether `pid` has ended: no such process, or a zombie, within 5 s.
bool goneOrZombie(pid_t pid) {
  for (int i = 0; i < 50; ++i) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text) || text.find(") Z ") != std::string::npos) return true;
    ::usleep(100'000);
  }
  return false;
}

// Stand-ins for the driver: small shell scripts.
class DriverRunTest : public ::testing::Test {
 protected:
  std::vector<std::string> script(const std::string& body) {
    const std::filesystem::path path = folder.path() / "driver.sh";
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return {path.string()};
  }

  DriverResult run(const std::vector<std::string>& argv, DriverLimits limits = {}) {
    DriverCallbacks callbacks;
    callbacks.onLine = [this](const std::string& line) {
      received.push_back(line);
      if (line == "driver: ready" && raiseWhenReady) ::raise(SIGTERM);
    };
    return runDriver(argv, folder.path() / "driver.out.log", limits, signals, callbacks);
  }

  std::string log() const {
    std::ifstream file(folder.path() / "driver.out.log");
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
  }

  TempFolder folder{"mt-driver-run"};
  InterruptSignals signals;
  std::vector<std::string> received;
  bool raiseWhenReady = false;
};

TEST_F(DriverRunTest, LinesAreHandedOverAndLogged) {
  const DriverResult result = run(script("echo 'driver: one'; echo 'driver: two' >&2; exit 0"));
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_THAT(received, ElementsAre("driver: one", "driver: two"));
  EXPECT_EQ(log(), "driver: one\ndriver: two\n");
  EXPECT_FALSE(result.killedAtDeadline);
  EXPECT_EQ(result.interruptedBy, 0);
}

TEST_F(DriverRunTest, TheLastErrorLineIsTheReason) {
  const DriverResult result =
      run(script("echo 'driver: error: first' >&2; echo 'driver: error: the reason' >&2; exit 1"));
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.errorLine, "the reason");
}

TEST_F(DriverRunTest, ADriverPastItsDeadlineIsKilledWithItsGroup) {
  DriverLimits limits;
  limits.deadline = std::chrono::milliseconds(500);
  // A child in the same group that would outlive its parent: it must die too.
  const DriverResult result = run(script("sleep 300 & echo \"driver: child $!\"; wait"), limits);
  EXPECT_TRUE(result.killedAtDeadline);
  EXPECT_EQ(result.exitCode, 128 + SIGKILL);
  ASSERT_EQ(received.size(), 1u);
  const pid_t child = std::stoi(received[0].substr(received[0].rfind(' ') + 1));
  // Killed, the child is gone, or a zombie until its new parent reaps it.
  EXPECT_TRUE(goneOrZombie(child));
}

TEST_F(DriverRunTest, ASignalIsForwardedAndTheTeardownAwaited) {
  raiseWhenReady = true;
  const DriverResult result =
      run(script("trap 'echo \"driver: tearing down\"; sleep 0.2; exit 3' TERM\n"
                 "echo 'driver: ready'\n"
                 "while :; do sleep 0.1; done"));
  EXPECT_EQ(result.interruptedBy, SIGTERM);
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_FALSE(result.killedAfterGrace);
  // The whole group gets the signal: the shell may also report its `sleep` terminated.
  EXPECT_THAT(received, ::testing::Contains("driver: tearing down"));
  EXPECT_EQ(signals.received(), SIGTERM);
}

TEST_F(DriverRunTest, ADriverThatIgnoresTheSignalIsKilledAfterTheGrace) {
  raiseWhenReady = true;
  DriverLimits limits;
  limits.teardownGrace = std::chrono::milliseconds(300);
  const DriverResult result =
      run(script("trap '' TERM\necho 'driver: ready'\nwhile :; do sleep 0.1; done"), limits);
  EXPECT_EQ(result.interruptedBy, SIGTERM);
  EXPECT_TRUE(result.killedAfterGrace);
  EXPECT_EQ(result.exitCode, 128 + SIGKILL);
}

TEST_F(DriverRunTest, AProgramThatCannotStartExits127) {
  const DriverResult result = run({(folder.path() / "no-such-driver").string()});
  EXPECT_EQ(result.exitCode, 127);
}

TEST(DriverCommandTest, NamespaceOrPlainPython) {
  RunnerPaths paths;
  paths.driverDir = "/src/tools/experiment-driver";
  EXPECT_THAT(driverCommand(paths, true, "/r/plan.json"),
              ElementsAre("/src/tools/experiment-driver/run-in-namespace.sh", "/r/plan.json"));
  EXPECT_THAT(driverCommand(paths, false, "/r/plan.json"),
              ElementsAre("/usr/bin/python3", "-B", "/src/tools/experiment-driver/driver.py",
                          "/r/plan.json"));
}

}  // namespace
}  // namespace mt::experiment::runner
