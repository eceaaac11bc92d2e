// A tweet the server said it posted survives the server's sudden death: a burst of
// posts from several keep-alive connections, SIGKILL in the middle of it, a new server
// on the same database, and every answered post is there with its text.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

constexpr int kThreads = 4;
constexpr int kPostsPerThread = 100;
// The kill comes once this many posts have been answered: well inside the burst.
constexpr int kKillAfter = kThreads * kPostsPerThread / 4;

class TwitterDurabilityTest : public ::testing::TestWithParam<Backend> {};

TEST_P(TwitterDurabilityTest, EveryAnsweredPostSurvivesSigkill) {
  if (!backendAvailable(GetParam())) GTEST_SKIP() << backendName(GetParam()) << " unavailable";
  TwitterTestServer server(GetParam());
  std::vector<TwitterAccount> posters;
  {
    TwitterApi api(server.port());
    for (int i = 0; i < kThreads; ++i)
      posters.push_back(api.newAccount("durable"));
  }

  std::mutex mutex;
  std::condition_variable progress;
  std::map<std::string, std::string> answered;  // id -> text, of posts answered with success
  int finishedThreads = 0;
  std::vector<std::string> refusals;  // answers that were not a success (before the kill)
  std::atomic<bool> killed{false};

  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      GraphQLClient client(server.port());
      for (int i = 0; i < kPostsPerThread; ++i) {
        std::string text =
            "durable " + std::to_string(t) + "/" + std::to_string(i) + " \xe2\x9c\x93 '\"\\";
        GraphQLResponse response;
        try {
          response = client.execute("mutation($t: String!) { postTweet(text: $t) { id text } }",
                                    {{"t", text}}, posters[t].token);
        } catch (const std::exception&) {
          if (killed) break;  // the server is gone: whatever was in flight is unknown
          std::lock_guard lock(mutex);
          refusals.emplace_back("transport failure before the kill");
          break;
        }
        std::lock_guard lock(mutex);
        if (response.status() == 200 && !response.hasErrors()) {
          const json& tweet = response.data()["postTweet"];
          answered[tweet["id"]] = tweet["text"];
          EXPECT_EQ(tweet["text"], text);
        } else if (!killed) {
          refusals.push_back(response.describe());
        }
        progress.notify_all();
      }
      std::lock_guard lock(mutex);
      ++finishedThreads;
      progress.notify_all();
    });
  }

  std::size_t answeredAtKill;
  {
    std::unique_lock lock(mutex);
    progress.wait(lock,
                  [&] { return answered.size() >= kKillAfter || finishedThreads == kThreads; });
    killed = true;
    answeredAtKill = answered.size();
  }
  EXPECT_EQ(server.process().stop(SIGKILL), 128 + SIGKILL);
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_TRUE(refusals.empty()) << refusals.size() << " posts refused, first:\n" << refusals[0];
  ASSERT_GE(answeredAtKill, static_cast<std::size_t>(kKillAfter));
  // Answers read off the wire after the kill count too: they were sent before it.
  RecordProperty("answered", static_cast<int>(answered.size()));

  EXPECT_EQ(server.troubleInOutput(), "") << "in the killed server's output";
  server.restart();
  TwitterApi api(server.port());
  // Read back in batches of aliased tweet(id:) fields.
  std::vector<std::pair<std::string, std::string>> expected(answered.begin(), answered.end());
  std::size_t found = 0;
  for (std::size_t start = 0; start < expected.size(); start += 50) {
    std::string query = "query(";
    json variables = json::object();
    std::string selection;
    for (std::size_t i = start; i < std::min(expected.size(), start + 50); ++i) {
      std::string n = std::to_string(i);
      query += (i == start ? "$i" : ", $i");
      query += n + ": ID!";
      selection += " t" + n;
      selection += ": tweet(id: $i" + n + ") { id text }";
      variables["i" + n] = expected[i].first;
    }
    query += ") {";
    query += selection;
    json data = api.mustRun(query + " }", variables);
    for (std::size_t i = start; i < std::min(expected.size(), start + 50); ++i) {
      const json& tweet = data["t" + std::to_string(i)];
      if (tweet.is_null()) {
        ADD_FAILURE() << "post " << expected[i].first << " (\"" << expected[i].second
                      << "\") was answered, then lost";
        continue;
      }
      EXPECT_EQ(tweet["text"], expected[i].second);
      ++found;
    }
  }
  EXPECT_EQ(found, expected.size());

  // The new server takes new posts too.
  EXPECT_NO_THROW(api.postTweet(posters[0], "after the restart"));
  EXPECT_EQ(server.troubleInOutput(), "") << "in the server's output";
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterDurabilityTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
