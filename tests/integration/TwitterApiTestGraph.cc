// The social graph through the real server: follow, unfollow, block, unblock, the
// follower lists and the relationship flags, and what a block hides.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

class TwitterGraphTest : public TwitterApiFixture {
 protected:
  // `user(username:)` with kUserFields, as `viewer` sees it.
  json user(const std::string& username, const TwitterAccount* viewer = nullptr) {
    std::string query =
        "query($u: String!) { user(username: $u) { " + std::string(kUserFields) + " } }";
    return mustRun(query, {{"u", username}}, viewer ? viewer->token : "")["user"];
  }
  GraphQLResponse userMutation(const char* field, const TwitterAccount& as,
                               const std::string& username) {
    return run(std::string("mutation($u: String!) { ") + field + "(username: $u) { " + kUserFields +
                   " } }",
               {{"u", username}}, as.token);
  }
  // The usernames of a UserConnection walked to its end, `pageSize` at a time.
  std::vector<std::string> walkUsers(const std::string& username, const char* list, int pageSize) {
    std::vector<std::string> names;
    json after = nullptr;
    for (int page = 0; page < 100; ++page) {
      json data = mustRun(std::string("query($u: String!, $n: Int, $a: String) { user(username: "
                                      "$u) { ") +
                              list +
                              "(first: $n, after: $a) { nodes { username } pageInfo { "
                              "endCursor hasNextPage } } } }",
                          {{"u", username}, {"n", pageSize}, {"a", after}});
      const json& connection = data["user"][list];
      EXPECT_LE(connection["nodes"].size(), static_cast<std::size_t>(pageSize));
      for (const json& node : connection["nodes"])
        names.push_back(node["username"]);
      if (!connection["pageInfo"]["hasNextPage"].get<bool>()) return names;
      EXPECT_EQ(connection["nodes"].size(), static_cast<std::size_t>(pageSize))
          << "only the last page may be short";
      after = connection["pageInfo"]["endCursor"];
      EXPECT_TRUE(after.is_string());
    }
    ADD_FAILURE() << "the pages never ended";
    return names;
  }
};

TEST_P(TwitterGraphTest, FollowAndUnfollowUpdateCountsAndFlags) {
  TwitterAccount alice = api().newAccount("follower");
  TwitterAccount bob = api().newAccount("followee");

  GraphQLResponse followed = userMutation("follow", alice, bob.username);
  ASSERT_FALSE(followed.hasErrors()) << followed.describe();
  json target = followed.data()["follow"];
  EXPECT_EQ(target["id"], bob.id);
  EXPECT_EQ(target["viewerFollows"], true);
  EXPECT_EQ(target["followsViewer"], false);
  EXPECT_EQ(target["followerCount"], 1);
  EXPECT_EQ(target["isViewer"], false);

  EXPECT_EQ(user(alice.username)["followingCount"], 1);
  EXPECT_EQ(user(alice.username, &bob)["followsViewer"], true);
  EXPECT_EQ(user(alice.username, &bob)["viewerFollows"], false);
  EXPECT_EQ(user(bob.username)["viewerFollows"], false) << "anonymous readers follow no one";

  // Following again changes nothing and is no error.
  GraphQLResponse again = userMutation("follow", alice, bob.username);
  ASSERT_FALSE(again.hasErrors()) << again.describe();
  EXPECT_EQ(again.data()["follow"]["followerCount"], 1);

  GraphQLResponse unfollowed = userMutation("unfollow", alice, bob.username);
  ASSERT_FALSE(unfollowed.hasErrors()) << unfollowed.describe();
  EXPECT_EQ(unfollowed.data()["unfollow"]["viewerFollows"], false);
  EXPECT_EQ(unfollowed.data()["unfollow"]["followerCount"], 0);
  EXPECT_EQ(user(alice.username)["followingCount"], 0);
  GraphQLResponse unfollowedAgain = userMutation("unfollow", alice, bob.username);
  ASSERT_FALSE(unfollowedAgain.hasErrors()) << unfollowedAgain.describe();
  EXPECT_EQ(unfollowedAgain.data()["unfollow"]["followerCount"], 0);
}

