// mixed: a read-heavy mix. Each request is a weighted draw among timeline, profile,
// post, like and follow; like picks a tweet of the user's last timeline page.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "AccountSetup.h"
#include "GraphQLRequests.h"
#include "ScenarioKinds.h"
#include "TweetTexts.h"
#include "UserRandom.h"

namespace mt::load {
namespace {

constexpr int kTimelinePage = 20;
constexpr int kProfileTweets = 10;
constexpr std::uint64_t kTopics = 20;  // posts use #topic0 … #topic19

enum class Op { timeline, profile, post, like, follow };

struct MixedConfig {
  std::string userPrefix;
  std::string password;
  std::uint64_t population;  // 0: unknown, users pick among themselves and lower indexes
  std::uint64_t seed;
  // Running sums of the weights in kMixedOperations' order; the last is the total (> 0).
  std::array<std::uint64_t, kMixedOperations.size()> cumulative{};
};

// The ids in data.timeline.nodes, or nullopt when the page is not there.
std::optional<std::vector<std::string>> timelineIds(const nlohmann::json& data) {
  auto timeline = data.find("timeline");
  if (timeline == data.end() || !timeline->is_object()) return std::nullopt;
  auto nodes = timeline->find("nodes");
  if (nodes == timeline->end() || !nodes->is_array()) return std::nullopt;
  std::vector<std::string> ids;
  ids.reserve(nodes->size());
  for (const nlohmann::json& node : *nodes) {
    if (!node.is_object()) return std::nullopt;
    auto id = node.find("id");
    if (id == node.end() || !id->is_string()) return std::nullopt;
    ids.push_back(id->get<std::string>());
  }
  return ids;
}

class MixedUser final : public AccountUser {
 public:
  MixedUser(std::uint64_t index, std::shared_ptr<const MixedConfig> config)
      : AccountUser(usernameOf(config->userPrefix, index), config->password),
        config_(std::move(config)),
        index_(index),
        population_(config_->population != 0 ? config_->population : index + 1),
        random_(config_->seed, index) {}

  Request nextRequest() override {
    last_ = draw();
    switch (last_) {
      case Op::profile:
        return Request{
            "profile",
            graphql::profile(token(), usernameOf(config_->userPrefix, anyUser()), kProfileTweets)};
      case Op::post:
        return Request{"post", graphql::postTweet(token(), nextText())};
      case Op::like:
        return Request{"like",
                       graphql::like(token(), knownTweets_[random_.below(knownTweets_.size())])};
      case Op::follow:
        return Request{"follow",
                       graphql::follow(token(), usernameOf(config_->userPrefix, otherUser()))};
      case Op::timeline:
        break;
    }
    return Request{"timeline", graphql::timeline(token(), kTimelinePage)};
  }

 protected:
  Outcome handleLoopResponse(const HttpResponse& response) override {
    graphql::Reply reply = graphql::judge(response);
    if (reply.outcome.ok() && last_ == Op::timeline) {
      std::optional<std::vector<std::string>> ids = timelineIds(reply.data);
      if (!ids) return {std::string(graphql::kBadResponse)};
      knownTweets_ = std::move(*ids);
    }
    return reply.outcome;
  }

  void handleLoopFailure(std::string_view) override {}

 private:
  // The weighted draw, with the fall-backs: like without a known tweet and follow
  // without another user are timeline reads (and count as such).
  Op draw() {
    const std::uint64_t point = random_.below(config_->cumulative.back());
    std::size_t chosen = 0;
    while (config_->cumulative[chosen] <= point)
      ++chosen;
    const Op op = static_cast<Op>(chosen);
    if (op == Op::like && knownTweets_.empty()) return Op::timeline;
    if (op == Op::follow && population_ < 2) return Op::timeline;
    return op;
  }

  std::uint64_t anyUser() { return random_.below(population_); }

  // A user of the population other than this one; population_ >= 2.
  std::uint64_t otherUser() {
    if (index_ >= population_) return random_.below(population_);
    const std::uint64_t drawn = random_.below(population_ - 1);
    return drawn >= index_ ? drawn + 1 : drawn;
  }

  std::string nextText() {
    std::string tag = "topic" + std::to_string(random_.below(kTopics));
    return tweetText(username(), ++posted_, tag, {});
  }

  std::shared_ptr<const MixedConfig> config_;
  std::uint64_t index_;
  std::uint64_t population_;
  UserRandom random_;
  std::vector<std::string> knownTweets_;  // ids on the last timeline page read
  Op last_ = Op::timeline;
  std::uint64_t posted_ = 0;
};

class MixedScenario final : public Scenario {
 public:
  explicit MixedScenario(std::shared_ptr<const MixedConfig> config) : config_(std::move(config)) {}

  std::string_view name() const override { return "mixed"; }
  bool needsAccounts() const override { return true; }
  std::unique_ptr<VirtualUser> makeUser(std::uint64_t index) const override {
    return std::make_unique<MixedUser>(index, config_);
  }

 private:
  std::shared_ptr<const MixedConfig> config_;
};

}  // namespace

std::unique_ptr<Scenario> makeMixedScenario(const ScenarioSettings& settings) {
  auto config = std::make_shared<MixedConfig>();
  config->userPrefix = settings.userPrefix;
  config->password = settings.password;
  config->population = settings.population;
  config->seed = settings.seed;
  const auto weights = settings.weights.empty() ? defaultMixedWeights() : settings.weights;
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < kMixedOperations.size(); ++i) {
    auto found = weights.find(kMixedOperations[i]);
    if (found != weights.end()) sum += found->second;
    config->cumulative[i] = sum;
  }
  return std::make_unique<MixedScenario>(std::move(config));
}

}  // namespace mt::load
