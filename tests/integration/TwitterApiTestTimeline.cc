// Lists of tweets through the real server: the timeline, hashtags, mentions and a
// user's tweets; their pagination at its edges; and the statements one timeline costs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

// Each list as a query taking $n (first) and $a (after), and where its connection is.
struct TweetList {
  std::string query;
  std::vector<std::string> path;  // into `data`
  json extraVariables = json::object();
};

TweetList timelineList() {
  return {
      "query($n: Int, $a: String) { timeline(first: $n, after: $a) { nodes { id text } "
      "pageInfo { endCursor hasNextPage } } }",
      {"timeline"}};
}

class TwitterTimelineTest : public TwitterApiFixture {
 protected:
  json page(const TweetList& list, const std::string& token, const json& first, const json& after) {
    json variables = list.extraVariables;
    variables["n"] = first;
    variables["a"] = after;
    json data = mustRun(list.query, variables, token);
    for (const std::string& key : list.path)
      data = data[key];
    return data;
  }

  // Every id of `list`, walked `pageSize` at a time, checking each page's shape.
  std::vector<std::string> walk(const TweetList& list, const std::string& token, int pageSize) {
    std::vector<std::string> ids;
    json after = nullptr;
    for (int pages = 0; pages < 1000; ++pages) {
      json connection = page(list, token, pageSize, after);
      const json& nodes = connection["nodes"];
      const json& info = connection["pageInfo"];
      EXPECT_LE(nodes.size(), static_cast<std::size_t>(pageSize));
      for (const json& node : nodes)
        ids.push_back(node["id"]);
      if (nodes.empty()) {
        EXPECT_TRUE(info["endCursor"].is_null()) << connection;
      } else {
        EXPECT_TRUE(info["endCursor"].is_string()) << connection;
      }
      if (!info["hasNextPage"].get<bool>()) return ids;
      EXPECT_EQ(nodes.size(), static_cast<std::size_t>(pageSize))
          << "a page before the last is full";
      after = info["endCursor"];
    }
    ADD_FAILURE() << "the pages never ended";
    return ids;
  }

  // Posts `count` tweets by `author` ("<prefix> <i>"); their ids, oldest first.
  std::vector<std::string> postMany(const TwitterAccount& author, int count,
                                    const std::string& prefix) {
    std::vector<std::string> ids;
    ids.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
      ids.push_back(api().postTweet(author, prefix + " " + std::to_string(i)));
    return ids;
  }
};

std::vector<std::string> reversed(std::vector<std::string> ids) {
  return {ids.rbegin(), ids.rend()};
}

TEST_P(TwitterTimelineTest, TheTimelineHoldsOwnAndFollowedTweetsNewestFirst) {
  TwitterAccount reader = api().newAccount("reader");
  TwitterAccount followed = api().newAccount("followed");
  TwitterAccount stranger = api().newAccount("stranger");
  TwitterAccount dropped = api().newAccount("dropped");
  api().follow(reader, followed.username);
  api().follow(reader, dropped.username);
  std::vector<std::string> expected;
  expected.push_back(api().postTweet(followed, "followed 1"));
  api().postTweet(stranger, "stranger");
  expected.push_back(api().postTweet(reader, "own"));
  api().postTweet(dropped, "dropped");
  expected.push_back(api().postTweet(followed, "followed 2"));
  api().unfollow(reader, dropped.username);
  // A retweet by someone followed shows as that retweet.
  std::string strangerTweet = api().postTweet(stranger, "retweeted");
  api().retweet(followed, strangerTweet);

  json timeline = mustRun(
      "{ timeline { nodes { id text author { username } retweetOf { id } } pageInfo { "
      "hasNextPage } } }",
      {}, reader.token)["timeline"];
  ASSERT_EQ(timeline["nodes"].size(), 4u) << timeline;
  const json& retweet = timeline["nodes"][0];
  EXPECT_EQ(retweet["author"]["username"], followed.username);
  EXPECT_EQ(retweet["retweetOf"]["id"], strangerTweet);
  std::vector<std::string> ids;
  for (std::size_t i = 1; i < timeline["nodes"].size(); ++i)
    ids.push_back(timeline["nodes"][i]["id"]);
  EXPECT_EQ(ids, reversed(expected));
  EXPECT_EQ(timeline["pageInfo"]["hasNextPage"], false);
}