TEST_P(TwitterGraphTest, FollowingIsCaseInsensitive) {
  TwitterAccount alice = api().newAccount("ci_a");
  TwitterAccount bob = api().newAccount("CI_Bob");
  std::string upper = bob.username;
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  GraphQLResponse response = userMutation("follow", alice, upper);
  ASSERT_FALSE(response.hasErrors()) << response.describe();
  EXPECT_EQ(response.data()["follow"]["username"], bob.username);
}

TEST_P(TwitterGraphTest, GraphMutationsOnUnknownUsersAreNotFound) {
  TwitterAccount alice = api().newAccount("lonely");
  std::string ghost = uniqueUsername("ghost");
  for (const char* field : {"follow", "unfollow", "block", "unblock"}) {
    SCOPED_TRACE(field);
    EXPECT_TRUE(isGraphQLError(userMutation(field, alice, ghost), "NOT_FOUND"));
  }
}

TEST_P(TwitterGraphTest, NoOneFollowsOrBlocksThemselves) {
  TwitterAccount alice = api().newAccount("narcissus");
  for (const char* field : {"follow", "block"}) {
    SCOPED_TRACE(field);
    EXPECT_TRUE(
        isGraphQLError(userMutation(field, alice, alice.username), "BAD_USER_INPUT", "username"));
  }
  json me = user(alice.username);
  EXPECT_EQ(me["followerCount"], 0);
  EXPECT_EQ(me["followingCount"], 0);
}

TEST_P(TwitterGraphTest, GraphMutationsNeedALogin) {
  TwitterAccount bob = api().newAccount("target");
  for (const char* field : {"follow", "unfollow", "block", "unblock"}) {
    SCOPED_TRACE(field);
    EXPECT_TRUE(
        isGraphQLError(userMutation(field, TwitterAccount{}, bob.username), "UNAUTHENTICATED"));
  }
}

TEST_P(TwitterGraphTest, FollowerListsAreNewestFirstAndPaginate) {
  TwitterAccount star = api().newAccount("star");
  std::vector<std::string> fans;
  for (int i = 0; i < 5; ++i) {
    TwitterAccount fan = api().newAccount("fan");
    api().follow(fan, star.username);
    api().follow(star, fan.username);
    fans.push_back(fan.username);
  }
  std::vector<std::string> newestFirst(fans.rbegin(), fans.rend());
  for (int pageSize : {1, 2, 5, 20}) {
    SCOPED_TRACE(pageSize);
    EXPECT_EQ(walkUsers(star.username, "followers", pageSize), newestFirst);
    EXPECT_EQ(walkUsers(star.username, "following", pageSize), newestFirst);
  }
  json counts = user(star.username);
  EXPECT_EQ(counts["followerCount"], 5);
  EXPECT_EQ(counts["followingCount"], 5);
  EXPECT_EQ(walkUsers(fans[0], "following", 10), std::vector<std::string>{star.username});
}

TEST_P(TwitterGraphTest, BlockingRemovesFollowsBothWaysAndForbidsNewOnes) {
  TwitterAccount blocker = api().newAccount("blocker");
  TwitterAccount blocked = api().newAccount("blocked");
  api().follow(blocker, blocked.username);
  api().follow(blocked, blocker.username);

  GraphQLResponse response = userMutation("block", blocker, blocked.username);
  ASSERT_FALSE(response.hasErrors()) << response.describe();
  json target = response.data()["block"];
  EXPECT_EQ(target["viewerBlocks"], true);
  EXPECT_EQ(target["viewerFollows"], false);
  EXPECT_EQ(target["followsViewer"], false);
  EXPECT_EQ(target["followerCount"], 0);
  EXPECT_EQ(target["followingCount"], 0);

  json blockerSeen = user(blocker.username, &blocked);
  EXPECT_EQ(blockerSeen["blocksViewer"], true);
  EXPECT_EQ(blockerSeen["viewerBlocks"], false);
  EXPECT_EQ(blockerSeen["followerCount"], 0);
  EXPECT_EQ(blockerSeen["followingCount"], 0);
  EXPECT_EQ(user(blocker.username)["blocksViewer"], false) << "anonymous";

  EXPECT_TRUE(isGraphQLError(userMutation("follow", blocked, blocker.username), "FORBIDDEN"));
  EXPECT_TRUE(isGraphQLError(userMutation("follow", blocker, blocked.username), "FORBIDDEN"))
      << "either direction of a block forbids following";
  EXPECT_EQ(user(blocker.username)["followerCount"], 0);

  // Blocking again is no error.
  GraphQLResponse again = userMutation("block", blocker, blocked.username);
  ASSERT_FALSE(again.hasErrors()) << again.describe();

  // Unblocking allows following again, and restores no old follow.
  GraphQLResponse unblocked = userMutation("unblock", blocker, blocked.username);
  ASSERT_FALSE(unblocked.hasErrors()) << unblocked.describe();
  EXPECT_EQ(unblocked.data()["unblock"]["viewerBlocks"], false);
  EXPECT_EQ(unblocked.data()["unblock"]["viewerFollows"], false);
  GraphQLResponse refollow = userMutation("follow", blocked, blocker.username);
  ASSERT_FALSE(refollow.hasErrors()) << refollow.describe();
  EXPECT_EQ(refollow.data()["follow"]["followerCount"], 1);
}

