#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "EventLoop.h"

namespace mt::net {
namespace {

TEST(EventLoopTest, RunsTasksQueuedFromOtherThreadsOnItsOwnThread) {
  EventLoop loop;
  std::thread::id loopThread;
  std::atomic<int> ran{0};
  std::thread runner([&] {
    loopThread = std::this_thread::get_id();
    loop.run();
  });
  std::vector<std::thread> producers;
  std::atomic<bool> wrongThread{false};
  for (int p = 0; p < 4; ++p) {
    producers.emplace_back([&] {
      for (int i = 0; i < 250; ++i) {
        loop.queueInLoop([&] {
          if (!loop.isInLoopThread()) wrongThread = true;
          ++ran;
        });
      }
    });
  }
  for (auto& t : producers)
    t.join();
  while (ran.load() < 1000)
    std::this_thread::yield();
  loop.quit();
  runner.join();
  EXPECT_EQ(ran.load(), 1000);
  EXPECT_FALSE(wrongThread.load());
}

TEST(EventLoopTest, TimersFireAfterTheirDelay) {
  EventLoop loop;
  auto start = Clock::now();
  Clock::time_point fired;
  loop.queueInLoop([&] {
    loop.runAfter(std::chrono::milliseconds(50), [&] {
      fired = Clock::now();
      loop.quit();
    });
  });
  loop.run();
  EXPECT_GE(fired - start, std::chrono::milliseconds(50));
}

TEST(EventLoopTest, QueueInLoopFromTheLoopThreadRunsAfterTheCurrentTask) {
  EventLoop loop;
  std::vector<int> order;
  loop.queueInLoop([&] {
    loop.queueInLoop([&] {
      order.push_back(2);
      loop.quit();
    });
    order.push_back(1);
  });
  loop.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace mt::net