TEST_P(TwitterTimelineTest, FollowingSomeoneBringsInTheirEarlierTweets) {
  TwitterAccount reader = api().newAccount("latecomer");
  TwitterAccount author = api().newAccount("early");
  std::string early = api().postTweet(author, "before you came");
  api().follow(reader, author.username);
  json timeline = mustRun("{ timeline { nodes { id } } }", {}, reader.token)["timeline"];
  ASSERT_EQ(timeline["nodes"].size(), 1u) << timeline;
  EXPECT_EQ(timeline["nodes"][0]["id"], early);
  api().unfollow(reader, author.username);
  EXPECT_TRUE(
      mustRun("{ timeline { nodes { id } } }", {}, reader.token)["timeline"]["nodes"].empty());
}

TEST_P(TwitterTimelineTest, ACursorHoldsItsPlaceWhileTweetsComeAndGo) {
  TwitterAccount reader = api().newAccount("steady");
  std::vector<std::string> ids = reversed(postMany(reader, 9, "steady"));  // newest first
  json first = page(timelineList(), reader.token, 3, nullptr);
  ASSERT_EQ(first["nodes"].size(), 3u);
  EXPECT_EQ(first["nodes"][2]["id"], ids[2]);
  // New tweets arrive at the top, and the tweet the cursor points at goes away.
  postMany(reader, 4, "newer");
  api().deleteTweet(reader, ids[2]);
  std::vector<std::string> rest;
  json after = first["pageInfo"]["endCursor"];
  for (;;) {
    json next = page(timelineList(), reader.token, 3, after);
    for (const json& node : next["nodes"])
      rest.push_back(node["id"]);
    if (!next["pageInfo"]["hasNextPage"].get<bool>()) break;
    after = next["pageInfo"]["endCursor"];
  }
  EXPECT_EQ(rest, std::vector<std::string>(ids.begin() + 3, ids.end()))
      << "the walk goes on where it was: no repeats, nothing skipped";
}

TEST_P(TwitterTimelineTest, ListsForOneUserNeedALogin) {
  EXPECT_TRUE(isGraphQLError(run("{ timeline { nodes { id } } }"), "UNAUTHENTICATED"));
  EXPECT_TRUE(isGraphQLError(run("{ mentions { nodes { id } } }"), "UNAUTHENTICATED"));
}

TEST_P(TwitterTimelineTest, AnEmptyListHasNoCursorAndNoNextPage) {
  TwitterAccount loner = api().newAccount("empty");
  json connection = page(timelineList(), loner.token, 20, nullptr);
  EXPECT_TRUE(connection["nodes"].empty());
  EXPECT_TRUE(connection["pageInfo"]["endCursor"].is_null());
  EXPECT_EQ(connection["pageInfo"]["hasNextPage"], false);
}

TEST_P(TwitterTimelineTest, WalkingEveryPageYieldsEveryTweetOnceNewestFirst) {
  TwitterAccount reader = api().newAccount("walker");
  TwitterAccount other = api().newAccount("walked");
  api().follow(reader, other.username);
  std::vector<std::string> all;
  all.reserve(23);
  for (int i = 0; i < 23; ++i)
    all.push_back(api().postTweet(i % 3 == 0 ? reader : other, "walk " + std::to_string(i)));
  std::vector<std::string> newestFirst = reversed(all);
  for (int pageSize : {1, 4, 5, 22, 23, 24, 100}) {
    SCOPED_TRACE(pageSize);
    EXPECT_EQ(walk(timelineList(), reader.token, pageSize), newestFirst);
  }
}

