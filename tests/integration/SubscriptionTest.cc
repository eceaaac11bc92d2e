// Subscriptions over Server-Sent Events against the real server: what a graphql-sse
// client sees on the wire, per database backend, and across two server instances on
// one PostgreSQL database.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "EventStreamClient.h"
#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kTimeline =
    "subscription { timelineTweet { id text author { username } viewerLiked } }";

json dataOf(const ServerSentEvent& event) {
  EXPECT_EQ(event.name, "next") << event.data;
  return json::parse(event.data);
}

// Waits until `condition` holds, polling; false at the deadline.
template <typename F>
bool eventually(F condition, std::chrono::milliseconds timeout = 5s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return condition();
}

class SubscriptionTest : public TwitterApiFixture {
 protected:
  // Opens a subscription and checks that the server accepted it as a stream.
  std::unique_ptr<EventStreamClient> subscribe(const std::string& query, const std::string& token) {
    auto client = std::make_unique<EventStreamClient>(server().port(), query,
                                                      EventStreamClient::Options{token});
    const WireResponse& head = client->head();
    EXPECT_EQ(head.status, 200) << head.body;
    EXPECT_EQ(head.header("content-type").value_or(""), "text/event-stream; charset=utf-8");
    EXPECT_EQ(head.header("cache-control").value_or(""), "no-cache");
    return client;
  }
};

TEST_P(SubscriptionTest, TimelineDeliversFolloweesTweetsAndOwnOnly) {
  TwitterAccount reader = api().newAccount("reader");
  TwitterAccount author = api().newAccount("author");
  TwitterAccount stranger = api().newAccount("stranger");
  api().follow(reader, author.username);
  auto stream = subscribe(kTimeline, reader.token);

  api().postTweet(stranger, "nobody follows me");
  std::string id = api().postTweet(author, "hello followers");
  json first = dataOf(stream->next().value());
  EXPECT_EQ(first["data"]["timelineTweet"]["id"], id);
  EXPECT_EQ(first["data"]["timelineTweet"]["text"], "hello followers");
  EXPECT_EQ(first["data"]["timelineTweet"]["author"]["username"], author.username);
  EXPECT_FALSE(first.contains("errors"));

  std::string own = api().postTweet(reader, "my own");
  EXPECT_EQ(dataOf(stream->next().value())["data"]["timelineTweet"]["id"], own);
}

TEST_P(SubscriptionTest, ViewerFieldsAreThoseOfTheSubscriberAtEachEvent) {
  TwitterAccount reader = api().newAccount("viewer");
  TwitterAccount author = api().newAccount("poster");
  api().follow(reader, author.username);
  auto stream = subscribe(kTimeline, reader.token);
  std::string id = api().postTweet(author, "like me later");
  EXPECT_EQ(dataOf(stream->next().value())["data"]["timelineTweet"]["viewerLiked"], false);
  api().like(reader, id);
  // A retweet is a new tweet in the timeline; its original is the one liked.
  api().retweet(author, id);
  json retweet = dataOf(stream->next().value());
  EXPECT_NE(retweet["data"]["timelineTweet"]["id"], id);
}

TEST_P(SubscriptionTest, EventsArriveInPostingOrder) {
  TwitterAccount reader = api().newAccount("ordered");
  TwitterAccount author = api().newAccount("writer");
  api().follow(reader, author.username);
  auto stream = subscribe(kTimeline, reader.token);
  std::vector<std::string> posted;
  for (int i = 0; i < 30; ++i)
    posted.push_back(api().postTweet(author, "tweet " + std::to_string(i)));
  for (int i = 0; i < 30; ++i) {
    json event = dataOf(stream->next().value());
    ASSERT_EQ(event["data"]["timelineTweet"]["id"], posted[static_cast<std::size_t>(i)]) << i;
    EXPECT_EQ(event["data"]["timelineTweet"]["text"], "tweet " + std::to_string(i));
  }
}

