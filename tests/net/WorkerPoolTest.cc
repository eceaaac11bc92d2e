#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "WorkerPool.h"

namespace mt::net {
namespace {

TEST(WorkerPoolTest, RunsEverySubmittedTaskBeforeStopReturns) {
  std::atomic<int> count{0};
  WorkerPool pool(3, 1000);
  for (int i = 0; i < 500; ++i)
    ASSERT_TRUE(pool.trySubmit([&] { ++count; }));
  pool.stop();
  EXPECT_EQ(count.load(), 500);
  EXPECT_FALSE(pool.trySubmit([] {}));
}

TEST(WorkerPoolTest, RefusesWorkWhenTheQueueIsFull) {
  std::mutex mutex;
  std::condition_variable released;
  bool release = false;
  WorkerPool pool(1, 2);
  auto blocker = [&] {
    std::unique_lock lock(mutex);
    released.wait(lock, [&] { return release; });
  };
  ASSERT_TRUE(pool.trySubmit(blocker));
  // Wait until the one worker holds the blocker, so the queue is really empty.
  while (pool.queueDepth() != 0)
    std::this_thread::yield();
  EXPECT_TRUE(pool.trySubmit([] {}));
  EXPECT_TRUE(pool.trySubmit([] {}));
  EXPECT_FALSE(pool.trySubmit([] {}));
  EXPECT_EQ(pool.queueDepth(), 2u);
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  released.notify_all();
  pool.stop();
}

TEST(WorkerPoolTest, ATaskThatThrowsDoesNotKillItsWorker) {
  std::atomic<int> count{0};
  WorkerPool pool(1, 10);
  ASSERT_TRUE(pool.trySubmit([] { throw std::runtime_error("boom"); }));
  ASSERT_TRUE(pool.trySubmit([&] { ++count; }));
  pool.stop();
  EXPECT_EQ(count.load(), 1);
}

}  // namespace
}  // namespace mt::net
