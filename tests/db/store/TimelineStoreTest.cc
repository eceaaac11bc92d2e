// The timeline and the rules every newest-first page follows.
#include <limits>
#include <vector>

#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

using TimelineStoreTest = StoreTest;

TEST_P(TimelineStoreTest, HoldsOwnAndFollowedTweetsNewestFirst) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  follow(alice, bob);
  Tweet a1 = post(alice, "a1");
  Tweet b1 = post(bob, "b1");
  post(carol, "c1");
  Tweet b2 = reply(bob, a1, "b2");
  Tweet a2 = post(alice, "a2");
  ASSERT_EQ(store().retweet(bob.id, a1.id, now(), nullptr), Store::TweetActionResult::Done);
  Id bobsRetweet = store().userTweets(0, bob.id, {}).items.at(0).id;

  auto page = store().timeline(alice.id, {});
  EXPECT_EQ(idsOf(page), (std::vector<Id>{bobsRetweet, a2.id, b2.id, b1.id, a1.id}));
  EXPECT_FALSE(page.hasMore);
  // The author and the viewer's flags come with each tweet.
  EXPECT_EQ(page.items[0].author.username, "bob");
  EXPECT_EQ(page.items[4].retweetCount, 1);
  EXPECT_EQ(page.items[4].replyCount, 1);

  EXPECT_EQ(idsOf(store().timeline(carol.id, {})).size(), 1u);
  EXPECT_TRUE(store().timeline(0, {}).items.empty());
}

TEST_P(TimelineStoreTest, UnfollowedAuthorsLeaveIt) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  follow(alice, bob);
  Tweet b1 = post(bob, "b1");
  Tweet a1 = post(alice, "a1");
  EXPECT_EQ(idsOf(store().timeline(alice.id, {})), (std::vector<Id>{a1.id, b1.id}));
  ASSERT_EQ(store().unfollow(alice.id, bob.id), Store::GraphResult::Done);
  EXPECT_EQ(idsOf(store().timeline(alice.id, {})), std::vector<Id>{a1.id});
  // The follower's tweets never were in bob's timeline.
  EXPECT_EQ(idsOf(store().timeline(bob.id, {})), std::vector<Id>{b1.id});
}

TEST_P(TimelineStoreTest, ViewerFlagsAreTheViewers) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  follow(alice, bob);
  Tweet tweet = post(bob, "b1");
  ASSERT_EQ(store().like(alice.id, tweet.id, now(), nullptr), Store::TweetActionResult::Done);
  ASSERT_EQ(store().retweet(alice.id, tweet.id, now(), nullptr), Store::TweetActionResult::Done);
  auto forAlice = store().timeline(alice.id, {});
  ASSERT_EQ(forAlice.items.size(), 2u);  // her retweet, bob's tweet
  EXPECT_EQ(forAlice.items[0].retweetOfId, tweet.id);
  EXPECT_TRUE(forAlice.items[1].viewerLiked);
  EXPECT_TRUE(forAlice.items[1].viewerRetweeted);
  auto forBob = store().timeline(bob.id, {});
  ASSERT_EQ(forBob.items.size(), 1u);
  EXPECT_FALSE(forBob.items[0].viewerLiked);
  EXPECT_FALSE(forBob.items[0].viewerRetweeted);
  EXPECT_EQ(forBob.items[0].likeCount, 1);
}

class PaginationStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    alice = newUser("alice");
    for (int i = 0; i < 6; ++i)
      tweets.push_back(post(alice, "t" + std::to_string(i)));
    newestFirst.assign(tweets.rbegin(), tweets.rend());
  }
  std::vector<Id> newest(std::size_t from, std::size_t count) {
    std::vector<Id> ids;
    for (std::size_t i = from; i < from + count && i < newestFirst.size(); ++i) {
      ids.push_back(newestFirst[i].id);
    }
    return ids;
  }
  User alice;
  std::vector<Tweet> tweets;
  std::vector<Tweet> newestFirst;
};

TEST_P(PaginationStoreTest, LimitZeroReturnsNothingButTellsWhetherThereIsMore) {
  auto page = store().timeline(alice.id, pageOf(0));
  EXPECT_TRUE(page.items.empty());
  EXPECT_TRUE(page.hasMore);
  auto negative = store().timeline(alice.id, pageOf(-5));
  EXPECT_TRUE(negative.items.empty());
  auto beforeAll = store().timeline(alice.id, pageOf(0, tweets.front().id));
  EXPECT_TRUE(beforeAll.items.empty());
  EXPECT_FALSE(beforeAll.hasMore);
}

TEST_P(PaginationStoreTest, AnExactMultipleOfThePageSizeEndsWithoutMore) {
  auto first = store().timeline(alice.id, pageOf(3));
  EXPECT_EQ(idsOf(first), newest(0, 3));
  EXPECT_TRUE(first.hasMore);
  auto second = store().timeline(alice.id, pageOf(3, first.items.back().id));
  EXPECT_EQ(idsOf(second), newest(3, 3));
  EXPECT_FALSE(second.hasMore);
  auto whole = store().timeline(alice.id, pageOf(6));
  EXPECT_EQ(idsOf(whole), newest(0, 6));
  EXPECT_FALSE(whole.hasMore);
}