TEST_P(SubscriptionTest, MentionsFollowersLikesAndRetweets) {
  TwitterAccount me = api().newAccount("star");
  TwitterAccount fan = api().newAccount("fan");
  auto mentions = subscribe("subscription { mentioned { text author { username } } }", me.token);
  auto followers = subscribe("subscription { newFollower { username } }", me.token);
  auto activity = subscribe(
      "subscription { tweetActivity { kind user { username } tweet { id likeCount } } }", me.token);
  std::string mine = api().postTweet(me, "something worth liking");

  api().postTweet(fan, "hey @" + me.username + " hi");
  json mention = dataOf(mentions->next().value());
  EXPECT_EQ(mention["data"]["mentioned"]["author"]["username"], fan.username);

  api().follow(fan, me.username);
  EXPECT_EQ(dataOf(followers->next().value())["data"]["newFollower"]["username"], fan.username);

  api().like(fan, mine);
  json like = dataOf(activity->next().value());
  EXPECT_EQ(like["data"]["tweetActivity"]["kind"], "LIKE");
  EXPECT_EQ(like["data"]["tweetActivity"]["user"]["username"], fan.username);
  EXPECT_EQ(like["data"]["tweetActivity"]["tweet"]["id"], mine);
  api().retweet(fan, mine);
  EXPECT_EQ(dataOf(activity->next().value())["data"]["tweetActivity"]["kind"], "RETWEET");
}

TEST_P(SubscriptionTest, NotLoggedInGetsTheErrorAsTheOnlyEvent) {
  auto stream = subscribe(kTimeline, "");
  json result = dataOf(stream->next().value());
  EXPECT_FALSE(result.contains("data") && !result["data"].is_null()) << result;
  EXPECT_EQ(result["errors"][0]["extensions"]["code"], "UNAUTHENTICATED") << result;
  EXPECT_EQ(result["errors"][0]["path"], json::array({"timelineTweet"}));
  auto complete = stream->next();
  ASSERT_TRUE(complete.has_value());
  EXPECT_EQ(complete->name, "complete");
  EXPECT_EQ(complete->data, "");
  EXPECT_FALSE(stream->next().has_value());
}

TEST_P(SubscriptionTest, InvalidSubscriptionIsAnsweredWithJson400) {
  EventStreamClient stream(server().port(), "subscription { timelineTweet { nope } }");
  const WireResponse& head = stream.head();
  EXPECT_EQ(head.status, 400);
  EXPECT_EQ(head.header("content-type").value_or(""), "application/json; charset=utf-8");
  EXPECT_NE(head.body.find("nope"), std::string::npos) << head.body;
}

TEST_P(SubscriptionTest, QueryOverEventStreamIsOneNextThenComplete) {
  EventStreamClient stream(server().port(), "{ version }");
  EXPECT_EQ(stream.head().status, 200);
  json result = dataOf(stream.next().value());
  EXPECT_TRUE(result["data"]["version"].is_string());
  EXPECT_EQ(stream.next().value().name, "complete");
  EXPECT_FALSE(stream.next().has_value());
}

TEST_P(SubscriptionTest, SubscriptionOverPlainJsonSaysToUseEventStream) {
  TwitterAccount me = api().newAccount("plain");
  GraphQLResponse response = run(kTimeline, json::object(), me.token);
  EXPECT_EQ(response.status(), 400);
  EXPECT_NE(response.wire.body.find("text/event-stream"), std::string::npos) << response.wire.body;
}

TEST_P(SubscriptionTest, DisconnectedSubscriberIsRemovedAtOnce) {
  TwitterAccount me = api().newAccount("leaver");
  const double before = server().metric("minitwitter_live_subscribers");
  auto stream = subscribe(kTimeline, me.token);
  EXPECT_TRUE(
      eventually([&] { return server().metric("minitwitter_live_subscribers") == before + 1; }));
  stream->disconnect();
  EXPECT_TRUE(
      eventually([&] { return server().metric("minitwitter_live_subscribers") == before; }, 2s));
}

