// Posting, replies, ancestors and deletion.
#include <vector>

#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

using TweetsStoreTest = StoreTest;
using PostResult = Store::PostResult;
using DeleteResult = Store::DeleteResult;

TEST_P(TweetsStoreTest, PostReturnsTheTweetAsItsAuthorSeesIt) {
  User alice = newUser("alice");
  Tweet tweet = post(alice, "hello world");
  EXPECT_GT(tweet.id, 0);
  EXPECT_EQ(tweet.authorId, alice.id);
  EXPECT_EQ(tweet.author.id, alice.id);
  EXPECT_EQ(tweet.author.username, "alice");
  EXPECT_EQ(tweet.author.tweetCount, 1);
  EXPECT_EQ(tweet.text, "hello world");
  EXPECT_GT(tweet.createdAt, alice.createdAt);
  EXPECT_FALSE(tweet.replyToId);
  EXPECT_FALSE(tweet.retweetOfId);
  EXPECT_EQ(tweet.conversationId, tweet.id);
  EXPECT_EQ(tweet.replyCount, 0);
  EXPECT_EQ(tweet.likeCount, 0);
  EXPECT_EQ(tweet.retweetCount, 0);
  EXPECT_FALSE(tweet.viewerLiked);
  EXPECT_FALSE(tweet.viewerRetweeted);
  EXPECT_EQ(reload(alice).tweetCount, 1);
  Tweet second = post(alice, "again");
  EXPECT_GT(second.id, tweet.id);
  EXPECT_EQ(reload(alice).tweetCount, 2);
}

TEST_P(TweetsStoreTest, PostWithANullResult) {
  User alice = newUser("alice");
  Store::NewTweet tweet{alice.id, "no result wanted", std::nullopt, {"tag"}, {}};
  EXPECT_EQ(store().postTweet(tweet, now(), nullptr), PostResult::Posted);
  EXPECT_EQ(store().hashtagTweets(0, "tag", {}).items.size(), 1u);
}

TEST_P(TweetsStoreTest, HashtagsAndMentionsAreLinkedInOrder) {
  User alice = newUser("alice");
  User bob = newUser("Bob");
  User carol = newUser("carol");
  Tweet tweet = post(alice, "#zeta #alpha hi @carol @BOB @nobody", {"zeta", "alpha"},
                     {"carol", "BOB", "nobody"});
  Tweet other = post(alice, "#alpha only", {"alpha"});
  Tweet plain = post(alice, "nothing");

  auto tags = store().hashtagsOf(std::vector<Id>{plain.id, tweet.id, other.id});
  EXPECT_EQ(tags[tweet.id], (std::vector<std::string>{"zeta", "alpha"}));
  EXPECT_EQ(tags[other.id], (std::vector<std::string>{"alpha"}));
  EXPECT_FALSE(tags.contains(plain.id));

  auto mentioned = store().mentionsOf(std::vector<Id>{tweet.id, plain.id});
  EXPECT_EQ(mentioned[tweet.id], (std::vector<Id>{carol.id, bob.id}));  // @nobody unlinked
  EXPECT_FALSE(mentioned.contains(plain.id));

  EXPECT_EQ(idsOf(store().hashtagTweets(0, "alpha", {})), (std::vector<Id>{other.id, tweet.id}));
  EXPECT_EQ(idsOf(store().hashtagTweets(0, "zeta", {})), (std::vector<Id>{tweet.id}));
  EXPECT_TRUE(store().hashtagTweets(0, "Alpha", {}).items.empty());  // stored lower-case
  EXPECT_EQ(idsOf(store().mentions(bob.id, bob.id, {})), (std::vector<Id>{tweet.id}));
  EXPECT_EQ(idsOf(store().mentions(0, carol.id, {})), (std::vector<Id>{tweet.id}));
  EXPECT_TRUE(store().mentions(alice.id, alice.id, {}).items.empty());
  EXPECT_TRUE(store().hashtagsOf({}).empty());
  EXPECT_TRUE(store().mentionsOf({}).empty());
}

