// Requests that race: the same change sent at once from several connections is made
// once, and different changes to one counter all count. The server runs them on its
// worker pool, so they meet in the database as concurrent transactions.
#include <gtest/gtest.h>

#include <functional>
#include <latch>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

constexpr int kRacers = 8;

class TwitterConcurrencyTest : public TwitterApiFixture {
 protected:
  // Runs `request(i, client)` on kRacers threads, each with a connection of its own,
  // released together; their responses in thread order.
  std::vector<GraphQLResponse> race(
      const std::function<GraphQLResponse(int, GraphQLClient&)>& request) {
    std::vector<GraphQLResponse> responses(kRacers);
    std::vector<std::string> failures(kRacers);
    std::latch ready(kRacers);
    std::vector<std::thread> threads;
    threads.reserve(kRacers);
    for (int i = 0; i < kRacers; ++i) {
      threads.emplace_back([&, i] {
        GraphQLClient client(server().port());
        try {
          client.execute("{ version }");  // connected and warm before the start
          ready.arrive_and_wait();
          responses[i] = request(i, client);
        } catch (const std::exception& e) {
          failures[i] = e.what();
        }
      });
    }
    for (std::thread& thread : threads)
      thread.join();
    for (const std::string& failure : failures)
      EXPECT_EQ(failure, "") << "a request got no answer";
    return responses;
  }

  // Every response a success.
  static void expectAllSucceeded(const std::vector<GraphQLResponse>& responses) {
    for (const GraphQLResponse& response : responses) {
      EXPECT_EQ(response.status(), 200) << response.describe();
      EXPECT_FALSE(response.hasErrors()) << response.describe();
    }
  }
};

TEST_P(TwitterConcurrencyTest, RacingSignupsForOneNameMakeOneAccount) {
  std::string username = uniqueUsername("Racer");
  auto responses = race([&](int i, GraphQLClient& client) {
    std::string spelling = username;
    if (i % 2 == 1) {
      for (char& c : spelling)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return client.execute(
        "mutation($u: String!, $p: String!) { signup(username: $u, password: $p) { user { id } "
        "} }",
        {{"u", spelling}, {"p", kTestPassword}});
  });
  int created = 0;
  for (const GraphQLResponse& response : responses) {
    if (!response.hasErrors()) {
      ++created;
    } else {
      EXPECT_TRUE(isGraphQLError(response, "CONFLICT", "username"));
    }
  }
  EXPECT_EQ(created, 1);
}

TEST_P(TwitterConcurrencyTest, TheSameChangeSentAtOnceIsMadeOnce) {
  TwitterAccount author = api().newAccount("racedover");
  TwitterAccount fan = api().newAccount("eager");
  std::string tweetId = api().postTweet(author, "race for me");

  for (const char* mutation : {"mutation($id: ID!) { like(id: $id) { id } }",
                               "mutation($id: ID!) { retweet(id: $id) { id } }"}) {
    SCOPED_TRACE(mutation);
    expectAllSucceeded(race([&](int, GraphQLClient& client) {
      return client.execute(mutation, {{"id", tweetId}}, fan.token);
    }));
  }
  expectAllSucceeded(race([&](int, GraphQLClient& client) {
    return client.execute("mutation($u: String!) { follow(username: $u) { id } }",
                          {{"u", author.username}}, fan.token);
  }));

  json after = mustRun(
      "query($id: ID!, $a: String!, $f: String!) { tweet(id: $id) { likeCount retweetCount } "
      "author: user(username: $a) { followerCount } fan: user(username: $f) { followingCount "
      "tweetCount tweets { nodes { id } } } }",
      {{"id", tweetId}, {"a", author.username}, {"f", fan.username}});
  EXPECT_EQ(after["tweet"]["likeCount"], 1);
  EXPECT_EQ(after["tweet"]["retweetCount"], 1);
  EXPECT_EQ(after["author"]["followerCount"], 1);
  EXPECT_EQ(after["fan"]["followingCount"], 1);
  EXPECT_EQ(after["fan"]["tweetCount"], 1);
  EXPECT_EQ(after["fan"]["tweets"]["nodes"].size(), 1u);
}

TEST_P(TwitterConcurrencyTest, ConcurrentChangesToOneCounterAllCount) {
  TwitterAccount author = api().newAccount("popular");
  std::string tweetId = api().postTweet(author, "like me, all of you");
  std::vector<TwitterAccount> fans;
  fans.reserve(kRacers);
  for (int i = 0; i < kRacers; ++i)
    fans.push_back(api().newAccount("fan"));

  expectAllSucceeded(race([&](int i, GraphQLClient& client) {
    return client.execute("mutation($id: ID!) { like(id: $id) { id } }", {{"id", tweetId}},
                          fans[i].token);
  }));
  expectAllSucceeded(race([&](int i, GraphQLClient& client) {
    return client.execute("mutation($u: String!) { follow(username: $u) { id } }",
                          {{"u", author.username}}, fans[i].token);
  }));
  expectAllSucceeded(race([&](int i, GraphQLClient& client) {
    return client.execute(
        "mutation($id: ID!) { postTweet(text: \"an answer\", replyTo: $id) { "
        "id } }",
        {{"id", tweetId}}, fans[i].token);
  }));
  // The author posts from every connection at once.
  auto posts = race([&](int i, GraphQLClient& client) {
    return client.execute("mutation($t: String!) { postTweet(text: $t) { id } }",
                          {{"t", "parallel " + std::to_string(i)}}, author.token);
  });
  expectAllSucceeded(posts);

  json after = mustRun(
      "query($id: ID!, $a: String!) { tweet(id: $id) { likeCount replyCount } user(username: $a) "
      "{ followerCount tweetCount tweets(first: 100) { nodes { id } } } }",
      {{"id", tweetId}, {"a", author.username}});
  EXPECT_EQ(after["tweet"]["likeCount"], kRacers);
  EXPECT_EQ(after["tweet"]["replyCount"], kRacers);
  EXPECT_EQ(after["user"]["followerCount"], kRacers);
  EXPECT_EQ(after["user"]["tweetCount"], kRacers + 1);
  std::set<std::string> ids;
  for (const json& node : after["user"]["tweets"]["nodes"])
    ids.insert(node["id"].get<std::string>());
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kRacers + 1));
  for (const GraphQLResponse& post : posts) {
    if (!post.hasErrors()) {
      EXPECT_TRUE(ids.count(post.data()["postTweet"]["id"].get<std::string>()));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterConcurrencyTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
