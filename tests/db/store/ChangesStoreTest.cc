// The store's change notifications: one per change made, delivered after the commit.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

// Collects what the feed delivers. For a TweetPosted it also reads the tweet back
// through the store (another connection) at delivery: it is there only if the change
// was delivered after its transaction committed (or gone, if a later transaction
// deleted it before a late delivery: tests that check this delete nothing).
class ChangesStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    subscription_ = database().changes().subscribe([this](const Change& change) {
      bool visible = true;
      if (change.kind == Change::Kind::TweetPosted) {
        visible = store().tweetsByIds(0, std::vector<Id>{change.tweetId}).at(0).has_value();
      }
      std::lock_guard lock(mutex_);
      received_.push_back(change);
      if (!visible) invisibleAtDelivery_.push_back(change.tweetId);
      arrived_.notify_all();
    });
  }
  void TearDown() override {
    if (subscription_) database().changes().unsubscribe(*subscription_);
    StoreTest::TearDown();
  }

  // Waits until `count` changes have arrived (the PostgreSQL feed delivers on its own
  // thread); the bound only limits how long a failing test hangs.
  std::vector<Change> waitFor(std::size_t count) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, std::chrono::seconds(30), [&] { return received_.size() >= count; });
    return received_;
  }

  std::vector<Id> invisibleAtDelivery() {
    std::lock_guard lock(mutex_);
    return invisibleAtDelivery_;
  }

 private:
  std::optional<ChangeFeed::SubscriptionId> subscription_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<Change> received_;
  std::vector<Id> invisibleAtDelivery_;
};

using Kind = Change::Kind;

TEST_P(ChangesStoreTest, EachChangeIsPublishedOnceAfterItsCommit) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  block(carol, alice);
  Tweet tweet = post(alice, "hi @bob @carol", {}, {"bob", "carol"});
  follow(bob, alice);
  ASSERT_EQ(store().follow(bob.id, alice.id, now()), Store::GraphResult::Unchanged);
  ASSERT_EQ(store().follow(carol.id, alice.id, now()), Store::GraphResult::Blocked);
  ASSERT_EQ(store().like(bob.id, tweet.id, now(), nullptr), Store::TweetActionResult::Done);
  ASSERT_EQ(store().like(bob.id, tweet.id, now(), nullptr), Store::TweetActionResult::Unchanged);
  ASSERT_EQ(store().unlike(bob.id, tweet.id, nullptr), Store::TweetActionResult::Done);
  ASSERT_EQ(store().retweet(bob.id, tweet.id, now(), nullptr), Store::TweetActionResult::Done);
  Id retweetId = store().userTweets(0, bob.id, {}).items.at(0).id;
  Tweet answer = reply(bob, tweet, "reply");
  Store::NewTweet orphan{bob.id, "to nowhere", answer.id + 100, {}, {"alice"}};
  ASSERT_EQ(store().postTweet(orphan, now(), nullptr), Store::PostResult::ReplyTargetMissing);
  ASSERT_EQ(store().unretweet(bob.id, tweet.id, nullptr), Store::TweetActionResult::Done);
  ASSERT_EQ(store().deleteTweet(alice.id, tweet.id), Store::DeleteResult::Deleted);
  Tweet last = post(bob, "the end");

  const std::vector<Change> expected = {
      {Kind::TweetPosted, alice.id, 0, tweet.id},
      {Kind::Mentioned, alice.id, bob.id, tweet.id},  // not carol: she blocked alice
      {Kind::Followed, bob.id, alice.id, 0},
      {Kind::Liked, bob.id, alice.id, tweet.id},
      {Kind::TweetPosted, bob.id, 0, retweetId},
      {Kind::Retweeted, bob.id, alice.id, tweet.id},
      {Kind::TweetPosted, bob.id, 0, answer.id},
      {Kind::TweetDeleted, bob.id, 0, retweetId},
      {Kind::TweetDeleted, alice.id, 0, tweet.id},
      {Kind::TweetPosted, bob.id, 0, last.id},
  };
  EXPECT_EQ(waitFor(expected.size()), expected);
}

TEST_P(ChangesStoreTest, ATweetCanBeReadWhenItsChangeArrives) {
  // Tweets that stay: the feed may deliver late (PostgreSQL's is asynchronous), but
  // never before the commit.
  User alice = newUser("alice");
  User bob = newUser("bob");
  std::vector<Id> posted;
  for (int i = 0; i < 5; ++i)
    posted.push_back(post(i % 2 ? alice : bob, "tweet").id);
  posted.push_back(reply(alice, *seen(0, posted[0]), "reply").id);
  auto changes = waitFor(posted.size());
  ASSERT_EQ(changes.size(), posted.size());
  for (std::size_t i = 0; i < posted.size(); ++i)
    EXPECT_EQ(changes[i].tweetId, posted[i]);
  EXPECT_TRUE(invisibleAtDelivery().empty());
}

MT_STORE_TEST_SUITE(ChangesStoreTest);

}  // namespace
}  // namespace mt::db::testing