INSTANTIATE_TEST_SUITE_P(Backends, SubscriptionTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

// ---- one server per test: limits, keep-alive, shutdown ------------------------------

TEST(SubscriptionLimitsTest, QuietStreamGetsKeepAliveComments) {
  TwitterTestServer server(Backend::Sqlite, {"--sse-keepalive", "0.2"});
  TwitterApi api(server.port());
  TwitterAccount me = api.newAccount("quiet");
  EventStreamClient stream(server.port(), kTimeline, {me.token});
  ASSERT_EQ(stream.head().status, 200);
  std::this_thread::sleep_for(700ms);
  api.postTweet(me, "after the quiet");
  auto event = stream.next();
  ASSERT_TRUE(event.has_value());
  EXPECT_GE(stream.comments().size(), 2u);
  for (const std::string& comment : stream.comments())
    EXPECT_EQ(comment, "keep-alive");
}

TEST(SubscriptionLimitsTest, SlowSubscriberIsDroppedWithAFinalError) {
  TwitterTestServer server(Backend::Sqlite,
                           {"--sse-max-queued", "4096", "--sse-send-buffer", "4096"});
  TwitterApi api(server.port());
  TwitterAccount me = api.newAccount("slow");
  // A tiny receive window and no reading: the server's output for it piles up.
  EventStreamClient stream(server.port(), kTimeline, {me.token, 2048});
  ASSERT_EQ(stream.head().status, 200);
  ASSERT_TRUE(eventually([&] { return server.metric("minitwitter_live_subscribers") == 1; }));
  const std::string text(270, 'x');
  int posted = 0;
  while (posted < 3000 && server.metric("minitwitter_live_subscribers") == 1) {
    for (int i = 0; i < 50; ++i, ++posted)
      api.postTweet(me, text);
  }
  ASSERT_TRUE(eventually([&] { return server.metric("minitwitter_live_subscribers") == 0; }))
      << "still subscribed after " << posted << " tweets";
  // Reading now: the events the server had sent, then the error, then the end.
  std::optional<ServerSentEvent> last;
  std::optional<ServerSentEvent> beforeLast;
  while (auto event = stream.next(10s)) {
    beforeLast = last;
    last = event;
  }
  ASSERT_TRUE(last && beforeLast);
  EXPECT_EQ(last->name, "complete");
  json error = json::parse(beforeLast->data);
  EXPECT_EQ(error["errors"][0]["extensions"]["code"], "SLOW_CONSUMER") << beforeLast->data;
  EXPECT_LT(posted, 3000);
  EXPECT_EQ(server.troubleInOutput(), "");
}

TEST(SubscriptionLimitsTest, ShutdownCompletesEveryStream) {
  TwitterTestServer server(Backend::Sqlite);
  TwitterApi api(server.port());
  TwitterAccount me = api.newAccount("bye");
  EventStreamClient first(server.port(), kTimeline, {me.token});
  EventStreamClient second(server.port(), "subscription { newFollower { username } }", {me.token});
  ASSERT_EQ(first.head().status, 200);
  ASSERT_EQ(second.head().status, 200);
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(server.process().stop(SIGTERM), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s) << "streams held the shutdown";
  for (EventStreamClient* stream : {&first, &second}) {
    auto event = stream->next();
    ASSERT_TRUE(event.has_value());
    EXPECT_EQ(event->name, "complete");
    EXPECT_FALSE(stream->next().has_value());
  }
}

// ---- two instances, one PostgreSQL database --------------------------------------------

TEST(SubscriptionAcrossInstancesTest, TweetPostedThroughOneInstanceReachesAnother) {
  if (!backendAvailable(Backend::PostgreSql)) GTEST_SKIP() << "PostgreSQL unavailable";
  TwitterTestServer first(Backend::PostgreSql);
  TwitterTestServer second(first.databaseUrl());
  TwitterApi viaFirst(first.port());
  TwitterApi viaSecond(second.port());
  TwitterAccount reader = viaFirst.newAccount("far");
  TwitterAccount author = viaSecond.newAccount("away");
  viaFirst.follow(reader, author.username);
  EventStreamClient stream(first.port(), kTimeline, {reader.token});
  ASSERT_EQ(stream.head().status, 200);
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i)
    ids.push_back(viaSecond.postTweet(author, "from the other side " + std::to_string(i)));
  for (const std::string& id : ids) {
    json event = dataOf(stream.next().value());
    EXPECT_EQ(event["data"]["timelineTweet"]["id"], id);
    EXPECT_EQ(event["data"]["timelineTweet"]["author"]["username"], author.username);
  }
  // And the other way round, through the second instance's own listener.
  EventStreamClient back(second.port(), "subscription { newFollower { username } }",
                         {author.token});
  ASSERT_EQ(back.head().status, 200);
  TwitterAccount fan = viaFirst.newAccount("fan");
  viaFirst.follow(fan, author.username);
  EXPECT_EQ(dataOf(back.next().value())["data"]["newFollower"]["username"], fan.username);
}

}  // namespace
}  // namespace mt::testing
