#include <gtest/gtest.h>

#include <vector>

#include "Timer.h"

namespace mt::net {
namespace {

TEST(TimerQueueTest, RunsExpiredTimersInDeadlineOrder) {
  TimerQueue timers;
  std::vector<int> fired;
  auto t0 = Clock::now();
  timers.add(t0 + std::chrono::milliseconds(30), [&] { fired.push_back(3); });
  timers.add(t0 + std::chrono::milliseconds(10), [&] { fired.push_back(1); });
  timers.add(t0 + std::chrono::milliseconds(20), [&] { fired.push_back(2); });
  timers.runExpired(t0 + std::chrono::milliseconds(25));
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
  EXPECT_EQ(timers.millisecondsUntilNext(t0 + std::chrono::milliseconds(25)), 5);
  timers.runExpired(t0 + std::chrono::milliseconds(30));
  EXPECT_EQ(fired, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(timers.millisecondsUntilNext(t0), -1);
}

TEST(TimerQueueTest, CancelledTimersNeverRun) {
  TimerQueue timers;
  bool ran = false;
  auto t0 = Clock::now();
  TimerId id = timers.add(t0, [&] { ran = true; });
  timers.cancel(id);
  timers.runExpired(t0 + std::chrono::seconds(1));
  EXPECT_FALSE(ran);
  EXPECT_EQ(timers.size(), 0u);
}

TEST(TimerQueueTest, ATimerMayAddAnother) {
  TimerQueue timers;
  int count = 0;
  auto t0 = Clock::now();
  timers.add(t0, [&] {
    ++count;
    timers.add(t0, [&] { ++count; });
  });
  timers.runExpired(t0);
  EXPECT_EQ(count, 2);
}

}  // namespace
}  // namespace mt::net
