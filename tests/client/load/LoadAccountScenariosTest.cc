// The scenarios with accounts (original, mixed) end to end on both storage backends:
// no errors, the operations each scenario makes, and the server's state afterwards.
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <set>

#include "LoadTestSupport.h"
#include "TwitterApi.h"
#include "TwitterApiFixture.h"

namespace mt::testing::loadtests {
namespace {

// What the server knows of one user.
struct UserState {
  std::int64_t tweetCount = 0;
  std::set<std::string> following;
};

class LoadAccountScenariosTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!backendAvailable(GetParam())) {
      GTEST_SKIP() << backendName(GetParam()) << " unavailable";
    }
    server_ = std::make_unique<TwitterTestServer>(GetParam());
    cli_ = std::make_unique<CliRunner>(urlOf(*server_));
    api_ = std::make_unique<TwitterApi>(server_->port());
  }
  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->troubleInOutput(), "") << "in the server's output";
    }
  }

  UserState userState(const std::string& username) {
    const auto data = api_->mustRun(
        "query($u: String!) { user(username: $u) { tweetCount followingCount "
        "following(first: 50) { nodes { username } } } }",
        {{"u", username}});
    const auto& user = data.at("user");
    if (user.is_null()) throw std::runtime_error("no user " + username);
    UserState state;
    state.tweetCount = user.at("tweetCount").get<std::int64_t>();
    for (const auto& node : user.at("following").at("nodes"))
      state.following.insert(node.at("username").get<std::string>());
    return state;
  }

  static std::uint64_t successes(const load::RunResults& results, const std::string& operation) {
    auto found = results.operations.find(operation);
    if (found == results.operations.end()) return 0;
    return found->second.count() - found->second.errorCount();
  }

  std::unique_ptr<TwitterTestServer> server_;
  std::unique_ptr<CliRunner> cli_;
  std::unique_ptr<TwitterApi> api_;
  TempFolder folder_;
};

