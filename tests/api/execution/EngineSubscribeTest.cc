// GraphQLEngine's subscription entry points: prepare() validates, subscribe() and
// executeEvent() run with the engine's schema.

#include <gtest/gtest.h>

#include <any>
#include <memory>
#include <string>
#include <vector>

#include "GraphQLEngine.h"
#include "SchemaBuilder.h"

namespace mt::api {
namespace {

struct NoEvents : SourceEventStream {};

class EngineSubscribeTest : public ::testing::Test {
 protected:
  GraphQLEngine engine_{
      SchemaBuilder("type Query { version: Int } type Subscription { tick(from: Int!): Int! }")
          .subscriber("Subscription", "tick",
                      [this](SubscribeParams params) -> std::unique_ptr<SourceEventStream> {
                        from_.push_back(params.args.find("from")->asInt());
                        return std::make_unique<NoEvents>();
                      })
          .build()};
  std::vector<std::int64_t> from_;
  std::any context_;
};

TEST_F(EngineSubscribeTest, SubscribesAndExecutesEvents) {
  GraphQLRequest request;
  request.query = "query Q { version } subscription S($n: Int!) { t: tick(from: $n) }";
  request.operationName = "S";
  request.variables = Value(Value::Object{{"n", Value(2)}});
  const PreparedRequest prepared = engine_.prepare(request);
  ASSERT_EQ(prepared.stage, PreparedRequest::Stage::Ready);
  EXPECT_TRUE(GraphQLEngine::isSubscription(prepared));

  const SubscriptionStart start = engine_.subscribe(prepared, request, context_, [](Resolved) {});
  EXPECT_NE(start.stream, nullptr);
  EXPECT_TRUE(start.errors.errors.empty());
  EXPECT_EQ(from_, std::vector<std::int64_t>{2});
  EXPECT_EQ(engine_.executeEvent(prepared, request, context_, Value(5)).toJson(),
            R"({"data":{"t":5}})");
  // execute() still refuses a subscription.
  EXPECT_EQ(engine_.execute(prepared, request, context_).errors.front().message(),
            kSubscriptionNotSupportedMessage);
}

TEST_F(EngineSubscribeTest, AQueryIsNoSubscription) {
  GraphQLRequest request;
  request.query = "query Q { version } subscription S { tick(from: 1) }";
  request.operationName = "Q";
  const PreparedRequest prepared = engine_.prepare(request);
  ASSERT_EQ(prepared.stage, PreparedRequest::Stage::Ready);
  EXPECT_FALSE(GraphQLEngine::isSubscription(prepared));
  const SubscriptionStart start = engine_.subscribe(prepared, request, context_, [](Resolved) {});
  EXPECT_EQ(start.stream, nullptr);
  ASSERT_EQ(start.errors.errors.size(), 1u);
  EXPECT_EQ(start.errors.errors.front().message(), kNotSubscriptionMessage);
  EXPECT_TRUE(from_.empty());
}

TEST_F(EngineSubscribeTest, ValidationKeepsSubscriptionsToOneRootField) {
  GraphQLRequest request;
  request.query = "subscription { a: tick(from: 1) b: tick(from: 2) }";
  const PreparedRequest prepared = engine_.prepare(request);
  EXPECT_EQ(prepared.stage, PreparedRequest::Stage::ValidationFailed);
  EXPECT_FALSE(GraphQLEngine::isSubscription(prepared));
}

}  // namespace
}  // namespace mt::api
