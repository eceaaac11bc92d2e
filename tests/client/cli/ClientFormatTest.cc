// The pieces of the client that need no server: URLs, how times read, how tweets and
// users are shown.
#include <gtest/gtest.h>

#include <memory>

#include "ApiErrors.h"
#include "ServerUrl.h"
#include "TweetFormat.h"
#include "UserFormat.h"

namespace mt::client {
namespace {

TEST(ServerUrlTest, ParsesHostPortAndPrefix) {
  auto url = ServerUrl::parse("http://example.org:8080/");
  EXPECT_EQ(url.host, "example.org");
  EXPECT_EQ(url.port, 8080);
  EXPECT_EQ(url.apiPath(), "/api");
  EXPECT_EQ(url.canonical(), "http://example.org:8080");
  EXPECT_EQ(ServerUrl::parse("http://h").canonical(), "http://h:80");
  EXPECT_EQ(ServerUrl::parse("http://h:81/twitter/").apiPath(), "/twitter/api");
  url = ServerUrl::parse("http://[::1]:9000");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.canonical(), "http://[::1]:9000");
}

TEST(ServerUrlTest, RefusesWhatItCannotUse) {
  EXPECT_THROW(ServerUrl::parse("https://h:443"), BadServerUrl);
  EXPECT_THROW(ServerUrl::parse("h:8080"), BadServerUrl);
  EXPECT_THROW(ServerUrl::parse("http://:8080"), BadServerUrl);
  EXPECT_THROW(ServerUrl::parse("http://h:0"), BadServerUrl);
  EXPECT_THROW(ServerUrl::parse("http://h:70000"), BadServerUrl);
  EXPECT_THROW(ServerUrl::parse("http://h:80x"), BadServerUrl);
}

TEST(RelativeTimeTest, ReadsLikeATimeline) {
  const auto now = *cli::parseTimestamp("2026-11-28T12:00:00.000Z");
  EXPECT_EQ(cli::relativeTime("2026-11-28T12:00:03.000Z", now), "now");  // clock skew
  EXPECT_EQ(cli::relativeTime("2026-11-28T11:59:58.000Z", now), "now");
  EXPECT_EQ(cli::relativeTime("2026-11-28T11:59:18.000Z", now), "42s");
  EXPECT_EQ(cli::relativeTime("2026-11-28T11:57:00.000Z", now), "3m");
  EXPECT_EQ(cli::relativeTime("2026-11-28T09:30:00.000Z", now), "2h");
  EXPECT_EQ(cli::relativeTime("2026-03-05T09:30:00.000Z", now), "Mar 5");
  EXPECT_EQ(cli::relativeTime("2025-11-28T09:30:00.000Z", now), "Nov 28, 2025");
  EXPECT_EQ(cli::relativeTime("yesterday", now), "yesterday");
}

Tweet tweetBy(const std::string& username, const std::string& displayName, const std::string& id,
              const std::string& text, const std::string& createdAt) {
  Tweet tweet;
  tweet.id = id;
  tweet.author.username = username;
  tweet.author.displayName = displayName;
  tweet.text = text;
  tweet.createdAt = createdAt;
  return tweet;
}

TEST(FormatTweetTest, ShowsAuthorTimeTextAndCounts) {
  Tweet tweet = tweetBy("ada", "Ada Lovelace", "17", "two\nlines", "2026-11-28T11:57:00.000Z");
  tweet.likeCount = 2;
  const auto now = *cli::parseTimestamp("2026-11-28T12:00:00.000Z");
  EXPECT_EQ(cli::formatTweet(tweet, now),
            "Ada Lovelace @ada · 3m\n"
            "  two\n"
            "  lines\n"
            "  0 replies · 0 retweets · 2 likes · id 17\n");
  tweet.replyCount = 1;
  tweet.retweetCount = 1;
  tweet.likeCount = 1;
  EXPECT_NE(cli::formatTweet(tweet, now).find("  1 reply · 1 retweet · 1 like · id 17\n"),
            std::string::npos);
}

TEST(FormatTweetTest, ARetweetShowsItsOriginal) {
  const Tweet original = tweetBy("ada", "Ada", "17", "the original", "2026-11-28T11:00:00.000Z");
  Tweet retweet = tweetBy("charles", "Charles", "18", "", "2026-11-28T11:59:00.000Z");
  retweet.retweetOf = std::make_shared<Tweet>(original);
  const auto now = *cli::parseTimestamp("2026-11-28T12:00:00.000Z");
  EXPECT_EQ(cli::formatTweets({retweet, original}, now),
            "↻ Charles retweeted · 1m\n"
            "Ada @ada · 1h\n"
            "  the original\n"
            "  0 replies · 0 retweets · 0 likes · id 17\n"
            "\n"
            "Ada @ada · 1h\n"
            "  the original\n"
            "  0 replies · 0 retweets · 0 likes · id 17\n");
}

User someone(const std::string& username, const std::string& displayName) {
  User user;
  user.username = username;
  user.displayName = displayName;
  return user;
}

TEST(FormatUserTest, RelationshipNamesWhatHolds) {
  User user = someone("bob", "Bob");
  EXPECT_EQ(cli::relationship(user), "");
  user.viewerFollows = true;
  user.followsViewer = true;
  EXPECT_EQ(cli::relationship(user), "you follow them · follows you");
  user = someone("bob", "Bob");
  user.viewerBlocks = true;
  user.blocksViewer = true;
  EXPECT_EQ(cli::relationship(user), "you blocked them · has blocked you");
  user.isViewer = true;
  EXPECT_EQ(cli::relationship(user), "this is you");
}

TEST(FormatUserTest, ProfileShowsBioCountsAndRelationship) {
  User user = someone("ada", "Ada Lovelace");
  user.bio = "Analyst.\nPoet of numbers.";
  user.createdAt = "2025-03-05T09:30:00.000Z";
  user.tweetCount = 1;
  user.followerCount = 12;
  user.followingCount = 5;
  user.followsViewer = true;
  EXPECT_EQ(cli::formatProfile(user),
            "Ada Lovelace @ada\n"
            "  Analyst.\n"
            "  Poet of numbers.\n"
            "joined Mar 5, 2025 · 1 tweet · 12 followers · 5 following\n"
            "follows you\n");
}

TEST(FormatUserTest, TableAlignsColumnsByCharactersNotBytes) {
  User first = someone("bob", "Bébé");
  first.viewerFollows = true;
  User second = someone("charlotte", "Charlotte B");
  second.followsViewer = true;
  EXPECT_EQ(cli::formatUserTable({first, second, someone("al", "Al")}),
            "@bob        Bébé         you follow them\n"
            "@charlotte  Charlotte B  follows you\n"
            "@al         Al\n");
  EXPECT_EQ(cli::formatUserTable({}), "");
}

}  // namespace
}  // namespace mt::client