TEST_P(TweetsStoreTest, AMentionOfABlockerIsNotLinked) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  block(carol, alice);
  Tweet tweet = post(alice, "@carol @bob", {}, {"carol", "bob"});
  EXPECT_EQ(store().mentionsOf(std::vector<Id>{tweet.id})[tweet.id], std::vector<Id>{bob.id});
  EXPECT_TRUE(store().mentions(carol.id, carol.id, {}).items.empty());
  // Blocking the other way round does not stop the link: carol may mention alice.
  Tweet back = post(carol, "@alice", {}, {"alice"});
  EXPECT_EQ(store().mentionsOf(std::vector<Id>{back.id})[back.id], std::vector<Id>{alice.id});
}

TEST_P(TweetsStoreTest, RepliesShareTheirRootsConversation) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet root = post(alice, "root");
  Tweet first = reply(bob, root, "first reply");
  Tweet deeper = reply(alice, first, "reply to the reply");
  Tweet second = reply(alice, root, "second reply");
  Tweet otherRoot = post(bob, "another thread");

  EXPECT_EQ(first.replyToId, root.id);
  EXPECT_EQ(first.conversationId, root.id);
  EXPECT_EQ(deeper.replyToId, first.id);
  EXPECT_EQ(deeper.conversationId, root.id);
  EXPECT_EQ(second.conversationId, root.id);
  EXPECT_EQ(otherRoot.conversationId, otherRoot.id);
  EXPECT_EQ(seen(0, root.id)->replyCount, 2);
  EXPECT_EQ(seen(0, first.id)->replyCount, 1);
  EXPECT_EQ(seen(0, deeper.id)->replyCount, 0);
  EXPECT_EQ(idsOf(store().replies(0, root.id, {})), (std::vector<Id>{second.id, first.id}));
  EXPECT_EQ(idsOf(store().replies(0, first.id, {})), (std::vector<Id>{deeper.id}));
  EXPECT_TRUE(store().replies(0, deeper.id, {}).items.empty());
  EXPECT_EQ(reload(alice).tweetCount, 3);
  EXPECT_EQ(reload(bob).tweetCount, 2);
}

TEST_P(TweetsStoreTest, ReplyingToAMissingTweetFails) {
  User alice = newUser("alice");
  Tweet tweet = post(alice, "exists");
  Store::NewTweet orphan{alice.id, "to nowhere", tweet.id + 100, {"tag"}, {"alice"}};
  Tweet untouched;
  untouched.id = -1;
  EXPECT_EQ(store().postTweet(orphan, now(), &untouched), PostResult::ReplyTargetMissing);
  EXPECT_EQ(untouched.id, -1);
  EXPECT_EQ(reload(alice).tweetCount, 1);
  EXPECT_TRUE(store().hashtagTweets(0, "tag", {}).items.empty());
  EXPECT_TRUE(store().mentions(0, alice.id, {}).items.empty());
}

TEST_P(TweetsStoreTest, ReplyingToSomeoneWhoBlockedYouFails) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  Tweet bobs = post(bob, "bob's");
  block(bob, alice);
  Store::NewTweet attempt{alice.id, "hey", bobs.id, {}, {}};
  EXPECT_EQ(store().postTweet(attempt, now(), nullptr), PostResult::ReplyTargetBlocked);
  EXPECT_EQ(seen(bob.id, bobs.id)->replyCount, 0);
  // Nor through a retweet of it, nor to a retweet by someone who blocked you.
  ASSERT_EQ(store().retweet(carol.id, bobs.id, now(), nullptr), Store::TweetActionResult::Done);
  Id carolsRetweet = store().userTweets(0, carol.id, {}).items.at(0).id;
  attempt.replyToId = carolsRetweet;
  EXPECT_EQ(store().postTweet(attempt, now(), nullptr), PostResult::ReplyTargetBlocked);
  Tweet alices = post(alice, "alice's");
  ASSERT_EQ(store().retweet(bob.id, alices.id, now(), nullptr), Store::TweetActionResult::Done);
  attempt.replyToId = store().userTweets(0, bob.id, {}).items.at(0).id;
  EXPECT_EQ(store().postTweet(attempt, now(), nullptr), PostResult::ReplyTargetBlocked);
  // The blocker may still reply to the one they blocked.
  EXPECT_EQ(reply(bob, alices, "still can").replyToId, alices.id);
}

