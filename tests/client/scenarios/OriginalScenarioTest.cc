// original: post → follow → timeline per iteration over the cluster, NOT_FOUND retried.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "Scenario.h"
#include "ScenarioTestSupport.h"

namespace mt::load {
namespace {

using testing::Responses;
using testing::variablesOf;

struct Step {
  std::string operation;
  std::string detail;  // follow: the username followed
  bool operator==(const Step&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Step& step) {
  return out << step.operation << (step.detail.empty() ? "" : " " + step.detail);
}

class OriginalScenarioTest : public ::testing::Test {
 protected:
  std::unique_ptr<VirtualUser> readyUser(std::uint64_t index, std::uint64_t population = 100,
                                         std::uint64_t clusterSize = 5) {
    ScenarioSettings settings;
    settings.name = "original";
    settings.population = population;
    settings.clusterSize = clusterSize;
    auto scenario = makeScenario(settings);
    EXPECT_EQ(scenario->name(), "original");
    auto user = scenario->makeUser(index);
    testing::signUp(*user, responses_);
    return user;
  }

  // Asks for the next request and answers it: follows of `missing` users with
  // NOT_FOUND, everything else with success.
  Step step(VirtualUser& user, const std::set<std::string>& missing = {}) {
    Request request = user.nextRequest();
    Step result{std::string(request.operation), {}};
    if (request.operation == "follow") {
      result.detail = variablesOf(request)["u"].get<std::string>();
      if (missing.count(result.detail)) {
        EXPECT_EQ(user.handleResponse(responses_.error("NOT_FOUND", "follow")).errorKind,
                  "graphql:NOT_FOUND");
        return result;
      }
    }
    if (request.operation == "timeline") {
      EXPECT_EQ(variablesOf(request)["n"], 20);
      EXPECT_TRUE(user.handleResponse(responses_.timeline({"3", "2"})).ok());
    } else {
      EXPECT_TRUE(user.handleResponse(responses_.data({{"x", 1}})).ok());
    }
    return result;
  }

  std::vector<Step> steps(VirtualUser& user, int count, const std::set<std::string>& missing = {}) {
    std::vector<Step> result;
    for (int i = 0; i < count; ++i)
      result.push_back(step(user, missing));
    return result;
  }

  Responses responses_;
};

TEST_F(OriginalScenarioTest, PostsFollowsEachClusterMemberAndReadsTheTimeline) {
  auto user = readyUser(7);  // cluster 1: users 5..9
  std::vector<Step> expected = {
      {"post", ""},        {"follow", "load5"}, {"timeline", ""},    {"post", ""},
      {"follow", "load6"}, {"timeline", ""},    {"post", ""},        {"follow", "load8"},
      {"timeline", ""},    {"post", ""},        {"follow", "load9"}, {"timeline", ""},
      {"post", ""},        {"timeline", ""},    {"post", ""},        {"timeline", ""}};
  EXPECT_EQ(steps(*user, static_cast<int>(expected.size())), expected);
}

TEST_F(OriginalScenarioTest, ANotFoundFollowIsRetriedOnALaterIteration) {
  auto user = readyUser(7);
  std::set<std::string> missing = {"load5"};
  std::vector<Step> follows;
  for (int i = 0; i < 18; ++i) {
    if (i == 15) missing.clear();  // load5 signs up at last
    Step done = step(*user, missing);
    if (done.operation == "follow") follows.push_back(done);
  }
  std::vector<Step> expected = {{"follow", "load5"}, {"follow", "load6"}, {"follow", "load8"},
                                {"follow", "load9"}, {"follow", "load5"}, {"follow", "load5"}};
  EXPECT_EQ(follows, expected);
  EXPECT_EQ(steps(*user, 4),
            (std::vector<Step>{{"post", ""}, {"timeline", ""}, {"post", ""}, {"timeline", ""}}));
}

TEST_F(OriginalScenarioTest, AFollowWithoutAnswerIsRetriedToo) {
  auto user = readyUser(0, 100, 2);  // cluster 0: users 0, 1
  EXPECT_EQ(user->nextRequest().operation, "post");
  user->handleResponse(responses_.data({{"x", 1}}));
  Request follow = user->nextRequest();
  ASSERT_EQ(follow.operation, "follow");
  EXPECT_EQ(variablesOf(follow)["u"], "load1");
  user->handleFailure("timeout");
  EXPECT_EQ(
      steps(*user, 4),
      (std::vector<Step>{{"timeline", ""}, {"post", ""}, {"follow", "load1"}, {"timeline", ""}}));
  EXPECT_EQ(steps(*user, 2), (std::vector<Step>{{"post", ""}, {"timeline", ""}}));
}

TEST_F(OriginalScenarioTest, TheLastClusterIsCutAtThePopulation) {
  auto user = readyUser(6, 8, 5);  // cluster 1: users 5..7 of 8
  std::vector<Step> follows;
  for (const Step& done : steps(*user, 12)) {
    if (done.operation == "follow") follows.push_back(done);
  }
  EXPECT_EQ(follows, (std::vector<Step>{{"follow", "load5"}, {"follow", "load7"}}));
}

TEST_F(OriginalScenarioTest, AClusterOfOneOnlyPostsAndReads) {
  auto user = readyUser(4, 100, 1);
  EXPECT_EQ(steps(*user, 4),
            (std::vector<Step>{{"post", ""}, {"timeline", ""}, {"post", ""}, {"timeline", ""}}));
}

TEST_F(OriginalScenarioTest, TweetsCarryAHashtagAndSometimesMentionAClusterMember) {
  auto user = readyUser(12);  // cluster 2: users 10..14
  std::set<std::string> mentioned;
  int withMention = 0;
  int posts = 0;
  for (int i = 0; i < 200; ++i) {
    Request request = user->nextRequest();
    if (request.operation == "post") {
      ++posts;
      const std::string text = variablesOf(request)["t"].get<std::string>();
      EXPECT_NE(text.find("#cluster2"), std::string::npos) << text;
      EXPECT_LE(text.size(), 280u);
      if (std::size_t at = text.find('@'); at != std::string::npos) {
        ++withMention;
        const std::size_t end = text.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", at + 1);
        mentioned.insert(text.substr(at + 1, end == std::string::npos ? end : end - at - 1));
      }
    }
    user->handleResponse(request.operation == "timeline" ? responses_.timeline({})
                                                         : responses_.data({{"x", 1}}));
  }
  EXPECT_GT(withMention, 0);
  EXPECT_LT(withMention, posts);
  EXPECT_EQ(mentioned, (std::set<std::string>{"load10", "load11", "load13", "load14"}));
}

TEST_F(OriginalScenarioTest, ErrorsOfLoopRequestsAreReported) {
  auto user = readyUser(0);
  EXPECT_EQ(user->nextRequest().operation, "post");
  EXPECT_EQ(user->handleResponse(responses_.make(500, "oops")).errorKind, "http_500");
  EXPECT_EQ(user->nextRequest().operation, "follow");
  EXPECT_EQ(user->handleResponse(responses_.error("FORBIDDEN")).errorKind, "graphql:FORBIDDEN");
  EXPECT_EQ(user->nextRequest().operation, "timeline");
  EXPECT_EQ(user->handleResponse(responses_.make(200, "<html>")).errorKind, "bad_response");
}

}  // namespace
}  // namespace mt::load
