// The Subscription fields through the engine (subscribe, then execute each event), over
// a real store and LiveEvents, on every test backend.
#include <gtest/gtest.h>

#include <any>
#include <memory>
#include <string>

#include "GraphQLEngine.h"
#include "Json.h"
#include "LiveTestSupport.h"
#include "TwitterService.h"

namespace mt::twitter::testing {
namespace {

std::string codeOf(const api::ExecutionResult& result) {
  if (result.errors.empty()) return {};
  for (const auto& [name, value] : result.errors.front().extensions) {
    if (name == "code") return value;
  }
  return {};
}

// One subscription as a transport runs it: the request, its context, the stream, and
// each event's result.
struct Subscription {
  api::GraphQLRequest request;
  api::PreparedRequest prepared;
  std::any context;
  EventRecorder payloads;
  api::SubscriptionStart start;
};

class SubscriptionResolversTest : public LiveDatabaseTest {
 protected:
  void SetUp() override {
    LiveDatabaseTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    TwitterSettings settings;
    settings.passwordCost = PasswordCost::cheap();
    service_ = std::make_unique<TwitterService>(store(), settings);
    engine_ = std::make_unique<api::GraphQLEngine>(buildTwitterSchema(*service_));
    worker_ = std::make_unique<SerialWorker>();
    live_ = std::make_unique<LiveEvents>(store(), database().changes(), worker_->submitter());
    service_->setLive(live_.get());
  }
  void TearDown() override {
    subscriptions_.clear();
    live_.reset();
    worker_.reset();
    engine_.reset();
    service_.reset();
    LiveDatabaseTest::TearDown();
  }

  api::ExecutionResult run(std::string query, std::string token = {}) {
    api::GraphQLRequest request;
    request.query = std::move(query);
    std::any context = std::make_shared<RequestContext>(*service_, std::move(token));
    return engine_->run(request, context);
  }

  // Signs up; returns the session token.
  std::string signup(const std::string& username) {
    api::ExecutionResult result = run("mutation { signup(username: \"" + username +
                                      "\", password: \"correct horse\") { token } }");
    EXPECT_TRUE(result.errors.empty()) << result.toJson();
    return result.data ? result.data->find("signup")->find("token")->asString() : std::string();
  }

  Subscription& subscribe(std::string query, std::string token) {
    auto subscription = std::make_unique<Subscription>();
    subscription->request.query = std::move(query);
    subscription->prepared = engine_->prepare(subscription->request);
    EXPECT_EQ(subscription->prepared.stage, api::PreparedRequest::Stage::Ready);
    subscription->context = std::make_shared<RequestContext>(*service_, std::move(token));
    subscription->start =
        engine_->subscribe(subscription->prepared, subscription->request, subscription->context,
                           subscription->payloads.callback());
    subscriptions_.push_back(std::move(subscription));
    return *subscriptions_.back();
  }

  // The JSON result of the subscription's `index`th event (waiting for it).
  std::string eventJson(Subscription& subscription, std::size_t index) {
    std::vector<api::Resolved> payloads = subscription.payloads.waitFor(index + 1);
    if (payloads.size() <= index) return "no event";
    return engine_
        ->executeEvent(subscription.prepared, subscription.request, subscription.context,
                       payloads[index])
        .toJson();
  }