// original with clusters of 3 and 6 users: users 0-2 and 3-5 each follow the two other
// members of their cluster, and nobody else; each posted.
TEST_P(LoadAccountScenariosTest, OriginalFollowsEachClusterAndPosts) {
  const auto run = runLoad(*cli_, folder_,
                           {"--scenario", "original", "--users", "6", "--connections", "6",
                            "--cluster-size", "3", "--user-prefix", "orig", "--duration", "2s"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& results = *run.results;
  EXPECT_EQ(results.metadata.scenario, "original");
  EXPECT_EQ(results.metadata.virtualUsers, 6u);
  EXPECT_EQ(operationNames(results), (std::vector<std::string>{"follow", "post", "timeline"}));
  EXPECT_EQ(results.totals().errorCount(), 0u) << "errors in the run";
  for (const auto& [name, stats] : results.operations)
    EXPECT_TRUE(stats.errors().empty()) << name << " has errors";
  // The summary on standard output: a row per operation and the totals.
  for (const char* row : {"follow", "post", "timeline", "total"})
    EXPECT_NE(run.cli.out.find(row), std::string::npos) << row << " in\n" << run.cli.out;
  // Each user follows its two cluster mates, once each.
  EXPECT_EQ(successes(results, "follow"), 6u * 2u);

  std::int64_t tweets = 0;
  for (int i = 0; i < 6; ++i) {
    const std::string name = "orig" + std::to_string(i);
    SCOPED_TRACE(name);
    const auto state = userState(name);
    std::set<std::string> mates;
    for (int j = i / 3 * 3; j < i / 3 * 3 + 3; ++j) {
      if (j != i) mates.insert("orig" + std::to_string(j));
    }
    EXPECT_EQ(state.following, mates);
    EXPECT_GE(state.tweetCount, 1);
    tweets += state.tweetCount;
  }
  // Every post recorded made a tweet; at most one per user was still in flight at the end.
  const auto posts = static_cast<std::int64_t>(successes(results, "post"));
  EXPECT_GE(tweets, posts);
  EXPECT_LE(tweets, posts + 6);
}

TEST_P(LoadAccountScenariosTest, MixedMakesEveryOperationWithoutErrors) {
  const auto run = runLoad(*cli_, folder_,
                           {"--scenario", "mixed", "--users", "4", "--connections", "4",
                            "--user-prefix", "mix", "--seed", "7", "--duration", "2s"});
  ASSERT_TRUE(run.results) << run.describe();
  const auto& results = *run.results;
  EXPECT_EQ(results.metadata.scenario, "mixed");
  EXPECT_EQ(operationNames(results),
            (std::vector<std::string>{"follow", "like", "post", "profile", "timeline"}));
  for (const auto& [name, stats] : results.operations) {
    EXPECT_GT(stats.count(), 0u) << name;
    EXPECT_TRUE(stats.errors().empty())
        << name << " has errors, e.g. " << stats.errors().begin()->first;
    EXPECT_EQ(perSecondTotal(stats), stats.count()) << name;
  }
  // Read-heavy: the default weights make timeline reads the most frequent.
  const auto& timeline = results.operations.at("timeline");
  for (const auto& [name, stats] : results.operations)
    EXPECT_LE(stats.count(), timeline.count()) << name;

  std::int64_t tweets = 0;
  for (int i = 0; i < 4; ++i)
    tweets += userState("mix" + std::to_string(i)).tweetCount;
  const auto posts = static_cast<std::int64_t>(successes(results, "post"));
  EXPECT_GE(tweets, posts);
  EXPECT_LE(tweets, posts + 4);
}

TEST_P(LoadAccountScenariosTest, WeightsChooseTheOperations) {
  const auto run =
      runLoad(*cli_, folder_,
              {"--scenario", "mixed", "--users", "2", "--connections", "2", "--user-prefix", "wgt",
               "--weights", "timeline=3,post=1", "--duration", "1s"});
  ASSERT_TRUE(run.results) << run.describe();
  EXPECT_EQ(operationNames(*run.results), (std::vector<std::string>{"post", "timeline"}));
  EXPECT_EQ(run.results->totals().errorCount(), 0u);
}

// A second run with the same users logs in instead of signing up: still no errors.
TEST_P(LoadAccountScenariosTest, SecondRunReusesTheAccounts) {
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE(round);
    const auto run = runLoad(*cli_, folder_,
                             {"--scenario", "original", "--users", "3", "--connections", "3",
                              "--cluster-size", "3", "--user-prefix", "again", "--requests", "30"});
    ASSERT_TRUE(run.results) << run.describe();
    EXPECT_EQ(run.results->totals().count(), 30u);
    EXPECT_EQ(run.results->totals().errorCount(), 0u);
  }
  EXPECT_EQ(userState("again0").following, (std::set<std::string>{"again1", "again2"}));
}

// Two processes, as on two Mininet hosts: disjoint --user-offset ranges of one
// --population make one cluster of six across both, and their documents merge.
TEST_P(LoadAccountScenariosTest, ProcessesWithOffsetsShareOnePopulation) {
  auto runProcess = [this](const std::string& offset, const std::string& host) {
    return runLoad(*cli_, folder_,
                   {"--scenario", "original", "--users", "3", "--connections", "3", "--user-offset",
                    offset, "--population", "6", "--cluster-size", "6", "--user-prefix", "pop",
                    "--host-name", host, "--duration", "2s"});
  };
  auto second = std::async(std::launch::async, runProcess, "3", "host-b");
  const auto first = runProcess("0", "host-a");
  const auto other = second.get();
  ASSERT_TRUE(first.results) << first.describe();
  ASSERT_TRUE(other.results) << other.describe();
  // A follow of a user the other process has not signed up yet fails and is retried,
  // so errors are allowed here; the state at the end is not.
  for (int i = 0; i < 6; ++i) {
    const std::string name = "pop" + std::to_string(i);
    SCOPED_TRACE(name);
    std::set<std::string> others;
    for (int j = 0; j < 6; ++j) {
      if (j != i) others.insert("pop" + std::to_string(j));
    }
    EXPECT_EQ(userState(name).following, others);
  }
  const auto merged = load::merge(*first.results, *other.results);
  EXPECT_EQ(merged.metadata.virtualUsers, 6u);
  EXPECT_EQ(merged.metadata.hosts, (std::vector<std::string>{"host-a", "host-b"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, LoadAccountScenariosTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing::loadtests
