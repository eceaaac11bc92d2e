// A user who blocked the viewer is invisible to them in every read of tweets.
#include <algorithm>
#include <vector>

#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

// Bob has blocked Alice. Carol, whom Alice follows, retweets and replies to Bob.
class VisibilityStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    alice = newUser("alice");
    bob = newUser("bob");
    carol = newUser("carol");
    follow(alice, carol);
    bobs = post(bob, "#topic hello @alice @carol", {"topic"}, {"alice", "carol"});
    ASSERT_EQ(store().retweet(carol.id, bobs.id, now(), nullptr), Store::TweetActionResult::Done);
    carolsRetweet = store().userTweets(0, carol.id, {}).items.at(0).id;
    carolsReply = post(carol, "#topic reply to bob @alice", {"topic"}, {"alice"}, bobs.id);
    block(bob, alice);
  }

  static bool contains(const Page<Tweet>& page, Id id) {
    auto ids = idsOf(page);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  User alice, bob, carol;
  Tweet bobs, carolsReply;
  Id carolsRetweet = 0;
};

TEST_P(VisibilityStoreTest, TweetsByIdsHidesTheBlockersTweetsAndTheirRetweets) {
  auto forAlice =
      store().tweetsByIds(alice.id, std::vector<Id>{bobs.id, carolsRetweet, carolsReply.id});
  ASSERT_EQ(forAlice.size(), 3u);
  EXPECT_FALSE(forAlice[0]);
  EXPECT_FALSE(forAlice[1]);
  ASSERT_TRUE(forAlice[2]);  // carol's own reply stays visible
  EXPECT_EQ(forAlice[2]->replyToId, bobs.id);
  for (Id viewer : {Id{0}, carol.id, bob.id}) {
    auto found = store().tweetsByIds(viewer, std::vector<Id>{bobs.id, carolsRetweet});
    EXPECT_TRUE(found[0] && found[1]) << viewer;
  }
}

TEST_P(VisibilityStoreTest, EveryListLeavesThemOut) {
  EXPECT_TRUE(store().userTweets(alice.id, bob.id, {}).items.empty());
  EXPECT_FALSE(contains(store().userTweets(alice.id, carol.id, {}), carolsRetweet));
  EXPECT_TRUE(contains(store().userTweets(alice.id, carol.id, {}), carolsReply.id));
  auto timeline = store().timeline(alice.id, {});
  EXPECT_EQ(idsOf(timeline), std::vector<Id>{carolsReply.id});
  auto tagged = store().hashtagTweets(alice.id, "topic", {});
  EXPECT_EQ(idsOf(tagged), std::vector<Id>{carolsReply.id});
  EXPECT_EQ(idsOf(store().mentions(alice.id, alice.id, {})), std::vector<Id>{carolsReply.id});
  EXPECT_TRUE(store().replies(alice.id, bobs.id, {}).items.size() == 1);  // carol's reply
  EXPECT_TRUE(store().ancestors(alice.id, carolsReply.id, 50).empty());

  // Everyone else still sees all of it.
  EXPECT_EQ(store().userTweets(0, bob.id, {}).items.size(), 1u);
  EXPECT_TRUE(contains(store().userTweets(carol.id, carol.id, {}), carolsRetweet));
  EXPECT_EQ(store().hashtagTweets(0, "topic", {}).items.size(), 2u);
  EXPECT_EQ(store().mentions(carol.id, alice.id, {}).items.size(), 2u);
  EXPECT_EQ(idsOf(store().ancestors(carol.id, carolsReply.id, 50)), std::vector<Id>{bobs.id});
  EXPECT_EQ(store().timeline(carol.id, {}).items.size(), 2u);
}

TEST_P(VisibilityStoreTest, TheBlockerIsStillFoundAsAUser) {
  auto found = store().userByUsername("bob");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->tweetCount, 1);
  auto byId = store().usersByIds(std::vector<Id>{bob.id});
  EXPECT_TRUE(byId.at(0));
  EXPECT_TRUE(store().relationships(alice.id, std::vector<Id>{bob.id})[0].blocksViewer);
}

TEST_P(VisibilityStoreTest, UnblockingShowsThemAgain) {
  ASSERT_EQ(store().unblock(bob.id, alice.id), Store::GraphResult::Done);
  EXPECT_TRUE(seen(alice.id, bobs.id));
  EXPECT_TRUE(seen(alice.id, carolsRetweet));
  EXPECT_EQ(store().timeline(alice.id, {}).items.size(), 2u);
  EXPECT_EQ(idsOf(store().ancestors(alice.id, carolsReply.id, 50)), std::vector<Id>{bobs.id});
}

TEST_P(VisibilityStoreTest, TheBlockedViewerSeesTheirOwnTweets) {
  Tweet own = post(alice, "still mine");
  EXPECT_TRUE(seen(alice.id, own.id));
  EXPECT_TRUE(contains(store().timeline(alice.id, {}), own.id));
  // And bob, who blocked her, may read them.
  EXPECT_TRUE(seen(bob.id, own.id));
}

MT_STORE_TEST_SUITE(VisibilityStoreTest);

}  // namespace
}  // namespace mt::db::testing