TEST_P(TwitterGraphTest, TheBlockedSeeNoneOfTheBlockersTweets) {
  TwitterAccount blocker = api().newAccount("hider");
  TwitterAccount blocked = api().newAccount("seeker");
  TwitterAccount friendOfBoth = api().newAccount("friend");
  std::string tag = uniqueTag("blk");
  std::string tweet = api().postTweet(blocker, "secret #" + tag);
  api().follow(blocked, friendOfBoth.username);
  api().retweet(friendOfBoth, tweet);  // a path to the tweet through someone else
  std::string visibleTweet = api().postTweet(friendOfBoth, "public #" + tag);
  api().block(blocker, blocked.username);

  std::string t = blocked.token;
  json byId = mustRun("query($id: ID!) { tweet(id: $id) { id } }", {{"id", tweet}}, t);
  EXPECT_TRUE(byId["tweet"].is_null()) << byId;

  json tweets = mustRun(
      "query($u: String!) { user(username: $u) { tweets { nodes { id } "
      "pageInfo { endCursor hasNextPage } } } }",
      {{"u", blocker.username}}, t);
  EXPECT_TRUE(tweets["user"]["tweets"]["nodes"].empty()) << tweets;
  EXPECT_TRUE(tweets["user"]["tweets"]["pageInfo"]["endCursor"].is_null());

  json tagged =
      mustRun("query($tag: String!) { hashtag(tag: $tag) { nodes { id } } }", {{"tag", tag}}, t);
  ASSERT_EQ(tagged["hashtag"]["nodes"].size(), 1u) << tagged;
  EXPECT_EQ(tagged["hashtag"]["nodes"][0]["id"], visibleTweet);

  json timeline = mustRun("{ timeline { nodes { id retweetOf { id } } } }", {}, t);
  for (const json& node : timeline["timeline"]["nodes"]) {
    EXPECT_NE(node["id"], tweet);
    EXPECT_TRUE(node["retweetOf"].is_null() || node["retweetOf"]["id"] != tweet)
        << "a retweet of the blocker's tweet: " << timeline;
  }
  json friendTweets = mustRun(
      "query($u: String!) { user(username: $u) { tweets { nodes { id retweetOf { id } } } } }",
      {{"u", friendOfBoth.username}}, t);
  ASSERT_EQ(friendTweets["user"]["tweets"]["nodes"].size(), 1u)
      << "the friend's retweet of the blocker is hidden: " << friendTweets;
  EXPECT_EQ(friendTweets["user"]["tweets"]["nodes"][0]["id"], visibleTweet);

  // Nor in a thread: the blocker's reply to someone else is left out of the replies,
  // and a reply to the blocker's tweet shows no parent.
  std::string thirdParty = api().postTweet(friendOfBoth, "a thread");
  std::string blockerReply = api().postTweet(blocker, "my answer", thirdParty);
  std::string friendReply = api().postTweet(friendOfBoth, "answering the hider", tweet);
  json thread = mustRun("query($id: ID!) { tweet(id: $id) { replies { nodes { id } } } }",
                        {{"id", thirdParty}}, t);
  EXPECT_TRUE(thread["tweet"]["replies"]["nodes"].empty()) << thread;
  json reply =
      mustRun("query($id: ID!) { tweet(id: $id) { isReply replyTo { id } ancestors { id } } }",
              {{"id", friendReply}}, t);
  EXPECT_EQ(reply["tweet"]["isReply"], true);
  EXPECT_TRUE(reply["tweet"]["replyTo"].is_null()) << reply;
  EXPECT_TRUE(reply["tweet"]["ancestors"].empty()) << reply;
  EXPECT_EQ(mustRun("query($id: ID!) { tweet(id: $id) { replies { nodes { id } } } }",
                    {{"id", thirdParty}})["tweet"]["replies"]["nodes"][0]["id"],
            blockerReply)
      << "others see the reply";

  // Unblocking shows it all again.
  api().unblock(blocker, blocked.username);
  EXPECT_EQ(mustRun("query($id: ID!) { tweet(id: $id) { id } }", {{"id", tweet}}, t)["tweet"]["id"],
            tweet);
  api().block(blocker, blocked.username);

  // Others still see it all.
  EXPECT_EQ(mustRun("query($id: ID!) { tweet(id: $id) { id } }", {{"id", tweet}})["tweet"]["id"],
            tweet);
  json taggedAnonymous =
      mustRun("query($tag: String!) { hashtag(tag: $tag) { nodes { id } } }", {{"tag", tag}});
  EXPECT_EQ(taggedAnonymous["hashtag"]["nodes"].size(), 2u);
}

