// Tweets through the real server: posting (text rules, hashtags, mentions), replies and
// threads, retweets, likes and deletion.
#include <gtest/gtest.h>

#include <ctime>
#include <string>
#include <vector>

#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

constexpr const char* kPost =
    "mutation($t: String!, $r: ID) { postTweet(text: $t, replyTo: $r) { %FIELDS% } }";

std::string withTweetFields(std::string query) {
  query.replace(query.find("%FIELDS%"), 8, kTweetFields);
  return query;
}

class TwitterTweetsTest : public TwitterApiFixture {
 protected:
  GraphQLResponse post(const TwitterAccount& as, const std::string& text,
                       const json& replyTo = nullptr) {
    return run(withTweetFields(kPost), {{"t", text}, {"r", replyTo}}, as.token);
  }
  // tweet(id:) with kTweetFields as `viewer` sees it; null when invisible or missing.
  json tweet(const std::string& id, const std::string& token = "") {
    return mustRun("query($id: ID!) { tweet(id: $id) { " + std::string(kTweetFields) + " } }",
                   {{"id", id}}, token)["tweet"];
  }
  GraphQLResponse tweetMutation(const char* field, const TwitterAccount& as, const std::string& id,
                                const char* selection = nullptr) {
    std::string select = selection ? selection : kTweetFields;
    return run(std::string("mutation($id: ID!) { ") + field + "(id: $id) { " + select + " } }",
               {{"id", id}}, as.token);
  }
  // The id of a tweet that existed and is gone: well-formed, and certainly missing.
  std::string deletedTweetId() {
    TwitterAccount author = api().newAccount("ephemeral");
    std::string id = api().postTweet(author, "soon gone");
    api().deleteTweet(author, id);
    return id;
  }
};