TEST_P(TwitterTimelineTest, AnExactMultipleOfThePageSizeEndsWithoutAnEmptyPage) {
  TwitterAccount reader = api().newAccount("multiple");
  std::vector<std::string> ids = reversed(postMany(reader, 10, "multiple"));
  json first = page(timelineList(), reader.token, 5, nullptr);
  EXPECT_EQ(first["pageInfo"]["hasNextPage"], true);
  json second = page(timelineList(), reader.token, 5, first["pageInfo"]["endCursor"]);
  ASSERT_EQ(second["nodes"].size(), 5u);
  EXPECT_EQ(second["nodes"][4]["id"], ids[9]);
  EXPECT_EQ(second["pageInfo"]["hasNextPage"], false) << "the last full page is the last";
  // Asking past the end anyway gives an empty page.
  json beyond = page(timelineList(), reader.token, 5, second["pageInfo"]["endCursor"]);
  EXPECT_TRUE(beyond["nodes"].empty());
  EXPECT_TRUE(beyond["pageInfo"]["endCursor"].is_null());
  EXPECT_EQ(beyond["pageInfo"]["hasNextPage"], false);
}

TEST_P(TwitterTimelineTest, FirstZeroGivesAnEmptyPage) {
  TwitterAccount reader = api().newAccount("zero");
  postMany(reader, 3, "zero");
  json connection = page(timelineList(), reader.token, 0, nullptr);
  EXPECT_TRUE(connection["nodes"].empty());
  EXPECT_TRUE(connection["pageInfo"]["endCursor"].is_null());
}

TEST_P(TwitterTimelineTest, TheDefaultPageIsTwenty) {
  TwitterAccount reader = api().newAccount("default");
  postMany(reader, 21, "default");
  json timeline = mustRun("{ timeline { nodes { id } pageInfo { hasNextPage } } }", {},
                          reader.token)["timeline"];
  EXPECT_EQ(timeline["nodes"].size(), 20u);
  EXPECT_EQ(timeline["pageInfo"]["hasNextPage"], true);
}

TEST_P(TwitterTimelineTest, PageSizesOutOfRangeAreBadInput) {
  TwitterAccount reader = api().newAccount("range");
  for (int first : {-1, -100, 101, 1000000}) {
    SCOPED_TRACE(first);
    EXPECT_TRUE(
        isGraphQLError(run(timelineList().query, {{"n", first}, {"a", nullptr}}, reader.token),
                       "BAD_USER_INPUT", "first"));
    EXPECT_TRUE(isGraphQLError(
        run("query($n: Int) { hashtag(tag: \"x\", first: $n) { nodes { id } } }", {{"n", first}}),
        "BAD_USER_INPUT", "first"));
  }
  // Every connection keeps the same bounds.
  for (const char* connection : {"tweets", "followers", "following"}) {
    SCOPED_TRACE(connection);
    EXPECT_TRUE(isGraphQLError(run(std::string("query($u: String!) { user(username: $u) { ") +
                                       connection + "(first: 101) { nodes { id } } } }",
                                   {{"u", reader.username}}),
                               "BAD_USER_INPUT", "first"));
  }
  EXPECT_TRUE(isGraphQLError(run("{ mentions(first: -1) { nodes { id } } }", {}, reader.token),
                             "BAD_USER_INPUT", "first"));
  EXPECT_FALSE(run(timelineList().query, {{"n", 100}, {"a", nullptr}}, reader.token).hasErrors());
}

TEST_P(TwitterTimelineTest, BadCursorsAreBadInput) {
  TwitterAccount reader = api().newAccount("cursor");
  for (const std::string& bad : {std::string("garbage"), std::string(""), std::string("-1"),
                                 std::string("'; DROP TABLE tweets; --"), repeated("A", 5000)}) {
    SCOPED_TRACE(bad.substr(0, 20));
    EXPECT_TRUE(isGraphQLError(run(timelineList().query, {{"n", 5}, {"a", bad}}, reader.token),
                               "BAD_USER_INPUT", "after"));
  }
  // A cursor from a list of users is no cursor into a list of tweets, nor the reverse.
  TwitterAccount fan = api().newAccount("cursorfan");
  api().follow(fan, reader.username);
  api().postTweet(reader, "a tweet for a cursor");
  json followers =
      mustRun("query($u: String!) { user(username: $u) { followers { pageInfo { endCursor } } } }",
              {{"u", reader.username}});
  std::string userCursor = followers["user"]["followers"]["pageInfo"]["endCursor"];
  EXPECT_TRUE(isGraphQLError(run(timelineList().query, {{"n", 5}, {"a", userCursor}}, reader.token),
                             "BAD_USER_INPUT", "after"));
  std::string tweetCursor = page(timelineList(), reader.token, 1, nullptr)["pageInfo"]["endCursor"];
  EXPECT_TRUE(isGraphQLError(
      run("query($u: String!, $a: String) { user(username: $u) { following(after: $a) { nodes { "
          "id } } } }",
          {{"u", fan.username}, {"a", tweetCursor}}),
      "BAD_USER_INPUT", "after"));
}

