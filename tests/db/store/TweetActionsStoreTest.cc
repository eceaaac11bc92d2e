// Likes and retweets.
#include <vector>

#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

using TweetActionsStoreTest = StoreTest;
using ActionResult = Store::TweetActionResult;

TEST_P(TweetActionsStoreTest, LikeAndUnlikeMoveTheCount) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  Tweet tweet = post(alice, "like me");

  Tweet result;
  EXPECT_EQ(store().like(bob.id, tweet.id, now(), &result), ActionResult::Done);
  EXPECT_EQ(result.id, tweet.id);
  EXPECT_EQ(result.likeCount, 1);
  EXPECT_TRUE(result.viewerLiked);
  EXPECT_EQ(store().like(carol.id, tweet.id, now(), nullptr), ActionResult::Done);
  EXPECT_EQ(store().like(bob.id, tweet.id, now(), &result), ActionResult::Unchanged);
  EXPECT_EQ(result.likeCount, 2);
  EXPECT_TRUE(result.viewerLiked);
  EXPECT_FALSE(seen(alice.id, tweet.id)->viewerLiked);
  EXPECT_TRUE(seen(carol.id, tweet.id)->viewerLiked);
  EXPECT_FALSE(seen(0, tweet.id)->viewerLiked);

  EXPECT_EQ(store().unlike(bob.id, tweet.id, &result), ActionResult::Done);
  EXPECT_EQ(result.likeCount, 1);
  EXPECT_FALSE(result.viewerLiked);
  EXPECT_EQ(store().unlike(bob.id, tweet.id, &result), ActionResult::Unchanged);
  EXPECT_EQ(result.likeCount, 1);
  EXPECT_EQ(store().unlike(alice.id, tweet.id, nullptr), ActionResult::Unchanged);
  EXPECT_EQ(seen(0, tweet.id)->likeCount, 1);
}

TEST_P(TweetActionsStoreTest, LikingYourOwnTweetCounts) {
  User alice = newUser("alice");
  Tweet tweet = post(alice, "self-love");
  EXPECT_EQ(store().like(alice.id, tweet.id, now(), nullptr), ActionResult::Done);
  EXPECT_EQ(seen(alice.id, tweet.id)->likeCount, 1);
}

TEST_P(TweetActionsStoreTest, ActionsOnAMissingTweetAreNoSuchTweet) {
  User alice = newUser("alice");
  Tweet tweet = post(alice, "soon gone");
  ASSERT_EQ(store().deleteTweet(alice.id, tweet.id), Store::DeleteResult::Deleted);
  for (Id id : {tweet.id, tweet.id + 100}) {
    Tweet untouched;
    untouched.id = -1;
    EXPECT_EQ(store().like(alice.id, id, now(), &untouched), ActionResult::NoSuchTweet);
    EXPECT_EQ(store().unlike(alice.id, id, &untouched), ActionResult::NoSuchTweet);
    EXPECT_EQ(store().retweet(alice.id, id, now(), &untouched), ActionResult::NoSuchTweet);
    EXPECT_EQ(store().unretweet(alice.id, id, &untouched), ActionResult::NoSuchTweet);
    EXPECT_EQ(untouched.id, -1);
  }
  EXPECT_EQ(reload(alice).tweetCount, 0);
}

TEST_P(TweetActionsStoreTest, ActionsOnABlockersTweetAreNoSuchTweet) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet tweet = post(bob, "not for alice");
  ASSERT_EQ(store().like(alice.id, tweet.id, now(), nullptr), ActionResult::Done);
  block(bob, alice);
  EXPECT_EQ(store().like(alice.id, tweet.id, now(), nullptr), ActionResult::NoSuchTweet);
  EXPECT_EQ(store().unlike(alice.id, tweet.id, nullptr), ActionResult::NoSuchTweet);
  EXPECT_EQ(store().retweet(alice.id, tweet.id, now(), nullptr), ActionResult::NoSuchTweet);
  EXPECT_EQ(store().unretweet(alice.id, tweet.id, nullptr), ActionResult::NoSuchTweet);
  EXPECT_EQ(seen(bob.id, tweet.id)->likeCount, 1);
  EXPECT_EQ(seen(bob.id, tweet.id)->retweetCount, 0);
  // The one who blocked can still act on the blocked user's tweets.
  Tweet alices = post(alice, "alice's");
  EXPECT_EQ(store().like(bob.id, alices.id, now(), nullptr), ActionResult::Done);
}

