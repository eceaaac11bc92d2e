// original: the original course project's client. Each user signs up, then loops
// post → follow → timeline, following one more member of its cluster per iteration
// until it follows them all; after that post → timeline.
#include <algorithm>
#include <deque>
#include <limits>
#include <memory>
#include <utility>

#include "AccountSetup.h"
#include "GraphQLRequests.h"
#include "ScenarioKinds.h"
#include "TweetTexts.h"
#include "UserRandom.h"

namespace mt::load {
namespace {

constexpr int kTimelinePage = 20;

struct OriginalConfig {
  std::string userPrefix;
  std::string password;
  std::uint64_t population;  // 0: unknown, clusters are not cut
  std::uint64_t clusterSize;
  std::uint64_t seed;
};

// The members of `index`'s cluster other than itself, in order: those not yet followed
// come from a cursor over the cluster's range; a follow that fails (NOT_FOUND: the
// member has not signed up yet, perhaps in another process) waits in `retry_` and is
// tried again once the cursor is through. Memory stays small for large clusters.
class FollowPlan {
 public:
  FollowPlan(std::uint64_t index, const OriginalConfig& config) : self_(index) {
    first_ = index / config.clusterSize * config.clusterSize;
    const std::uint64_t room = std::numeric_limits<std::uint64_t>::max() - first_;
    end_ = first_ + std::min(config.clusterSize, room);
    if (config.population != 0) end_ = std::min(end_, std::max(config.population, index + 1));
    cursor_ = first_;
    skipSelf();
  }

  bool done() const { return cursor_ == end_ && retry_.empty(); }
  // The member to follow next; !done().
  std::uint64_t next() const { return cursor_ != end_ ? cursor_ : retry_.front(); }

  void followed() { take(); }
  void failed() { retry_.push_back(take()); }

  // A member other than self chosen by `draw` in [0, others), or none.
  std::uint64_t others() const { return end_ - first_ - (self_ < end_ ? 1 : 0); }
  std::uint64_t other(std::uint64_t draw) const {
    std::uint64_t member = first_ + draw;
    return member >= self_ && self_ < end_ ? member + 1 : member;
  }

 private:
  std::uint64_t take() {
    std::uint64_t member;
    if (cursor_ != end_) {
      member = cursor_++;
      skipSelf();
    } else {
      member = retry_.front();
      retry_.pop_front();
    }
    return member;
  }
  void skipSelf() {
    if (cursor_ == self_ && cursor_ != end_) ++cursor_;
  }

  std::uint64_t self_;
  std::uint64_t first_;
  std::uint64_t end_;
  std::uint64_t cursor_;
  std::deque<std::uint64_t> retry_;
};

class OriginalUser final : public AccountUser {
 public:
  OriginalUser(std::uint64_t index, std::shared_ptr<const OriginalConfig> config)
      : AccountUser(usernameOf(config->userPrefix, index), config->password),
        config_(std::move(config)),
        plan_(index, *config_),
        random_(config_->seed, index),
        tag_("cluster" + std::to_string(index / config_->clusterSize)) {}

  Request nextRequest() override {
    last_ = next_;
    switch (next_) {
      case Step::post:
        next_ = plan_.done() ? Step::timeline : Step::follow;
        return Request{"post", graphql::postTweet(token(), nextText())};
      case Step::follow:
        next_ = Step::timeline;
        return Request{"follow",
                       graphql::follow(token(), usernameOf(config_->userPrefix, plan_.next()))};
      case Step::timeline:
        break;
    }
    next_ = Step::post;
    return Request{"timeline", graphql::timeline(token(), kTimelinePage)};
  }

 protected:
  Outcome handleLoopResponse(const HttpResponse& response) override {
    graphql::Reply reply = graphql::judge(response);
    if (last_ == Step::follow) {
      if (reply.outcome.ok()) {
        plan_.followed();
      } else {
        plan_.failed();
      }
    }
    return reply.outcome;
  }

  void handleLoopFailure(std::string_view) override {
    if (last_ == Step::follow) plan_.failed();
  }

 private:
  enum class Step { post, follow, timeline };

  // About half the tweets mention a cluster member, as the original's did sometimes.
  std::string nextText() {
    std::string mention;
    if (plan_.others() > 0 && random_.chance(1, 2)) {
      mention = usernameOf(config_->userPrefix, plan_.other(random_.below(plan_.others())));
    }
    return tweetText(username(), ++posted_, tag_, mention);
  }

  std::shared_ptr<const OriginalConfig> config_;  // shared: users may outlive the scenario
  FollowPlan plan_;
  UserRandom random_;
  std::string tag_;
  Step next_ = Step::post;
  Step last_ = Step::post;
  std::uint64_t posted_ = 0;
};

class OriginalScenario final : public Scenario {
 public:
  explicit OriginalScenario(OriginalConfig config)
      : config_(std::make_shared<const OriginalConfig>(std::move(config))) {}

  std::string_view name() const override { return "original"; }
  bool needsAccounts() const override { return true; }
  std::unique_ptr<VirtualUser> makeUser(std::uint64_t index) const override {
    return std::make_unique<OriginalUser>(index, config_);
  }

 private:
  std::shared_ptr<const OriginalConfig> config_;
};

}  // namespace

std::unique_ptr<Scenario> makeOriginalScenario(const ScenarioSettings& settings) {
  return std::make_unique<OriginalScenario>(OriginalConfig{settings.userPrefix, settings.password,
                                                           settings.population,
                                                           settings.clusterSize, settings.seed});
}

}  // namespace mt::load
