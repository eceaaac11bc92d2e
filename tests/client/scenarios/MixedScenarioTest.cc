// mixed: weighted draws, like from the last timeline page, follow of another user.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "Scenario.h"
#include "ScenarioTestSupport.h"

namespace mt::load {
namespace {

using testing::Responses;
using testing::variablesOf;

class MixedScenarioTest : public ::testing::Test {
 protected:
  std::unique_ptr<VirtualUser> readyUserWith(std::uint64_t index, ScenarioSettings settings) {
    settings.name = "mixed";
    scenario_ = makeScenario(settings);
    EXPECT_EQ(scenario_->name(), "mixed");
    auto user = scenario_->makeUser(index);
    testing::signUp(*user, responses_);
    return user;
  }
  std::unique_ptr<VirtualUser> readyUser(std::uint64_t index,
                                         std::map<std::string, unsigned, std::less<>> weights,
                                         std::uint64_t population = 100) {
    ScenarioSettings settings;
    settings.weights = std::move(weights);
    settings.population = population;
    return readyUserWith(index, settings);
  }

  // Answers `request` with success; timelines with `page`.
  void answer(VirtualUser& user, const Request& request,
              const std::vector<std::string>& page = {"11", "12", "13"}) {
    Outcome outcome = user.handleResponse(
        request.operation == "timeline" ? responses_.timeline(page) : responses_.data({{"x", 1}}));
    EXPECT_TRUE(outcome.ok()) << request.operation << ": " << outcome.errorKind;
  }

