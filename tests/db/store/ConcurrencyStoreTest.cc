// Counters stay exact when many threads change the same rows at once.
#include <atomic>
#include <thread>
#include <vector>

#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

using ConcurrencyStoreTest = StoreTest;

constexpr int kThreads = 8;
constexpr int kUsers = 24;

// Runs `work(thread)` on kThreads threads at once and waits for all of them.
template <class Work>
void onManyThreads(Work work) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads)
        std::this_thread::yield();
      work(t);
    });
  }
  for (std::thread& thread : threads)
    thread.join();
}

TEST_P(ConcurrencyStoreTest, ConcurrentLikesLeaveExactCounts) {
  User author = newUser("author");
  Tweet tweet = post(author, "popular");
  std::vector<User> fans;
  for (int i = 0; i < kUsers; ++i)
    fans.push_back(newUser("fan" + std::to_string(i)));

  // Every thread tries every like: each must succeed exactly once.
  std::atomic<int> done{0};
  std::atomic<int> unchanged{0};
  std::atomic<int> other{0};
  onManyThreads([&](int t) {
    for (int i = 0; i < kUsers; ++i) {
      const User& fan = fans[(i + t * 3) % kUsers];
      switch (store().like(fan.id, tweet.id, 1, nullptr)) {
        case Store::TweetActionResult::Done:
          done++;
          break;
        case Store::TweetActionResult::Unchanged:
          unchanged++;
          break;
        default:
          other++;
      }
    }
  });
  EXPECT_EQ(done.load(), kUsers);
  EXPECT_EQ(unchanged.load(), kUsers * (kThreads - 1));
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(seen(0, tweet.id)->likeCount, kUsers);

  // Half the fans unlike, each from several threads at once.
  done = 0;
  onManyThreads([&](int t) {
    for (int i = 0; i < kUsers / 2; ++i) {
      const User& fan = fans[(i + t) % (kUsers / 2)];
      if (store().unlike(fan.id, tweet.id, nullptr) == Store::TweetActionResult::Done) done++;
    }
  });
  EXPECT_EQ(done.load(), kUsers / 2);
  EXPECT_EQ(seen(0, tweet.id)->likeCount, kUsers / 2);
}

TEST_P(ConcurrencyStoreTest, ConcurrentRetweetsAndFollowsLeaveExactCounts) {
  User star = newUser("star");
  Tweet tweet = post(star, "share me");
  std::vector<User> fans;
  for (int i = 0; i < kUsers; ++i)
    fans.push_back(newUser("fan" + std::to_string(i)));

  std::atomic<int> retweeted{0};
  std::atomic<int> followed{0};
  onManyThreads([&](int t) {
    for (int i = 0; i < kUsers; ++i) {
      const int index = (i * 5 + t) % kUsers;  // 5 and kUsers coprime: every fan, once
      const User& fan = fans[index];
      if (store().retweet(fan.id, tweet.id, 1, nullptr) == Store::TweetActionResult::Done) {
        retweeted++;
      }
      if (store().follow(fan.id, star.id, 1) == Store::GraphResult::Done) followed++;
      // Fans also follow each other, so two rows of users change in each follow.
      const User& next = fans[(index + 1) % kUsers];
      if (store().follow(fan.id, next.id, 1) == Store::GraphResult::Done) followed++;
    }
  });
  EXPECT_EQ(retweeted.load(), kUsers);
  EXPECT_EQ(followed.load(), 2 * kUsers);
  EXPECT_EQ(seen(0, tweet.id)->retweetCount, kUsers);
  User s = reload(star);
  EXPECT_EQ(s.followerCount, kUsers);
  EXPECT_EQ(s.tweetCount, 1);
  for (const User& fan : fans) {
    User f = reload(fan);
    EXPECT_EQ(f.tweetCount, 1) << fan.username;
    EXPECT_EQ(f.followingCount, 2) << fan.username;
    EXPECT_EQ(f.followerCount, 1) << fan.username;
  }
}

MT_STORE_TEST_SUITE(ConcurrencyStoreTest);

}  // namespace
}  // namespace mt::db::testing
