// The pieces of the client that need no server: URLs and how times read.
#include <gtest/gtest.h>

#include "ApiErrors.h"
#include "ServerUrl.h"
#include "TweetFormat.h"

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

TEST(FormatTweetTest, ShowsAuthorTimeTextAndCounts) {
  Tweet tweet;
  tweet.id = "17";
  tweet.author.username = "ada";
  tweet.author.displayName = "Ada Lovelace";
  tweet.text = "two\nlines";
  tweet.createdAt = "2026-11-28T11:57:00.000Z";
  tweet.likeCount = 2;
  const auto now = *cli::parseTimestamp("2026-11-28T12:00:00.000Z");
  EXPECT_EQ(cli::formatTweet(tweet, now),
            "Ada Lovelace @ada · 3m\n"
            "  two\n"
            "  lines\n"
            "  0 replies · 0 retweets · 2 likes · id 17\n");
}

}  // namespace
}  // namespace mt::client