TEST_P(TweetsStoreTest, AReplyToARetweetRepliesToTheOriginal) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet original = post(alice, "original");
  ASSERT_EQ(store().retweet(bob.id, original.id, now(), nullptr), Store::TweetActionResult::Done);
  Id retweetId = store().userTweets(0, bob.id, {}).items.at(0).id;
  Tweet answer = post(alice, "answer", {}, {}, retweetId);
  EXPECT_EQ(answer.replyToId, original.id);
  EXPECT_EQ(answer.conversationId, original.id);
  EXPECT_EQ(seen(0, original.id)->replyCount, 1);
  EXPECT_EQ(seen(0, retweetId)->replyCount, 0);
}

TEST_P(TweetsStoreTest, AncestorsComeRootFirst) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet t1 = post(alice, "1");
  Tweet t2 = reply(bob, t1, "2");
  Tweet t3 = reply(alice, t2, "3");
  Tweet t4 = reply(bob, t3, "4");
  EXPECT_EQ(idsOf(store().ancestors(0, t4.id, 50)), (std::vector<Id>{t1.id, t2.id, t3.id}));
  EXPECT_EQ(idsOf(store().ancestors(alice.id, t4.id, 2)), (std::vector<Id>{t2.id, t3.id}));
  EXPECT_EQ(idsOf(store().ancestors(0, t4.id, 1)), (std::vector<Id>{t3.id}));
  EXPECT_TRUE(store().ancestors(0, t4.id, 0).empty());
  EXPECT_TRUE(store().ancestors(0, t1.id, 50).empty());
  EXPECT_TRUE(store().ancestors(0, t4.id + 100, 50).empty());
  auto chain = store().ancestors(bob.id, t3.id, 50);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].author.username, "alice");
  EXPECT_EQ(chain[1].author.username, "bob");
  EXPECT_EQ(chain[0].replyCount, 1);
}

TEST_P(TweetsStoreTest, AncestorsStopAtADeletedTweet) {
  User alice = newUser("alice");
  Tweet t1 = post(alice, "1");
  Tweet t2 = reply(alice, t1, "2");
  Tweet t3 = reply(alice, t2, "3");
  Tweet t4 = reply(alice, t3, "4");
  ASSERT_EQ(store().deleteTweet(alice.id, t2.id), DeleteResult::Deleted);
  EXPECT_EQ(idsOf(store().ancestors(0, t4.id, 50)), (std::vector<Id>{t3.id}));
  EXPECT_TRUE(store().ancestors(0, t3.id, 50).empty());
}

TEST_P(TweetsStoreTest, AncestorsStopAtAnInvisibleTweet) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  User dave = newUser("dave");
  Tweet t1 = post(alice, "1");
  Tweet t2 = reply(bob, t1, "2");
  Tweet t3 = reply(carol, t2, "3");
  block(bob, dave);
  EXPECT_TRUE(store().ancestors(dave.id, t3.id, 50).empty());
  EXPECT_EQ(idsOf(store().ancestors(carol.id, t3.id, 50)), (std::vector<Id>{t1.id, t2.id}));
}

TEST_P(TweetsStoreTest, DeletingFixesCountsTakesRetweetsAndLeavesReplies) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  User dave = newUser("dave");
  Tweet root = post(alice, "#gone @dave", {"gone"}, {"dave"});
  Tweet answer = reply(bob, root, "a reply");
  ASSERT_EQ(store().retweet(carol.id, root.id, now(), nullptr), Store::TweetActionResult::Done);
  Id retweetId = store().userTweets(0, carol.id, {}).items.at(0).id;
  ASSERT_EQ(store().like(dave.id, root.id, now(), nullptr), Store::TweetActionResult::Done);
  ASSERT_EQ(reload(carol).tweetCount, 1);

  EXPECT_EQ(store().deleteTweet(alice.id, root.id), DeleteResult::Deleted);

  EXPECT_FALSE(seen(alice.id, root.id));
  EXPECT_FALSE(seen(carol.id, retweetId));
  EXPECT_EQ(reload(alice).tweetCount, 0);
  EXPECT_EQ(reload(carol).tweetCount, 0);  // the retweet went with the original
  EXPECT_EQ(reload(bob).tweetCount, 1);
  auto orphan = seen(0, answer.id);
  ASSERT_TRUE(orphan);
  EXPECT_EQ(orphan->replyToId, root.id);
  EXPECT_EQ(orphan->conversationId, root.id);
  EXPECT_TRUE(store().hashtagTweets(0, "gone", {}).items.empty());
  EXPECT_TRUE(store().mentions(0, dave.id, {}).items.empty());
  EXPECT_TRUE(store().hashtagsOf(std::vector<Id>{root.id}).empty());
  EXPECT_TRUE(store().userTweets(0, carol.id, {}).items.empty());
  EXPECT_EQ(store().deleteTweet(alice.id, root.id), DeleteResult::NoSuchTweet);
  // Its replies can still be paged from its id.
  EXPECT_EQ(idsOf(store().replies(0, root.id, {})), std::vector<Id>{answer.id});
}

