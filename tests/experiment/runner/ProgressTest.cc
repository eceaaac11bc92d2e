#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "Progress.h"

namespace mt::experiment::runner {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<ProgressRun> twoPoints() {
  return {{"p01", "servers.instances=1", 1, 2, 1, 1, 10},
          {"p02", "servers.instances=2", 2, 2, 1, 1, 20}};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream stream(text);
  std::string line;
  while (std::getline(stream, line))
    result.push_back(line);
  return result;
}

TEST(ProgressTest, ClockText) {
  EXPECT_EQ(clockText(0), "0:00");
  EXPECT_EQ(clockText(65.4), "1:05");
  EXPECT_EQ(clockText(3 * 3600 + 61), "3:01:01");
  EXPECT_EQ(clockText(-3), "0:00");
}

TEST(ProgressTest, TheEstimateBeforeAnyRunIsMeasuredPlusTheSetUpGuess) {
  std::ostringstream out;
  const Progress progress(out, false, twoPoints(), 5);
  EXPECT_DOUBLE_EQ(progress.remainingSeconds(), (10 + 5) + (20 + 5));
}

TEST(ProgressTest, OneLinePerStateChangeWhenNotATerminal) {
  std::ostringstream out;
  Progress progress(out, false, twoPoints(), 5);
  progress.runStarted(0);
  progress.driverLine("driver: starting PostgreSQL on db");
  progress.driverLine("driver: starting PostgreSQL on db");   // no change, no line
  progress.driverLine("Traceback (most recent call last):");  // not a state
  progress.tick();                                            // no terminal: nothing
  progress.runFinished("ok", 12);
  const std::vector<std::string> written = lines(out.str());
  ASSERT_EQ(written.size(), 3u) << out.str();
  EXPECT_THAT(written[0], StartsWith("[p01 1/2 r1/1] servers.instances=1: starting · elapsed "));
  EXPECT_THAT(written[1], StartsWith("[p01 1/2 r1/1] servers.instances=1: starting PostgreSQL"));
  EXPECT_THAT(written[2], HasSubstr("ok in 0:12"));
  EXPECT_EQ(out.str().find('\r'), std::string::npos);
  // The measured run's set-up (12 - 10 s) replaces the guess for the rest.
  EXPECT_DOUBLE_EQ(progress.remainingSeconds(), 20 + 2);
}

TEST(ProgressTest, ATerminalGetsOneLineRedrawnInPlace) {
  std::ostringstream out;
  Progress progress(out, true, twoPoints(), 5);
  progress.runStarted(0);
  progress.driverLine("driver: starting 2 server(s)");
  progress.note("a note");
  progress.runFinished("ok", 12);
  progress.finish();
  const std::string text = out.str();
  EXPECT_THAT(text, StartsWith("\r\033[K[p01 1/2 r1/1]"));
  EXPECT_THAT(text, HasSubstr("\r\033[Ka note\n[p01"));
  EXPECT_EQ(lines(text).size(), 2u) << text;  // the note and the finished run
}

}  // namespace
}  // namespace mt::experiment::runner