TEST_P(TwitterGraphTest, TheBlockedCannotActOnTheBlockersTweets) {
  TwitterAccount blocker = api().newAccount("guard");
  TwitterAccount blocked = api().newAccount("intruder");
  std::string tweet = api().postTweet(blocker, "not for you");
  api().block(blocker, blocked.username);
  for (const char* field : {"like", "retweet"}) {
    SCOPED_TRACE(field);
    EXPECT_TRUE(
        isGraphQLError(run(std::string("mutation($id: ID!) { ") + field + "(id: $id) { id } }",
                           {{"id", tweet}}, blocked.token),
                       "NOT_FOUND"));
  }
  // A reply is refused too (the Store tells this case apart: ReplyTargetBlocked).
  EXPECT_TRUE(isGraphQLError(
      run("mutation($id: ID!) { postTweet(text: \"sneaky reply\", replyTo: $id) { id } }",
          {{"id", tweet}}, blocked.token),
      "FORBIDDEN"));
  json counts = mustRun("query($id: ID!) { tweet(id: $id) { likeCount retweetCount replyCount } }",
                        {{"id", tweet}}, blocker.token);
  EXPECT_EQ(counts["tweet"]["likeCount"], 0);
  EXPECT_EQ(counts["tweet"]["retweetCount"], 0);
  EXPECT_EQ(counts["tweet"]["replyCount"], 0);
}

TEST_P(TwitterGraphTest, AMentionOfTheBlockerIsNotLinked) {
  TwitterAccount blocker = api().newAccount("quiet");
  TwitterAccount blocked = api().newAccount("loud");
  TwitterAccount bystander = api().newAccount("bystander");
  api().block(blocker, blocked.username);
  GraphQLResponse posted =
      run("mutation($t: String!) { postTweet(text: $t) { id text mentions { username } } }",
          {{"t", "hey @" + blocker.username + " and @" + bystander.username}}, blocked.token);
  ASSERT_FALSE(posted.hasErrors()) << posted.describe();
  const json& tweet = posted.data()["postTweet"];
  EXPECT_EQ(tweet["text"], "hey @" + blocker.username + " and @" + bystander.username)
      << "the text stays as written";
  ASSERT_EQ(tweet["mentions"].size(), 1u) << tweet;
  EXPECT_EQ(tweet["mentions"][0]["username"], bystander.username);

  json mentions = mustRun("{ mentions { nodes { id } } }", {}, blocker.token);
  EXPECT_TRUE(mentions["mentions"]["nodes"].empty()) << mentions;
  json bystanderMentions = mustRun("{ mentions { nodes { id } } }", {}, bystander.token);
  ASSERT_EQ(bystanderMentions["mentions"]["nodes"].size(), 1u);
  EXPECT_EQ(bystanderMentions["mentions"]["nodes"][0]["id"], tweet["id"]);
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterGraphTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