TEST_P(TweetsStoreTest, DeletingAReplyOrARetweetFixesWhatItCounted) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet root = post(alice, "root");
  Tweet answer = reply(bob, root, "reply");
  ASSERT_EQ(store().retweet(bob.id, root.id, now(), nullptr), Store::TweetActionResult::Done);
  Id retweetId = store().userTweets(0, bob.id, {}).items.at(0).id;
  ASSERT_EQ(reload(bob).tweetCount, 2);

  EXPECT_EQ(store().deleteTweet(bob.id, answer.id), DeleteResult::Deleted);
  EXPECT_EQ(seen(0, root.id)->replyCount, 0);
  EXPECT_EQ(store().deleteTweet(bob.id, retweetId), DeleteResult::Deleted);
  auto after = seen(bob.id, root.id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->retweetCount, 0);
  EXPECT_FALSE(after->viewerRetweeted);
  EXPECT_EQ(reload(bob).tweetCount, 0);
  EXPECT_EQ(reload(alice).tweetCount, 1);
}

TEST_P(TweetsStoreTest, OnlyTheAuthorDeletes) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  Tweet tweet = post(alice, "mine");
  EXPECT_EQ(store().deleteTweet(bob.id, tweet.id), DeleteResult::NotAuthor);
  EXPECT_EQ(store().deleteTweet(alice.id, tweet.id + 100), DeleteResult::NoSuchTweet);
  EXPECT_TRUE(seen(0, tweet.id));
  EXPECT_EQ(reload(alice).tweetCount, 1);
}

TEST_P(TweetsStoreTest, TweetsByIdsKeepsTheCallersOrder) {
  User alice = newUser("alice");
  Tweet a = post(alice, "a");
  Tweet b = post(alice, "b");
  auto found = store().tweetsByIds(alice.id, std::vector<Id>{b.id, b.id + 10, a.id, b.id});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0]->text, "b");
  EXPECT_FALSE(found[1]);
  EXPECT_EQ(found[2]->text, "a");
  EXPECT_EQ(found[3]->text, "b");
  EXPECT_EQ(found[0]->author.username, "alice");
  EXPECT_TRUE(store().tweetsByIds(0, {}).empty());
}

TEST_P(TweetsStoreTest, PostingCostsTheSameWhateverItLinks) {
  User alice = newUser("alice");
  std::vector<std::string> many;
  for (int i = 0; i < 10; ++i)
    many.push_back(newUser("user" + std::to_string(i)).username);
  Tweet root = post(alice, "root");
  auto statementsFor = [&](std::vector<std::string> tags, std::vector<std::string> mentions) {
    std::uint64_t before = database().statementsExecuted();
    post(alice, "text", std::move(tags), std::move(mentions), root.id);
    return database().statementsExecuted() - before;
  };
  std::uint64_t few = statementsFor({"a"}, {many[0]});
  std::uint64_t lots = statementsFor({"a", "b", "c", "d", "e", "f"}, many);
  EXPECT_EQ(few, lots);
}

TEST_P(TweetsStoreTest, BatchReadsAreOneStatementEach) {
  User alice = newUser("alice");
  std::vector<Id> users;
  std::vector<Id> tweets;
  for (int i = 0; i < 8; ++i) {
    User user = newUser("user" + std::to_string(i));
    users.push_back(user.id);
    tweets.push_back(post(user, "t", {"tag"}, {"alice"}).id);
  }
  std::uint64_t before = database().statementsExecuted();
  store().usersByIds(users);
  store().relationships(alice.id, users);
  store().tweetsByIds(alice.id, tweets);
  store().hashtagsOf(tweets);
  store().mentionsOf(tweets);
  EXPECT_EQ(database().statementsExecuted() - before, 5u);
}

MT_STORE_TEST_SUITE(TweetsStoreTest);

}  // namespace
}  // namespace mt::db::testing
