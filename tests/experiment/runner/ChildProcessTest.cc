#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <string>

#include "ChildProcess.h"

namespace mt::experiment::runner {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

// 1 MB that is not one repeated byte, so a lost or reordered chunk shows.
std::string megabyte() {
  std::string text;
  text.reserve(1 << 20);
  for (int i = 0; text.size() < (1u << 20); ++i)
    text += std::to_string(i) + '\n';
  text.resize(1 << 20);
  return text;
}

// Whether SIGPIPE is blocked for, or pending on, the calling thread.
bool sigpipeBlockedOrPending() {
  sigset_t mask;
  sigset_t pending;
  ::pthread_sigmask(SIG_SETMASK, nullptr, &mask);
  ::sigpending(&pending);
  return sigismember(&mask, SIGPIPE) == 1 || sigismember(&pending, SIGPIPE) == 1;
}

TEST(ChildProcessTest, MergesStdoutAndStderrAndReportsTheExitCode) {
  const CommandOutput result = captureCommand({"sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(result.output, "out\nerr\n");
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_FALSE(result.timedOut);
}

TEST(ChildProcessTest, WithoutInputStdinIsEmpty) {
  const CommandOutput result = captureCommand({"cat"}, 5s);
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_EQ(result.output, "");
}

TEST(ChildProcessTest, CatEchoesAMegabyteOfInputWhole) {
  const std::string input = megabyte();
  const CommandOutput result = captureCommand({"cat"}, 20s, input);
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_FALSE(result.timedOut);
  EXPECT_EQ(result.output.size(), input.size());
  EXPECT_TRUE(result.output == input);
  EXPECT_FALSE(sigpipeBlockedOrPending());
}

TEST(ChildProcessTest, AChildThatReadsNoInputIsNoErrorAndRaisesNoSigpipe) {
  const std::string input = megabyte();
  const CommandOutput exited = captureCommand({"true"}, 20s, input);
  EXPECT_EQ(exited.exitCode, 0);
  EXPECT_FALSE(exited.timedOut);
  // Closes its stdin first and lives on: our writes surely fail with EPIPE.
  const CommandOutput closed =
      captureCommand({"sh", "-c", "exec <&-; sleep 0.2; echo done"}, 20s, input);
  EXPECT_EQ(closed.exitCode, 0);
  EXPECT_EQ(closed.output, "done\n");
  // Reads a little, answers, and exits in the middle of the input.
  const CommandOutput partial = captureCommand({"head", "-c", "8"}, 20s, input);
  EXPECT_EQ(partial.exitCode, 0);
  EXPECT_EQ(partial.output, input.substr(0, 8));
  // Still alive here; and the thread got its signal mask back with nothing pending.
  EXPECT_FALSE(sigpipeBlockedOrPending());
}

TEST(ChildProcessTest, TheChildDoesNotInheritABlockedSigpipe) {
  // grep itself, not a shell: sh may reset the mask it was given.
  const CommandOutput result =
      captureCommand({"grep", "^SigBlk:", "/proc/self/status"}, 5s, megabyte());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const unsigned long long blocked =
      std::stoull(result.output.substr(result.output.find(':') + 1), nullptr, 16);
  EXPECT_EQ(blocked & (1ull << (SIGPIPE - 1)), 0u) << result.output;
}

TEST(ChildProcessTest, KillsACommandThatOutlivesTheTimeout) {
  const auto start = std::chrono::steady_clock::now();
  const CommandOutput result = captureCommand({"sleep", "5"}, 200ms);
  EXPECT_TRUE(result.timedOut);
  EXPECT_EQ(result.exitCode, 128 + SIGKILL);
  // With input it never reads, the pipe fills up and only the deadline ends the wait.
  const CommandOutput withInput = captureCommand({"sleep", "5"}, 200ms, megabyte());
  EXPECT_TRUE(withInput.timedOut);
  EXPECT_EQ(withInput.exitCode, 128 + SIGKILL);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  EXPECT_FALSE(sigpipeBlockedOrPending());
}

TEST(ChildProcessTest, AMissingProgramCannotBeStarted) {
  EXPECT_EQ(captureCommand({"mt-no-such-program"}).exitCode, -1);
  EXPECT_EQ(captureCommand({"mt-no-such-program"}, 5s, "input").exitCode, -1);
  // A path is run as it is; exec failing is not starting either.
  const CommandOutput missing = captureCommand({"/nonexistent/mt-no-such-program"}, 5s, "input");
  EXPECT_EQ(missing.exitCode, -1);
  EXPECT_EQ(missing.output, "");
  EXPECT_FALSE(missing.timedOut);
  EXPECT_EQ(captureCommand({}).exitCode, -1);
}

TEST(ChildProcessTest, FirstLineTrimsBlanks) {
  EXPECT_EQ(firstLine("  gnuplot 5.4 patchlevel 4 \r\nmore\n"), "gnuplot 5.4 patchlevel 4");
  EXPECT_EQ(firstLine(" \n"), "");
}

}  // namespace
}  // namespace mt::experiment::runner