TEST_P(TwitterTweetsTest, PostTweetReturnsTheTweetWithLinks) {
  TwitterAccount author = api().newAccount("poster");
  TwitterAccount friendly = api().newAccount("Mentioned");
  std::string tagA = uniqueTag("TagA");
  std::string tagB = uniqueTag("tagb");
  std::string ghost = uniqueUsername("ghost");
  std::string text = "Hello #" + tagA + " and #" + tagB + ", again #" + tagA + " (in caps #" +
                     tagB + ") with @" + friendly.username + " @" + ghost + " @" +
                     friendly.username + " and @" + author.username;
  GraphQLResponse response = post(author, text);
  ASSERT_FALSE(response.hasErrors()) << response.describe();
  const json& t = response.data()["postTweet"];
  EXPECT_FALSE(t["id"].get<std::string>().empty());
  EXPECT_EQ(t["text"], text);
  EXPECT_EQ(t["author"]["id"], author.id);
  EXPECT_EQ(t["author"]["username"], author.username);
  auto createdAt = parseRfc3339(t["createdAt"]);
  ASSERT_TRUE(createdAt) << t;
  EXPECT_NEAR(*createdAt, static_cast<double>(std::time(nullptr)), 300);
  auto lower = [](std::string s) {
    for (char& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  EXPECT_EQ(t["hashtags"], json::array({lower(tagA), lower(tagB)})) << "first appearance, once";
  std::vector<std::string> mentioned;
  for (const json& m : t["mentions"])
    mentioned.push_back(m["username"]);
  EXPECT_EQ(mentioned, (std::vector<std::string>{friendly.username, author.username}))
      << "existing users only, in order of first appearance, once each";
  EXPECT_EQ(t["isReply"], false);
  EXPECT_TRUE(t["replyTo"].is_null());
  EXPECT_TRUE(t["retweetOf"].is_null());
  EXPECT_EQ(t["replyCount"], 0);
  EXPECT_EQ(t["likeCount"], 0);
  EXPECT_EQ(t["retweetCount"], 0);
  EXPECT_EQ(t["viewerLiked"], false);
  EXPECT_EQ(t["viewerRetweeted"], false);

  EXPECT_EQ(tweet(t["id"]), t) << "tweet(id:) reads back what postTweet returned";
  json profile =
      mustRun("query($u: String!) { user(username: $u) { tweetCount } }", {{"u", author.username}});
  EXPECT_EQ(profile["user"]["tweetCount"], 1);
}

TEST_P(TwitterTweetsTest, MentionsAndHashtagsIgnoreCaseAndStopAtPunctuation) {
  TwitterAccount author = api().newAccount("caser");
  TwitterAccount named = api().newAccount("Named_One");
  std::string upper = named.username;
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string tag = uniqueTag("punct");
  GraphQLResponse response = post(author, "(@" + upper + "), #" + tag + "! and #" + tag + "...");
  ASSERT_FALSE(response.hasErrors()) << response.describe();
  const json& t = response.data()["postTweet"];
  ASSERT_EQ(t["mentions"].size(), 1u) << t;
  EXPECT_EQ(t["mentions"][0]["username"], named.username) << "linked whatever the case";
  std::string lowerTag = tag;
  for (char& c : lowerTag)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(t["hashtags"], json::array({lowerTag}));
  json mentions = mustRun("{ mentions { nodes { id } } }", {}, named.token);
  ASSERT_EQ(mentions["mentions"]["nodes"].size(), 1u);
  EXPECT_EQ(mentions["mentions"]["nodes"][0]["id"], t["id"]);
}

TEST_P(TwitterTweetsTest, TextOfOneTo280CodePointsThatIsNotOnlyWhiteSpace) {
  TwitterAccount author = api().newAccount("lengths");
  // What is sent, and what is kept: line breaks become "\n" and surrounding white space
  // goes (docs/twitter.md); everything else stays as written.
  std::vector<std::pair<std::string, std::string>> accepted = {
      {"x", "x"},
      {repeated("a", 280), repeated("a", 280)},
      {repeated("\xf0\x9f\x98\x80", 280), repeated("\xf0\x9f\x98\x80", 280)},  // 1120 bytes
      {repeated("e\xcc\x81", 140), repeated("e\xcc\x81", 140)},  // e + combining acute
      {"  " + repeated("b", 280) + "\n ", repeated("b", 280)},   // 280 once trimmed
      {"  padded  ", "padded"},
      {"line one\r\nline two\rthree\nfour", "line one\nline two\nthree\nfour"},
  };
  for (const auto& [text, kept] : accepted) {
    SCOPED_TRACE(text.substr(0, 20));
    GraphQLResponse response = post(author, text);
    ASSERT_FALSE(response.hasErrors()) << response.describe();
    EXPECT_EQ(response.data()["postTweet"]["text"], kept);
    EXPECT_EQ(tweet(response.data()["postTweet"]["id"])["text"], kept);
  }
  std::vector<std::string> refused = {
      "",
      " ",
      " \t\n\r  ",
      "\xe2\x80\x83\xc2\xa0",  // Unicode white space only (em space, no-break space)
      repeated("a", 281),
      repeated("\xf0\x9f\x98\x80", 281),
      repeated("e\xcc\x81", 140) + "!",
      repeated("long ", 20000),
      "bell\x07",
      "tab\tinside",
  };
  for (const std::string& text : refused) {
    SCOPED_TRACE(text.substr(0, 20));
    EXPECT_TRUE(isGraphQLError(post(author, text), "BAD_USER_INPUT", "text"));
  }
  json profile =
      mustRun("query($u: String!) { user(username: $u) { tweetCount } }", {{"u", author.username}});
  EXPECT_EQ(profile["user"]["tweetCount"], static_cast<int>(accepted.size()));
}

TEST_P(TwitterTweetsTest, PostingNeedsALogin) {
  EXPECT_TRUE(isGraphQLError(post(TwitterAccount{}, "anonymous"), "UNAUTHENTICATED"));
}

TEST_P(TwitterTweetsTest, RepliesFormThreads) {
  TwitterAccount alice = api().newAccount("root");
  TwitterAccount bob = api().newAccount("replier");
  std::string root = api().postTweet(alice, "root");
  std::string first = api().postTweet(bob, "first reply", root);
  std::string second = api().postTweet(alice, "second reply", root);
  GraphQLResponse nested = post(bob, "nested", first);
  ASSERT_FALSE(nested.hasErrors()) << nested.describe();
  const json& n = nested.data()["postTweet"];
  EXPECT_EQ(n["isReply"], true);
  EXPECT_EQ(n["replyTo"]["id"], first);
  std::string nestedId = n["id"];

  json thread = mustRun(
      "query($id: ID!) { tweet(id: $id) { replyCount ancestors { id } "
      "replies(first: 10) { nodes { id text replyTo { id } } pageInfo { hasNextPage } } } }",
      {{"id", root}});
  const json& rootTweet = thread["tweet"];
  EXPECT_EQ(rootTweet["replyCount"], 2) << "direct replies only";
  EXPECT_TRUE(rootTweet["ancestors"].empty());
  ASSERT_EQ(rootTweet["replies"]["nodes"].size(), 2u);
  EXPECT_EQ(rootTweet["replies"]["nodes"][0]["id"], second) << "newest first";
  EXPECT_EQ(rootTweet["replies"]["nodes"][1]["id"], first);
  EXPECT_EQ(rootTweet["replies"]["nodes"][1]["replyTo"]["id"], root);
  EXPECT_EQ(rootTweet["replies"]["pageInfo"]["hasNextPage"], false);

  json ancestors =
      mustRun("query($id: ID!) { tweet(id: $id) { ancestors { id text } } }", {{"id", nestedId}});
  ASSERT_EQ(ancestors["tweet"]["ancestors"].size(), 2u);
  EXPECT_EQ(ancestors["tweet"]["ancestors"][0]["id"], root) << "root first";
  EXPECT_EQ(ancestors["tweet"]["ancestors"][1]["id"], first);

  json replies = mustRun(
      "query($id: ID!) { tweet(id: $id) { replies(first: 1) { nodes { id } pageInfo { "
      "endCursor hasNextPage } } } }",
      {{"id", root}});
  EXPECT_EQ(replies["tweet"]["replies"]["nodes"][0]["id"], second);
  EXPECT_EQ(replies["tweet"]["replies"]["pageInfo"]["hasNextPage"], true);
  json rest = mustRun(
      "query($id: ID!, $a: String) { tweet(id: $id) { replies(first: 5, after: $a) { nodes { id } "
      "pageInfo { hasNextPage } } } }",
      {{"id", root}, {"a", replies["tweet"]["replies"]["pageInfo"]["endCursor"]}});
  ASSERT_EQ(rest["tweet"]["replies"]["nodes"].size(), 1u);
  EXPECT_EQ(rest["tweet"]["replies"]["nodes"][0]["id"], first);
  EXPECT_EQ(rest["tweet"]["replies"]["pageInfo"]["hasNextPage"], false);
}

TEST_P(TwitterTweetsTest, AncestorsAreTheNearestFiftyRootFirst) {
  TwitterAccount author = api().newAccount("threader");
  std::vector<std::string> chain = {api().postTweet(author, "post 0")};
  for (int i = 1; i <= 52; ++i)
    chain.push_back(api().postTweet(author, "post " + std::to_string(i), chain.back()));
  json ancestors = mustRun("query($id: ID!) { tweet(id: $id) { ancestors { id } } }",
                           {{"id", chain.back()}})["tweet"]["ancestors"];
  ASSERT_EQ(ancestors.size(), 50u);
  for (std::size_t i = 0; i < 50; ++i)
    EXPECT_EQ(ancestors[i]["id"], chain[i + 2]) << i;
}

TEST_P(TwitterTweetsTest, AReplyOutlivesTheTweetItAnswers) {
  TwitterAccount alice = api().newAccount("orphaner");
  std::string root = api().postTweet(alice, "will go");
  std::string reply = api().postTweet(alice, "stays", root);
  api().deleteTweet(alice, root);
  json t = tweet(reply);
  EXPECT_EQ(t["isReply"], true);
  EXPECT_TRUE(t["replyTo"].is_null());
  json ancestors =
      mustRun("query($id: ID!) { tweet(id: $id) { ancestors { id } } }", {{"id", reply}});
  EXPECT_TRUE(ancestors["tweet"]["ancestors"].empty());
}

TEST_P(TwitterTweetsTest, DeletingAReplyLowersTheReplyCount) {
  TwitterAccount alice = api().newAccount("counted");
  std::string root = api().postTweet(alice, "root");
  std::string reply = api().postTweet(alice, "reply", root);
  EXPECT_EQ(tweet(root)["replyCount"], 1);
  api().deleteTweet(alice, reply);
  EXPECT_EQ(tweet(root)["replyCount"], 0);
  EXPECT_TRUE(mustRun("query($id: ID!) { tweet(id: $id) { replies { nodes { id } } } }",
                      {{"id", root}})["tweet"]["replies"]["nodes"]
                  .empty());
}

TEST_P(TwitterTweetsTest, ReplyingToAMissingTweetIsNotFound) {
  TwitterAccount alice = api().newAccount("noreply");
  EXPECT_TRUE(isGraphQLError(post(alice, "to nothing", deletedTweetId()), "NOT_FOUND"));
}

TEST_P(TwitterTweetsTest, LikesCountOncePerUserAndViewerLikedIsTheViewersOwn) {
  TwitterAccount author = api().newAccount("likee");
  TwitterAccount alice = api().newAccount("liker_a");
  TwitterAccount bob = api().newAccount("liker_b");
  std::string id = api().postTweet(author, "like me");

  GraphQLResponse liked = tweetMutation("like", alice, id);
  ASSERT_FALSE(liked.hasErrors()) << liked.describe();
  EXPECT_EQ(liked.data()["like"]["id"], id);
  EXPECT_EQ(liked.data()["like"]["likeCount"], 1);
  EXPECT_EQ(liked.data()["like"]["viewerLiked"], true);
  GraphQLResponse again = tweetMutation("like", alice, id);
  ASSERT_FALSE(again.hasErrors()) << again.describe();
  EXPECT_EQ(again.data()["like"]["likeCount"], 1) << "a second like by the same user counts not";
  EXPECT_EQ(tweetMutation("like", bob, id).data()["like"]["likeCount"], 2);

  EXPECT_EQ(tweet(id, alice.token)["viewerLiked"], true);
  EXPECT_EQ(tweet(id, author.token)["viewerLiked"], false);
  EXPECT_EQ(tweet(id)["viewerLiked"], false);

  GraphQLResponse unliked = tweetMutation("unlike", alice, id);
  ASSERT_FALSE(unliked.hasErrors()) << unliked.describe();
  EXPECT_EQ(unliked.data()["unlike"]["likeCount"], 1);
  EXPECT_EQ(unliked.data()["unlike"]["viewerLiked"], false);
  EXPECT_EQ(tweetMutation("unlike", alice, id).data()["unlike"]["likeCount"], 1)
      << "unliking what one does not like leaves the others' likes";
  EXPECT_EQ(tweet(id, bob.token)["viewerLiked"], true);
}

TEST_P(TwitterTweetsTest, RetweetsPointAtTheOriginal) {
  TwitterAccount author = api().newAccount("original");
  TwitterAccount alice = api().newAccount("rt_a");
  TwitterAccount bob = api().newAccount("rt_b");
  std::string id = api().postTweet(author, "worth repeating");

  GraphQLResponse retweeted = tweetMutation("retweet", alice, id);
  ASSERT_FALSE(retweeted.hasErrors()) << retweeted.describe();
  const json& original = retweeted.data()["retweet"];
  EXPECT_EQ(original["id"], id) << "retweet returns the original";
  EXPECT_EQ(original["retweetCount"], 1);
  EXPECT_EQ(original["viewerRetweeted"], true);

  json aliceTweets = mustRun(
      "query($u: String!) { user(username: $u) { tweetCount tweets { nodes { id text author { "
      "username } retweetOf { id text author { username } } } } } }",
      {{"u", alice.username}});
  EXPECT_EQ(aliceTweets["user"]["tweetCount"], 1);
  ASSERT_EQ(aliceTweets["user"]["tweets"]["nodes"].size(), 1u);
  const json& rt = aliceTweets["user"]["tweets"]["nodes"][0];
  std::string retweetId = rt["id"];
  EXPECT_NE(retweetId, id);
  EXPECT_EQ(rt["text"], "") << "a retweet has no text of its own";
  EXPECT_EQ(rt["author"]["username"], alice.username);
  EXPECT_EQ(rt["retweetOf"]["id"], id);
  EXPECT_EQ(rt["retweetOf"]["text"], "worth repeating");
  EXPECT_EQ(rt["retweetOf"]["author"]["username"], author.username);

  // Retweeting the retweet retweets the original; retweeting twice counts once.
  GraphQLResponse viaRetweet = tweetMutation("retweet", bob, retweetId);
  ASSERT_FALSE(viaRetweet.hasErrors()) << viaRetweet.describe();
  EXPECT_EQ(viaRetweet.data()["retweet"]["id"], id);
  EXPECT_EQ(viaRetweet.data()["retweet"]["retweetCount"], 2);
  GraphQLResponse twice = tweetMutation("retweet", bob, id);
  ASSERT_FALSE(twice.hasErrors()) << twice.describe();
  EXPECT_EQ(twice.data()["retweet"]["retweetCount"], 2);

  // Liking a retweet likes the original.
  GraphQLResponse likeViaRetweet = tweetMutation("like", bob, retweetId);
  ASSERT_FALSE(likeViaRetweet.hasErrors()) << likeViaRetweet.describe();
  EXPECT_EQ(likeViaRetweet.data()["like"]["id"], id);
  EXPECT_EQ(likeViaRetweet.data()["like"]["likeCount"], 1);

  GraphQLResponse undone = tweetMutation("unretweet", alice, id);
  ASSERT_FALSE(undone.hasErrors()) << undone.describe();
  EXPECT_EQ(undone.data()["unretweet"]["id"], id);
  EXPECT_EQ(undone.data()["unretweet"]["retweetCount"], 1);
  EXPECT_EQ(undone.data()["unretweet"]["viewerRetweeted"], false);
  json aliceAfter = mustRun(
      "query($u: String!) { user(username: $u) { tweetCount tweets { nodes "
      "{ id } } } }",
      {{"u", alice.username}});
  EXPECT_EQ(aliceAfter["user"]["tweetCount"], 0);
  EXPECT_TRUE(aliceAfter["user"]["tweets"]["nodes"].empty());
  EXPECT_TRUE(tweet(retweetId).is_null()) << "the retweet itself is gone";
  EXPECT_EQ(tweet(id, bob.token)["viewerRetweeted"], true);
  EXPECT_EQ(tweet(id, alice.token)["viewerRetweeted"], false);
}

TEST_P(TwitterTweetsTest, DeletingARetweetUndoesIt) {
  TwitterAccount author = api().newAccount("rtdel_o");
  TwitterAccount alice = api().newAccount("rtdel_a");
  std::string id = api().postTweet(author, "retweet then delete");
  api().retweet(alice, id);
  json list = mustRun("query($u: String!) { user(username: $u) { tweets { nodes { id } } } }",
                      {{"u", alice.username}});
  std::string retweetId = list["user"]["tweets"]["nodes"][0]["id"];
  json deleted =
      mustRun("mutation($id: ID!) { deleteTweet(id: $id) }", {{"id", retweetId}}, alice.token);
  EXPECT_EQ(deleted["deleteTweet"], retweetId);
  json original = tweet(id, alice.token);
  EXPECT_EQ(original["retweetCount"], 0);
  EXPECT_EQ(original["viewerRetweeted"], false);
}

TEST_P(TwitterTweetsTest, DeleteTweetRemovesItAndItsCounts) {
  TwitterAccount author = api().newAccount("deleter");
  TwitterAccount fan = api().newAccount("deletefan");
  std::string tag = uniqueTag("gone");
  std::string id = api().postTweet(author, "to delete #" + tag + " @" + fan.username);
  api().like(fan, id);
  api().retweet(fan, id);

  json deleted = mustRun("mutation($id: ID!) { deleteTweet(id: $id) }", {{"id", id}}, author.token);
  EXPECT_EQ(deleted["deleteTweet"], id);
  EXPECT_TRUE(tweet(id).is_null());
  EXPECT_TRUE(tweet(id, author.token).is_null());
  json after = mustRun(
      "query($u: String!, $f: String!, $tag: String!) { author: user(username: $u) { tweetCount "
      "tweets { nodes { id } } } fan: user(username: $f) { tweetCount tweets { nodes { id } } } "
      "hashtag(tag: $tag) { nodes { id } } }",
      {{"u", author.username}, {"f", fan.username}, {"tag", tag}});
  EXPECT_EQ(after["author"]["tweetCount"], 0);
  EXPECT_TRUE(after["author"]["tweets"]["nodes"].empty());
  EXPECT_EQ(after["fan"]["tweetCount"], 0) << "its retweets went with it";
  EXPECT_TRUE(after["fan"]["tweets"]["nodes"].empty());
  EXPECT_TRUE(after["hashtag"]["nodes"].empty());
  EXPECT_TRUE(mustRun("{ mentions { nodes { id } } }", {}, fan.token)["mentions"]["nodes"].empty());

  EXPECT_TRUE(isGraphQLError(
      run("mutation($id: ID!) { deleteTweet(id: $id) }", {{"id", id}}, author.token), "NOT_FOUND"))
      << "deleting twice";
}

TEST_P(TwitterTweetsTest, ActionsOnAMissingTweetAreNotFound) {
  TwitterAccount alice = api().newAccount("missing");
  std::string gone = deletedTweetId();
  EXPECT_TRUE(tweet(gone).is_null());
  for (const char* field : {"like", "unlike", "retweet", "unretweet"}) {
    SCOPED_TRACE(field);
    EXPECT_TRUE(isGraphQLError(tweetMutation(field, alice, gone, "id"), "NOT_FOUND"));
  }
  EXPECT_TRUE(isGraphQLError(
      run("mutation($id: ID!) { deleteTweet(id: $id) }", {{"id", gone}}, alice.token),
      "NOT_FOUND"));
}

TEST_P(TwitterTweetsTest, MalformedIdsAreBadInput) {
  TwitterAccount alice = api().newAccount("badids");
  for (const std::string& bad :
       {std::string("not-an-id"), std::string(""), std::string("-1"), std::string("1.5"),
        std::string("99999999999999999999999999"), std::string("' OR 1=1 --")}) {
    SCOPED_TRACE(bad);
    EXPECT_TRUE(isGraphQLError(run("query($id: ID!) { tweet(id: $id) { id } }", {{"id", bad}}),
                               "BAD_USER_INPUT", "id"));
    for (const char* field : {"like", "unlike", "retweet", "unretweet"}) {
      SCOPED_TRACE(field);
      EXPECT_TRUE(isGraphQLError(tweetMutation(field, alice, bad, "id"), "BAD_USER_INPUT", "id"));
    }
    EXPECT_TRUE(isGraphQLError(
        run("mutation($id: ID!) { deleteTweet(id: $id) }", {{"id", bad}}, alice.token),
        "BAD_USER_INPUT", "id"));
    EXPECT_TRUE(isGraphQLError(post(alice, "reply to junk", bad), "BAD_USER_INPUT", "replyTo"));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterTweetsTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