TEST_P(TwitterTimelineTest, HashtagsMatchWithOrWithoutHashAndInAnyCase) {
  TwitterAccount author = api().newAccount("tagger");
  std::string tag = uniqueTag("MixedTag");
  std::string lower = tag;
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string upper = tag;
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::vector<std::string> ids;
  ids.push_back(api().postTweet(author, "first #" + tag));
  api().postTweet(author, "other #" + tag + "x");
  ids.push_back(api().postTweet(author, "second #" + upper + " end"));
  ids.push_back(api().postTweet(author, "#" + lower));
  for (const std::string& query : {tag, lower, upper, "#" + tag, "#" + lower}) {
    SCOPED_TRACE(query);
    TweetList list{
        "query($tag: String!, $n: Int, $a: String) { hashtag(tag: $tag, first: $n, after: $a) "
        "{ nodes { id } pageInfo { endCursor hasNextPage } } }",
        {"hashtag"},
        {{"tag", query}}};
    EXPECT_EQ(walk(list, "", 2), reversed(ids));
  }
  json none = mustRun(
      "query($tag: String!) { hashtag(tag: $tag) { nodes { id } pageInfo { "
      "endCursor hasNextPage } } }",
      {{"tag", uniqueTag("unused")}});
  EXPECT_TRUE(none["hashtag"]["nodes"].empty());
  EXPECT_TRUE(none["hashtag"]["pageInfo"]["endCursor"].is_null());
}

TEST_P(TwitterTimelineTest, MentionsListTheTweetsThatNameYou) {
  TwitterAccount named = api().newAccount("named");
  TwitterAccount talker = api().newAccount("talker");
  std::vector<std::string> ids;
  for (int i = 0; i < 7; ++i) {
    ids.push_back(api().postTweet(talker, "hi @" + named.username + " " + std::to_string(i)));
    api().postTweet(talker, "not about them " + std::to_string(i));
  }
  TweetList list{
      "query($n: Int, $a: String) { mentions(first: $n, after: $a) { nodes { id } "
      "pageInfo { endCursor hasNextPage } } }",
      {"mentions"}};
  EXPECT_EQ(walk(list, named.token, 3), reversed(ids));
  EXPECT_TRUE(walk(list, talker.token, 3).empty());
}

TEST_P(TwitterTimelineTest, AUsersTweetsPaginate) {
  TwitterAccount author = api().newAccount("prolific");
  std::vector<std::string> ids = postMany(author, 12, "prolific");
  TweetList list{
      "query($u: String!, $n: Int, $a: String) { user(username: $u) { tweets(first: $n, after: "
      "$a) { nodes { id } pageInfo { endCursor hasNextPage } } } }",
      {"user", "tweets"},
      {{"u", author.username}}};
  for (int pageSize : {1, 5, 12, 13})
    EXPECT_EQ(walk(list, "", pageSize), reversed(ids)) << pageSize;
}