  std::unique_ptr<TwitterService> service_;
  std::unique_ptr<api::GraphQLEngine> engine_;
  std::unique_ptr<SerialWorker> worker_;
  std::unique_ptr<LiveEvents> live_;
  std::vector<std::unique_ptr<Subscription>> subscriptions_;
};

TEST_P(SubscriptionResolversTest, TimelineTweetsArriveAsTweets) {
  const std::string alice = signup("alice");
  const std::string bob = signup("bob");
  ASSERT_TRUE(run("mutation { follow(username: \"alice\") { id } }", bob).errors.empty());
  Subscription& timeline =
      subscribe("subscription { timelineTweet { text author { username } } }", bob);
  ASSERT_NE(timeline.start.stream, nullptr) << timeline.start.errors.toJson();
  EXPECT_EQ(live_->subscriberCount(), 1u);

  ASSERT_TRUE(run("mutation { postTweet(text: \"live!\") { id } }", alice).errors.empty());
  EXPECT_EQ(eventJson(timeline, 0),
            R"({"data":{"timelineTweet":{"text":"live!","author":{"username":"alice"}}}})");
  timeline.start.stream.reset();
  EXPECT_EQ(live_->subscriberCount(), 0u);
}

TEST_P(SubscriptionResolversTest, EveryTopicHasItsPayload) {
  const std::string alice = signup("alice");
  const std::string bob = signup("bob");
  Subscription& mentioned = subscribe("subscription { mentioned { text } }", bob);
  Subscription& followers = subscribe("subscription { newFollower { username } }", bob);
  Subscription& activity =
      subscribe("subscription { tweetActivity { kind user { username } tweet { text } } }", bob);
  for (Subscription* subscription : {&mentioned, &followers, &activity})
    ASSERT_NE(subscription->start.stream, nullptr) << subscription->start.errors.toJson();

  ASSERT_TRUE(run("mutation { postTweet(text: \"hi @bob\") { id } }", alice).errors.empty());
  EXPECT_EQ(eventJson(mentioned, 0), R"({"data":{"mentioned":{"text":"hi @bob"}}})");
  ASSERT_TRUE(run("mutation { follow(username: \"bob\") { id } }", alice).errors.empty());
  EXPECT_EQ(eventJson(followers, 0), R"({"data":{"newFollower":{"username":"alice"}}})");

  api::ExecutionResult posted = run("mutation { postTweet(text: \"mine\") { id } }", bob);
  ASSERT_TRUE(posted.errors.empty()) << posted.toJson();
  const std::string id = posted.data->find("postTweet")->find("id")->asString();
  ASSERT_TRUE(run("mutation { like(id: \"" + id + "\") { id } }", alice).errors.empty());
  ASSERT_TRUE(run("mutation { retweet(id: \"" + id + "\") { id } }", alice).errors.empty());
  EXPECT_EQ(eventJson(activity, 0),
            R"({"data":{"tweetActivity":{"kind":"LIKE","user":{"username":"alice"},)"
            R"("tweet":{"text":"mine"}}}})");
  EXPECT_EQ(eventJson(activity, 1),
            R"({"data":{"tweetActivity":{"kind":"RETWEET","user":{"username":"alice"},)"
            R"("tweet":{"text":"mine"}}}})");
}

TEST_P(SubscriptionResolversTest, SubscribingNeedsALogin) {
  Subscription& anonymous = subscribe("subscription { timelineTweet { id } }", {});
  EXPECT_EQ(anonymous.start.stream, nullptr);
  EXPECT_EQ(codeOf(anonymous.start.errors), "UNAUTHENTICATED");
  Subscription& revoked = subscribe("subscription { mentioned { id } }", "no-such-token");
  EXPECT_EQ(revoked.start.stream, nullptr);
  EXPECT_EQ(codeOf(revoked.start.errors), "UNAUTHENTICATED");
  EXPECT_EQ(live_->subscriberCount(), 0u);
}

TEST_P(SubscriptionResolversTest, WithoutLiveEventsSubscriptionsAreUnavailable) {
  const std::string bob = signup("bob");
  service_->setLive(nullptr);
  Subscription& timeline = subscribe("subscription { newFollower { id } }", bob);
  EXPECT_EQ(timeline.start.stream, nullptr);
  EXPECT_EQ(codeOf(timeline.start.errors), "SERVICE_UNAVAILABLE");
}

INSTANTIATE_TEST_SUITE_P(Backends, SubscriptionResolversTest,
                         ::testing::ValuesIn(mt::testing::testBackends()), backendTestName);

}  // namespace
}  // namespace mt::twitter::testing