  std::unique_ptr<Scenario> scenario_;
  Responses responses_;
};

TEST_F(MixedScenarioTest, DefaultWeightsAreReadHeavy) {
  auto weights = defaultMixedWeights();
  EXPECT_EQ(weights,
            (std::map<std::string, unsigned, std::less<>>{
                {"timeline", 60}, {"profile", 15}, {"post", 10}, {"like", 10}, {"follow", 5}}));
}

// A statistical test with a fixed seed, so deterministic: over 10,000 draws each
// operation's share is within 1.5 points of its weight (≥ 3 standard deviations).
TEST_F(MixedScenarioTest, FrequenciesFollowTheWeights) {
  for (std::uint64_t seed : {1u, 42u}) {
    ScenarioSettings settings;
    settings.population = 1000;
    settings.seed = seed;
    auto user = readyUserWith(17, settings);
    std::map<std::string, int> counts;
    constexpr int kDraws = 10000;
    for (int i = 0; i < kDraws; ++i) {
      Request request = user->nextRequest();
      ++counts[std::string(request.operation)];
      answer(*user, request);
    }
    for (const auto& [operation, weight] : defaultMixedWeights()) {
      const double share = 100.0 * counts[operation] / kDraws;
      EXPECT_NEAR(share, weight, 1.5) << operation << " with seed " << seed;
    }
    EXPECT_EQ(counts.size(), 5u);
  }
}

TEST_F(MixedScenarioTest, OnlyOperationsWithWeightAreDrawn) {
  auto user = readyUser(3, {{"profile", 1}, {"follow", 3}, {"timeline", 0}});
  std::map<std::string, int> counts;
  for (int i = 0; i < 400; ++i) {
    Request request = user->nextRequest();
    ++counts[std::string(request.operation)];
    answer(*user, request);
  }
  EXPECT_EQ(counts.size(), 2u);
  EXPECT_GT(counts["follow"], counts["profile"]);
}

TEST_F(MixedScenarioTest, LikeFallsBackToTimelineUntilATweetIsKnown) {
  auto user = readyUser(0, {{"like", 1}});
  Request first = user->nextRequest();
  EXPECT_EQ(first.operation, "timeline");
  answer(*user, first, {});  // an empty page: still nothing to like
  Request second = user->nextRequest();
  EXPECT_EQ(second.operation, "timeline");
  answer(*user, second, {"41", "42"});
  std::set<std::string> liked;
  for (int i = 0; i < 50; ++i) {
    Request request = user->nextRequest();
    ASSERT_EQ(request.operation, "like");
    liked.insert(variablesOf(request)["id"].get<std::string>());
    answer(*user, request);
  }
  EXPECT_EQ(liked, (std::set<std::string>{"41", "42"}));
}

TEST_F(MixedScenarioTest, LikesComeFromTheLastTimelinePage) {
  auto user = readyUser(0, {{"like", 1}, {"timeline", 1}});
  const std::vector<std::vector<std::string>> pages = {{"7", "8"}, {"99"}, {"5", "6", "7"}};
  std::vector<std::string> lastPage;
  int timelines = 0;
  int likes = 0;
  for (int i = 0; i < 300; ++i) {
    Request request = user->nextRequest();
    if (request.operation == "like") {
      ++likes;
      const std::string id = variablesOf(request)["id"].get<std::string>();
      EXPECT_NE(std::find(lastPage.begin(), lastPage.end(), id), lastPage.end()) << i << " " << id;
      answer(*user, request);
    } else {
      ASSERT_EQ(request.operation, "timeline");
      lastPage = pages[timelines++ % pages.size()];
      answer(*user, request, lastPage);
    }
  }
  EXPECT_GT(likes, 100);
  EXPECT_GT(timelines, 100);
}

TEST_F(MixedScenarioTest, FollowsAnotherUserOfThePopulation) {
  auto user = readyUser(4, {{"follow", 1}}, 10);
  std::set<std::string> followed;
  for (int i = 0; i < 500; ++i) {
    Request request = user->nextRequest();
    ASSERT_EQ(request.operation, "follow");
    EXPECT_NE(testing::bodyOf(request)["query"].get<std::string>().find("follow("),
              std::string::npos);
    followed.insert(variablesOf(request)["u"].get<std::string>());
    answer(*user, request);
  }
  std::set<std::string> others;
  for (int i = 0; i < 10; ++i) {
    if (i != 4) others.insert("load" + std::to_string(i));
  }
  EXPECT_EQ(followed, others);
}

TEST_F(MixedScenarioTest, FollowWithoutAnotherUserReadsTheTimeline) {
  auto user = readyUser(0, {{"follow", 1}}, 1);
  for (int i = 0; i < 5; ++i) {
    Request request = user->nextRequest();
    EXPECT_EQ(request.operation, "timeline");
    answer(*user, request);
  }
}

TEST_F(MixedScenarioTest, ProfilesReadAnyUserWithTenTweets) {
  auto user = readyUser(2, {{"profile", 1}}, 5);
  std::set<std::string> read;
  for (int i = 0; i < 200; ++i) {
    Request request = user->nextRequest();
    ASSERT_EQ(request.operation, "profile");
    EXPECT_EQ(variablesOf(request)["n"], 10);
    EXPECT_NE(testing::bodyOf(request)["query"].get<std::string>().find("user(username:"),
              std::string::npos);
    read.insert(variablesOf(request)["u"].get<std::string>());
    // A user who has not signed up yet is null: still a success.
    EXPECT_TRUE(user->handleResponse(responses_.data({{"user", nullptr}})).ok());
  }
  EXPECT_EQ(read, (std::set<std::string>{"load0", "load1", "load2", "load3", "load4"}));
}

TEST_F(MixedScenarioTest, PostsCarryAHashtag) {
  auto user = readyUser(2, {{"post", 1}});
  for (int i = 0; i < 20; ++i) {
    Request request = user->nextRequest();
    ASSERT_EQ(request.operation, "post");
    const std::string text = variablesOf(request)["t"].get<std::string>();
    EXPECT_NE(text.find("#topic"), std::string::npos) << text;
    EXPECT_NE(text.find("load2"), std::string::npos) << text;
    answer(*user, request);
  }
}

TEST_F(MixedScenarioTest, ATimelineWithoutNodesIsABadResponse) {
  auto user = readyUser(0, {{"timeline", 1}});
  user->nextRequest();
  EXPECT_EQ(user->handleResponse(responses_.data({{"timeline", {{"nodes", 3}}}})).errorKind,
            "bad_response");
  user->nextRequest();
  EXPECT_EQ(user->handleResponse(responses_.data({{"other", 1}})).errorKind, "bad_response");
  user->nextRequest();
  user->handleFailure("timeout");
  EXPECT_EQ(user->nextRequest().operation, "timeline");
}

// The same seed and index make the same requests; another seed or index, others.
TEST_F(MixedScenarioTest, ChoicesAreDeterministicPerSeedAndUser) {
  auto run = [this](std::uint64_t seed, std::uint64_t index) {
    ScenarioSettings settings;
    settings.population = 1000;
    settings.seed = seed;
    auto user = readyUserWith(index, settings);
    std::string trace;
    for (int i = 0; i < 200; ++i) {
      Request request = user->nextRequest();
      trace += std::string(request.operation) + variablesOf(request).dump() + "\n";
      answer(*user, request);
    }
    return trace;
  };
  EXPECT_EQ(run(5, 1), run(5, 1));
  EXPECT_NE(run(5, 1), run(6, 1));
  EXPECT_NE(run(5, 1), run(5, 2));
}

}  // namespace
}  // namespace mt::load