// The timeline is one statement whatever the page size or the number of people
// followed; resolving its tweets' authors, hashtags and mentions costs a fixed number
// more. Counted on the server's own statement counter, around requests that are the
// only thing the server does.
TEST_P(TwitterTimelineTest, StatementsPerTimelineDoNotGrowWithThePage) {
  TwitterAccount reader = api().newAccount("counter");
  std::vector<TwitterAccount> followed;
  for (int i = 0; i < 10; ++i) {
    followed.push_back(api().newAccount("counted"));
    api().follow(reader, followed.back().username);
  }
  std::string tag = uniqueTag("count");
  for (int round = 0; round < 6; ++round) {
    for (const TwitterAccount& author : followed) {
      api().postTweet(author, "round " + std::to_string(round) + " #" + tag + " @" +
                                  reader.username + " @" + followed[0].username);
    }
  }

  auto statementsFor = [&](int first, const char* selection) {
    std::string query = "query($n: Int) { timeline(first: $n) { nodes { " + std::string(selection) +
                        " } pageInfo { endCursor hasNextPage } } }";
    double before = server().metric("minitwitter_db_statements_total");
    json data = mustRun(query, {{"n", first}}, reader.token);
    double after = server().metric("minitwitter_db_statements_total");
    EXPECT_EQ(data["timeline"]["nodes"].size(), static_cast<std::size_t>(first));
    return after - before;
  };
  const char* plain =
      "id text createdAt isReply replyCount likeCount retweetCount viewerLiked viewerRetweeted "
      "author { id username displayName }";
  double one = statementsFor(1, plain);
  double fifty = statementsFor(50, plain);
  EXPECT_GT(one, 0) << "the counter counts";
  EXPECT_EQ(one, fifty) << "timeline(first: 1) and timeline(first: 50) must cost the same";

  const char* linked = "id text hashtags mentions { id username } author { username }";
  double oneLinked = statementsFor(1, linked);
  double fiftyLinked = statementsFor(50, linked);
  EXPECT_EQ(oneLinked, fiftyLinked) << "hashtags and mentions are fetched for a page at once";
  RecordProperty("statements_plain", static_cast<int>(one));
  RecordProperty("statements_linked", static_cast<int>(oneLinked));
}

// The same rule for every other list, with fields that need the viewer (relationship
// flags, likes) and fields one level further down (a reply's parent and its author).
TEST_P(TwitterTimelineTest, StatementsPerPageOfEveryListDoNotGrowWithThePage) {
  TwitterAccount reader = api().newAccount("lister");
  TwitterAccount star = api().newAccount("star");
  std::string tag = uniqueTag("lists");
  std::string root = api().postTweet(star, "root");
  for (int i = 0; i < 10; ++i) {
    TwitterAccount fan = api().newAccount("listfan");
    api().follow(fan, star.username);
    if (i % 2 == 0) api().follow(reader, fan.username);
    std::string reply = api().postTweet(
        fan, "reply " + std::to_string(i) + " #" + tag + " @" + reader.username, root);
    api().like(reader, reply);
    api().postTweet(star, "own " + std::to_string(i));
  }
  const std::string tweetFields =
      "id text hashtags viewerLiked viewerRetweeted mentions { username } author { username "
      "viewerFollows followsViewer blocksViewer } replyTo { id author { username viewerFollows } "
      "} retweetOf { id }";
  const std::string userFields =
      "username followerCount viewerFollows followsViewer viewerBlocks blocksViewer isViewer";
  struct List {
    std::string name;
    std::string query;  // takes $n
    std::vector<std::string> path;
  };
  std::vector<List> lists = {
      {"hashtag",
       "query($n: Int) { hashtag(tag: \"" + tag + "\", first: $n) { nodes { " + tweetFields +
           " } } }",
       {"hashtag"}},
      {"mentions",
       "query($n: Int) { mentions(first: $n) { nodes { " + tweetFields + " } } }",
       {"mentions"}},
      {"user tweets",
       "query($n: Int) { user(username: \"" + star.username + "\") { tweets(first: $n) { nodes { " +
           tweetFields + " } } } }",
       {"user", "tweets"}},
      {"replies",
       "query($n: Int) { tweet(id: \"" + root + "\") { replies(first: $n) { nodes { " +
           tweetFields + " } } } }",
       {"tweet", "replies"}},
      {"followers",
       "query($n: Int) { user(username: \"" + star.username +
           "\") { followers(first: $n) { nodes { " + userFields + " } } } }",
       {"user", "followers"}},
  };
  for (const List& list : lists) {
    SCOPED_TRACE(list.name);
    auto statementsFor = [&](int first) {
      double before = server().metric("minitwitter_db_statements_total");
      json data = mustRun(list.query, {{"n", first}}, reader.token);
      double after = server().metric("minitwitter_db_statements_total");
      for (const std::string& key : list.path)
        data = data[key];
      EXPECT_EQ(data["nodes"].size(), static_cast<std::size_t>(first));
      return after - before;
    };
    double one = statementsFor(1);
    EXPECT_EQ(one, statementsFor(10));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterTimelineTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