TEST_P(TweetActionsStoreTest, RetweetCountsOnTheOriginalAndTheRetweeter) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet tweet = post(alice, "worth sharing");

  Tweet result;
  EXPECT_EQ(store().retweet(bob.id, tweet.id, now(), &result), ActionResult::Done);
  EXPECT_EQ(result.id, tweet.id);
  EXPECT_EQ(result.retweetCount, 1);
  EXPECT_TRUE(result.viewerRetweeted);
  EXPECT_FALSE(seen(alice.id, tweet.id)->viewerRetweeted);
  EXPECT_EQ(reload(bob).tweetCount, 1);
  EXPECT_EQ(reload(alice).tweetCount, 1);

  auto bobs = store().userTweets(0, bob.id, {});
  ASSERT_EQ(bobs.items.size(), 1u);
  const Tweet& retweet = bobs.items[0];
  EXPECT_GT(retweet.id, tweet.id);
  EXPECT_EQ(retweet.retweetOfId, tweet.id);
  EXPECT_EQ(retweet.text, "");
  EXPECT_EQ(retweet.authorId, bob.id);
  EXPECT_EQ(retweet.conversationId, retweet.id);
  EXPECT_FALSE(retweet.replyToId);

  EXPECT_EQ(store().retweet(bob.id, tweet.id, now(), &result), ActionResult::Unchanged);
  EXPECT_EQ(result.retweetCount, 1);
  EXPECT_EQ(reload(bob).tweetCount, 1);
  // Retweeting one's own tweet is allowed.
  EXPECT_EQ(store().retweet(alice.id, tweet.id, now(), &result), ActionResult::Done);
  EXPECT_EQ(result.retweetCount, 2);
}

TEST_P(TweetActionsStoreTest, RetweetingARetweetRetweetsTheOriginal) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  Tweet tweet = post(alice, "original");
  ASSERT_EQ(store().retweet(bob.id, tweet.id, now(), nullptr), ActionResult::Done);
  Id bobsRetweet = store().userTweets(0, bob.id, {}).items.at(0).id;

  Tweet result;
  EXPECT_EQ(store().retweet(carol.id, bobsRetweet, now(), &result), ActionResult::Done);
  EXPECT_EQ(result.id, tweet.id);
  EXPECT_EQ(result.retweetCount, 2);
  auto carols = store().userTweets(0, carol.id, {});
  ASSERT_EQ(carols.items.size(), 1u);
  EXPECT_EQ(carols.items[0].retweetOfId, tweet.id);  // never a retweet of a retweet
  EXPECT_EQ(seen(0, bobsRetweet)->retweetCount, 0);
  // Bob retweeting his own retweet is retweeting what he already retweeted.
  EXPECT_EQ(store().retweet(bob.id, bobsRetweet, now(), nullptr), ActionResult::Unchanged);
}

TEST_P(TweetActionsStoreTest, LikingARetweetLikesTheOriginal) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  Tweet tweet = post(alice, "original");
  ASSERT_EQ(store().retweet(bob.id, tweet.id, now(), nullptr), ActionResult::Done);
  Id retweetId = store().userTweets(0, bob.id, {}).items.at(0).id;
  Tweet result;
  EXPECT_EQ(store().like(carol.id, retweetId, now(), &result), ActionResult::Done);
  EXPECT_EQ(result.id, tweet.id);
  EXPECT_EQ(result.likeCount, 1);
  EXPECT_EQ(seen(0, retweetId)->likeCount, 0);
  EXPECT_EQ(store().like(carol.id, tweet.id, now(), nullptr), ActionResult::Unchanged);
  EXPECT_EQ(store().unlike(carol.id, retweetId, &result), ActionResult::Done);
  EXPECT_EQ(result.likeCount, 0);
}

TEST_P(TweetActionsStoreTest, UnretweetWorksFromTheOriginalOrTheRetweet) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet tweet = post(alice, "original");
  ASSERT_EQ(store().retweet(bob.id, tweet.id, now(), nullptr), ActionResult::Done);

  Tweet result;
  EXPECT_EQ(store().unretweet(bob.id, tweet.id, &result), ActionResult::Done);
  EXPECT_EQ(result.id, tweet.id);
  EXPECT_EQ(result.retweetCount, 0);
  EXPECT_FALSE(result.viewerRetweeted);
  EXPECT_EQ(reload(bob).tweetCount, 0);
  EXPECT_TRUE(store().userTweets(0, bob.id, {}).items.empty());
  EXPECT_EQ(store().unretweet(bob.id, tweet.id, &result), ActionResult::Unchanged);

  ASSERT_EQ(store().retweet(bob.id, tweet.id, now(), nullptr), ActionResult::Done);
  Id retweetId = store().userTweets(0, bob.id, {}).items.at(0).id;
  EXPECT_EQ(store().unretweet(bob.id, retweetId, &result), ActionResult::Done);
  EXPECT_EQ(result.id, tweet.id);
  EXPECT_EQ(result.retweetCount, 0);
  EXPECT_FALSE(seen(0, retweetId));
  EXPECT_EQ(reload(bob).tweetCount, 0);
  EXPECT_EQ(reload(alice).tweetCount, 1);
}

MT_STORE_TEST_SUITE(TweetActionsStoreTest);

}  // namespace
}  // namespace mt::db::testing
