// reply, retweet, unretweet, like, unlike, delete, hashtag and mentions through the
// real client and server, on each storage backend.
#include <nlohmann/json.hpp>

#include "ClientCliFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

class ClientTweetCommandsTest : public ClientCliBackendTest {};

TEST_P(ClientTweetCommandsTest, ReplyTakesTheTextFromArgumentsOrStandardInput) {
  signUp(cli());
  const std::string original = post(cli(), "is anyone there?");

  auto result = cli().run({"reply", original, "yes,", "I am"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out.rfind("replied to tweet " + original + " with tweet ", 0), 0u) << result.out;
  result = cli().run({"reply", original}, "from standard input\n");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  result = cli().run({"reply", original, "-", "--json"}, "as json\n");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const json data = json::parse(result.out);
  EXPECT_EQ(data["postTweet"]["text"], "as json");
  EXPECT_EQ(data["postTweet"]["isReply"], true);

  result = cli().run({"timeline"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("yes, I am"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("from standard input"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("3 replies"), std::string::npos) << result.out;
}

TEST_P(ClientTweetCommandsTest, ReplyRefusalsSayWhatIsWrong) {
  signUp(cli());
  const std::string original = post(cli(), "reply to me");
  auto result = cli().run({"reply", original, std::string(281, 'x')});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("280"), std::string::npos) << result.err;

  result = cli().run({"reply", "999999", "hello?"});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_EQ(result.err,
            "minitwitter-client: tweet 999999 does not exist or is not visible to you\n");

  EXPECT_EQ(cli().run({"reply"}).exitCode, 2);
  CliRunner anonymous(serverUrl());
  result = anonymous.run({"reply", original, "hi"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_EQ(result.err,
            "minitwitter-client: not logged in: run `minitwitter-client login USERNAME`\n");
}

TEST_P(ClientTweetCommandsTest, LikeUnlikeRetweetUnretweetReportTheNewCounts) {
  const std::string author = signUp(cli());
  const std::string id = post(cli(), "like and retweet me");
  CliRunner fan(serverUrl());
  signUp(fan);

  auto result = fan.run({"like", id});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "liked tweet " + id + " by @" + author + " · 1 like\n");
  result = fan.run({"retweet", id});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "retweeted tweet " + id + " by @" + author + " · 1 retweet\n");

  result = fan.run({"timeline"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find(" retweeted · "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("0 replies · 1 retweet · 1 like · id " + id), std::string::npos)
      << result.out;

  result = fan.run({"unlike", id, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  json data = json::parse(result.out);
  EXPECT_EQ(data["unlike"]["likeCount"], 0);
  EXPECT_EQ(data["unlike"]["viewerLiked"], false);
  result = fan.run({"unretweet", id});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out,
            "took back your retweet of tweet " + id + " by @" + author + " · 0 retweets\n");
}

TEST_P(ClientTweetCommandsTest, ActingOnAMissingTweetNamesIt) {
  signUp(cli());
  for (const char* command : {"like", "unlike", "retweet", "unretweet", "delete"}) {
    const auto result = cli().run({command, "987654"});
    EXPECT_EQ(result.exitCode, 5) << command;
    EXPECT_EQ(result.err,
              "minitwitter-client: tweet 987654 does not exist or is not visible to you\n")
        << command;
  }
  const auto result = cli().run({"like", "abc"});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("'abc' is not an id"), std::string::npos) << result.err;
}

TEST_P(ClientTweetCommandsTest, DeleteRemovesOnlyYourOwnTweets) {
  signUp(cli());
  const std::string id = post(cli(), "short-lived");
  CliRunner other(serverUrl());
  signUp(other);
  auto result = other.run({"delete", id});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_EQ(result.err, "minitwitter-client: tweet " + id +
                            " is not yours: you can delete only your own tweets\n");

  result = cli().run({"delete", id});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "deleted tweet " + id + "\n");
  const std::string second = post(cli(), "also short-lived");
  result = cli().run({"delete", second, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out), json({{"deleteTweet", second}}));
  EXPECT_EQ(cli().run({"like", id}).exitCode, 5);
}

TEST_P(ClientTweetCommandsTest, ActionsNeedASessionAndAnId) {
  CliRunner anonymous(serverUrl());
  for (const char* command : {"like", "unlike", "retweet", "unretweet", "delete", "mentions"}) {
    std::vector<std::string> args = {command};
    if (std::string(command) != "mentions") args.push_back("1");
    const auto result = anonymous.run(args);
    EXPECT_EQ(result.exitCode, 3) << command;
    EXPECT_EQ(result.err,
              "minitwitter-client: not logged in: run `minitwitter-client login USERNAME`\n")
        << command;
  }
  for (const char* command : {"like", "unlike", "retweet", "unretweet", "delete", "hashtag"}) {
    const auto result = anonymous.run({command});
    EXPECT_EQ(result.exitCode, 2) << command;
    EXPECT_TRUE(isOneLine(result.err)) << command << ": " << result.err;
  }
  EXPECT_EQ(anonymous.run({"like", "1", "2"}).exitCode, 2);
}

TEST_P(ClientTweetCommandsTest, HashtagListsTaggedTweetsPageByPage) {
  signUp(cli());
  const std::string tag = fresh("tag");
  for (const char* text : {"first", "second", "third"})
    post(cli(), std::string(text) + " #" + tag);

  // Anonymous readers see it too; '#' is optional.
  CliRunner anonymous(serverUrl());
  auto result = anonymous.run({"hashtag", "#" + tag, "--limit", "2"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("third #" + tag), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("first #" + tag), std::string::npos) << result.out;
  const std::string marker = "older: minitwitter-client hashtag " + tag + " --limit 2 --before ";
  const auto at = result.out.find(marker);
  ASSERT_NE(at, std::string::npos) << result.out;
  std::string cursor = result.out.substr(at + marker.size());
  cursor.erase(cursor.find('\n'));

  result = anonymous.run({"hashtag", tag, "--limit", "2", "--before", cursor});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("first #" + tag), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("older:"), std::string::npos) << result.out;

  result = anonymous.run({"hashtag", tag, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["hashtag"]["nodes"].size(), 3u) << result.out;

  result = anonymous.run({"hashtag", fresh("nothing")});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out.rfind("no tweets tagged #nothing", 0), 0u) << result.out;

  result = anonymous.run({"hashtag", "#"});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
}

TEST_P(ClientTweetCommandsTest, MentionsListsTweetsThatNameYou) {
  const std::string name = signUp(cli());
  auto result = cli().run({"mentions"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "no one has mentioned you yet\n");

  CliRunner other(serverUrl());
  signUp(other, "Charles Babbage");
  post(other, "thanks @" + name);
  result = cli().run({"mentions"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("Charles Babbage @"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("thanks @" + name), std::string::npos) << result.out;
  result = cli().run({"mentions", "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["mentions"]["nodes"].size(), 1u) << result.out;
}

TEST_P(ClientTweetCommandsTest, ServerDownExitsWith4) {
  UnreachableServer down;
  CliRunner runner(down.url());
  for (const std::vector<std::string>& args : {std::vector<std::string>{"hashtag", "tag"},
                                               {"user", "somebody"},
                                               {"query", "{ version }"}}) {
    const auto result = runner.run(args);
    EXPECT_EQ(result.exitCode, 4) << args[0];
    EXPECT_EQ(result.err, "minitwitter-client: cannot reach the server at " + down.url() +
                              ": is it running? (set --server or MINITWITTER_SERVER)\n")
        << args[0];
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientTweetCommandsTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
