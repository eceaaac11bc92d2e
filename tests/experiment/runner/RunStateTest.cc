#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "CleanCommand.h"
#include "RunState.h"
#include "TempFolder.h"

namespace mt::experiment::runner {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

// A pid that was alive a moment ago and is gone now (reaped).
pid_t deadPid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return pid;
}

TEST(RunStateTest, ProcessesAreIdentifiedByPidAndStartTime) {
  const ProcessIdentity self = identify(::getpid());
  EXPECT_GT(self.startTicks, 0u);
  EXPECT_TRUE(isAlive(self));
  ProcessIdentity reused = self;
  ++reused.startTicks;  // the same pid, started at another time: another process
  EXPECT_FALSE(isAlive(reused));
  EXPECT_FALSE(isAlive(identify(deadPid())));
  EXPECT_FALSE(isAlive({}));
}

TEST(RunStateTest, AStateFileLivesWithItsRun) {
  std::filesystem::path path;
  {
    const RunStateFile state({0, 0}, "/tmp/some-run", "loopback");
    path = state.path();
    ASSERT_TRUE(std::filesystem::exists(path));
    bool found = false;
    for (const RecordedRun& run : recordedRuns()) {
      if (run.file != path) continue;
      found = true;
      EXPECT_EQ(run.outDir, "/tmp/some-run");
      EXPECT_TRUE(isAlive(run.runner));
    }
    EXPECT_TRUE(found);
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(RunStateTest, CleanRemovesTheStateOfADeadRunnerOnly) {
  const TempFolder folder("mt-run-state");
  ::setenv("MINITWITTER_EXPERIMENT_STATE_DIR", folder.path().c_str(), 1);
  std::filesystem::create_directories(stateDirectory());
  const std::filesystem::path stale = stateDirectory() / "run-test-stale.json";
  {
    std::ofstream file(stale);
    file << nlohmann::json{{"runner", {{"pid", deadPid()}, {"startTicks", 1}}},
                           {"driverGroup", {{"pid", 0}, {"startTicks", 0}}},
                           {"outDir", "/tmp/killed-run"},
                           {"backend", "loopback"}}
                .dump();
  }
  const RunStateFile live({0, 0}, "/tmp/live-run", "loopback");
  std::vector<std::string> problems;
  const std::vector<std::string> removed = cleanStaleRuns(resolveRunnerPaths({}), problems);
  EXPECT_THAT(problems, ::testing::IsEmpty());
  EXPECT_THAT(removed, Contains(HasSubstr(stale.string())));
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_TRUE(std::filesystem::exists(live.path()));
  ::unsetenv("MINITWITTER_EXPERIMENT_STATE_DIR");
}

}  // namespace
}  // namespace mt::experiment::runner
