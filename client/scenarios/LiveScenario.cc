// live: pushed tweets. Users [0, posters) post, each tweet stamped with its send time
// ("t=<Unix µs>", CLOCK_REALTIME); every other user follows all posters during its
// set-up and then holds a timelineTweet subscription open, reading the stamp of each
// tweet pushed to it, so that push latency = receive time - send time on any host
// that shares the posters' clock.
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "AccountSetup.h"
#include "GraphQLRequests.h"
#include "LiveStamp.h"
#include "ScenarioKinds.h"

namespace mt::load {
namespace {

struct LiveConfig {
  std::string userPrefix;
  std::string password;
  std::uint64_t posters;
};

std::int64_t unixNowNs() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

class LivePoster final : public AccountUser {
 public:
  LivePoster(std::uint64_t index, const LiveConfig& config)
      : AccountUser(usernameOf(config.userPrefix, index), config.password) {}

  Request nextRequest() override {
    return Request{"post", graphql::postTweet(token(), stampedText(unixNowNs(), ++posted_))};
  }

 protected:
  Outcome handleLoopResponse(const HttpResponse& response) override {
    return graphql::judge(response).outcome;
  }
  void handleLoopFailure(std::string_view) override {}

 private:
  std::uint64_t posted_ = 0;
};

class LiveSubscriber final : public VirtualUser {
 public:
  LiveSubscriber(std::uint64_t index, std::shared_ptr<const LiveConfig> config)
      : config_(std::move(config)),
        account_(usernameOf(config_->userPrefix, index), config_->password) {}

  // Its account, then a follow of each poster in turn (idempotent: a re-run on the same
  // database follows again harmlessly).
  std::optional<Request> nextSetupRequest() override {
    awaitingAccount_ = !account_.done();
    if (awaitingAccount_) return account_.next();
    if (followed_ < config_->posters) {
      return Request{"follow",
                     graphql::follow(account_.token(), usernameOf(config_->userPrefix, followed_))};
    }
    return std::nullopt;
  }

  Outcome handleResponse(const HttpResponse& response) override {
    if (awaitingAccount_) return account_.handleResponse(response);
    Outcome outcome = graphql::judge(response).outcome;
    if (outcome.ok()) ++followed_;
    return outcome;
  }

  void handleFailure(std::string_view) override {}

  // Never asked: a subscriber makes no loop requests.
  Request nextRequest() override {
    return Request{"timeline", graphql::timeline(account_.token(), 1)};
  }

  std::optional<Request> subscription() override {
    return Request{"subscribe", graphql::subscribeTimeline(account_.token())};
  }

  PushOutcome handleStreamEvent(std::string_view type, std::string_view data) override {
    PushOutcome outcome;
    if (type == "complete") {
      outcome.completed = true;
    } else if (type == "next") {
      readPushedTweet(data, outcome);
    }
    return outcome;
  }

 private:
  static void readPushedTweet(std::string_view data, PushOutcome& outcome) {
    const nlohmann::json result = nlohmann::json::parse(data, nullptr, false);
    if (!result.is_object()) {
      outcome.errorKind = graphql::kBadResponse;
      return;
    }
    auto errors = result.find("errors");
    if (errors != result.end() && errors->is_array() && !errors->empty()) {
      outcome.errorKind = graphql::graphqlErrorKind(*errors);
      return;
    }
    const nlohmann::json* text = nullptr;
    if (auto payload = result.find("data"); payload != result.end() && payload->is_object()) {
      if (auto tweet = payload->find("timelineTweet");
          tweet != payload->end() && tweet->is_object()) {
        if (auto found = tweet->find("text"); found != tweet->end() && found->is_string()) {
          text = &*found;
        }
      }
    }
    if (text == nullptr) {
      outcome.errorKind = graphql::kBadResponse;
      return;
    }
    // A tweet without a stamp (not this run's) is an event but no measured delivery.
    if (auto sent = stampOf(text->get_ref<const std::string&>())) outcome.sentUnixNs = *sent;
  }

  std::shared_ptr<const LiveConfig> config_;
  AccountSetup account_;
  bool awaitingAccount_ = false;
  std::uint64_t followed_ = 0;  // posters [0, followed_) are followed
};

class LiveScenario final : public Scenario {
 public:
  explicit LiveScenario(std::shared_ptr<const LiveConfig> config) : config_(std::move(config)) {}

  std::string_view name() const override { return "live"; }
  bool needsAccounts() const override { return true; }
  std::unique_ptr<VirtualUser> makeUser(std::uint64_t index) const override {
    if (!subscribes(index)) return std::make_unique<LivePoster>(index, *config_);
    return std::make_unique<LiveSubscriber>(index, config_);
  }
  bool subscribes(std::uint64_t index) const override { return index >= config_->posters; }
  bool hasSubscribers() const override { return true; }

 private:
  std::shared_ptr<const LiveConfig> config_;
};

}  // namespace

std::unique_ptr<Scenario> makeLiveScenario(const ScenarioSettings& settings) {
  auto config = std::make_shared<LiveConfig>();
  config->userPrefix = settings.userPrefix;
  config->password = settings.password;
  config->posters = settings.posters;
  return std::make_unique<LiveScenario>(std::move(config));
}

}  // namespace mt::load