TEST_P(PaginationStoreTest, BeforeTheOldestIsEmpty) {
  auto page = store().timeline(alice.id, pageOf(10, tweets.front().id));
  EXPECT_TRUE(page.items.empty());
  EXPECT_FALSE(page.hasMore);
  auto oneLeft = store().timeline(alice.id, pageOf(10, tweets[1].id));
  EXPECT_EQ(idsOf(oneLeft), std::vector<Id>{tweets.front().id});
}

TEST_P(PaginationStoreTest, BeforeBeyondTheNewestStartsAtTheNewest) {
  Id beyond = tweets.back().id + 1000;
  EXPECT_EQ(idsOf(store().timeline(alice.id, pageOf(2, beyond))), newest(0, 2));
  EXPECT_EQ(idsOf(store().timeline(alice.id, pageOf(2, std::numeric_limits<Id>::max()))),
            newest(0, 2));
}

TEST_P(PaginationStoreTest, ACursorSurvivesTheDeletionOfItsTweet) {
  auto first = store().timeline(alice.id, pageOf(2));
  ASSERT_EQ(store().deleteTweet(alice.id, first.items.back().id), Store::DeleteResult::Deleted);
  auto second = store().timeline(alice.id, pageOf(2, first.items.back().id));
  EXPECT_EQ(idsOf(second), newest(2, 2));
}

TEST_P(PaginationStoreTest, EveryTweetListPagesTheSameWay) {
  // Rebuild the same six tweets as replies, tagged and mentioning, in every list.
  User bob = newUser("bob");
  Tweet root = post(bob, "root");
  std::vector<Id> expected;
  for (int i = 0; i < 5; ++i) {
    expected.insert(expected.begin(), post(alice, "r", {"x"}, {"bob"}, root.id).id);
  }
  auto walk = [&](auto read) {
    std::vector<Id> ids;
    PageRequest request = pageOf(2);
    for (int pages = 0; pages < 10; ++pages) {
      Page<Tweet> page = read(request);
      for (const Tweet& tweet : page.items)
        ids.push_back(tweet.id);
      if (!page.hasMore) break;
      request.before = page.items.back().id;
    }
    return ids;
  };
  EXPECT_EQ(walk([&](const PageRequest& r) { return store().replies(bob.id, root.id, r); }),
            expected);
  EXPECT_EQ(walk([&](const PageRequest& r) { return store().hashtagTweets(bob.id, "x", r); }),
            expected);
  EXPECT_EQ(walk([&](const PageRequest& r) { return store().mentions(bob.id, bob.id, r); }),
            expected);
  std::vector<Id> all = expected;
  for (const Tweet& tweet : newestFirst)
    all.push_back(tweet.id);
  EXPECT_EQ(walk([&](const PageRequest& r) { return store().userTweets(0, alice.id, r); }), all);
  EXPECT_EQ(walk([&](const PageRequest& r) { return store().timeline(alice.id, r); }), all);
}

TEST_P(TimelineStoreTest, IsOneStatementWhateverThePageSizeOrFollowCount) {
  User reader = newUser("reader");
  for (int i = 0; i < 12; ++i) {
    User author = newUser("author" + std::to_string(i));
    follow(reader, author);
    for (int j = 0; j < 5; ++j)
      post(author, "tweet " + std::to_string(j));
  }
  auto statementsFor = [&](int limit) {
    std::uint64_t before = database().statementsExecuted();
    auto page = store().timeline(reader.id, pageOf(limit));
    std::uint64_t cost = database().statementsExecuted() - before;
    EXPECT_EQ(page.items.size(), static_cast<std::size_t>(limit));
    return cost;
  };
  std::uint64_t one = statementsFor(1);
  std::uint64_t fifty = statementsFor(50);
  EXPECT_EQ(one, fifty);
  EXPECT_EQ(one, 1u);
  // The other tweet lists, too.
  std::uint64_t before = database().statementsExecuted();
  store().userTweets(reader.id, reader.id + 1, pageOf(50));
  store().hashtagTweets(reader.id, "none", pageOf(50));
  store().mentions(reader.id, reader.id, pageOf(50));
  store().replies(reader.id, 1, pageOf(50));
  store().ancestors(reader.id, 1, 50);
  store().tweetsByIds(reader.id, std::vector<Id>{1, 2, 3, 4, 5, 6, 7, 8});
  EXPECT_EQ(database().statementsExecuted() - before, 6u);
}

MT_STORE_TEST_SUITE(TimelineStoreTest);
MT_STORE_TEST_SUITE(PaginationStoreTest);

}  // namespace
}  // namespace mt::db::testing
