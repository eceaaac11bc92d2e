// Subscriptions: createSourceEventStream starts the root field's event stream,
// executeSubscriptionEvent turns each event into a response.

#include <gtest/gtest.h>

#include <any>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ExecutionTestSupport.h"
#include "ResponsePath.h"
#include "Subscribe.h"

namespace mt::api {
namespace {

using testing::json;
using testing::normalized;

// What the subscribe resolvers saw, and how many of their streams were destroyed.
struct SubscribeLog {
  std::vector<std::string> calls;
  std::atomic<int> destroyed{0};
};

// A source that emits `count` payloads (0, 1, ...) from a thread of its own, as a
// database notification listener would; destroying it stops and joins that thread.
class ThreadedStream : public SourceEventStream {
 public:
  ThreadedStream(SubscribeLog& log, EventCallback emit, int count) : log_(log) {
    thread_ = std::thread([this, emit = std::move(emit), count] {
      for (int i = 0; i < count && !stopped_; ++i)
        emit(Value(i));
    });
  }
  ~ThreadedStream() override {
    stopped_ = true;
    thread_.join();
    ++log_.destroyed;
  }

 private:
  SubscribeLog& log_;
  std::atomic<bool> stopped_{false};
  std::thread thread_;
};

class SubscribeTest : public ::testing::Test {
 protected:
  SubscribeTest() {
    const auto recording = [this](int count) {
      return [this, count](SubscribeParams params) -> std::unique_ptr<SourceEventStream> {
        log_.calls.push_back(std::string(params.info.parentTypeName) + "." +
                             std::string(params.info.fieldName) + toJson(params.args) + " at " +
                             std::get<std::string>(params.info.path->toSegments().front()) +
                             " for " + std::any_cast<std::string>(params.context));
        return std::make_unique<ThreadedStream>(log_, std::move(params.emit), count);
      };
    };
    schema_ =
        SchemaBuilder(R"(
          type Query { version: Int }
          type Tick { count: Int! label: String parity: String! }
          type Subscription {
            tick(from: Int!): Int!
            ticked(every: Int = 1): Tick
            strict: Tick!
            mapped: Int
            failing: Int
            crashing: Int
            streamless: Int
            unsubscribable: Int
          }
        )")
            .subscriber("Subscription", "tick", recording(3))
            .subscriber("Subscription", "ticked", recording(0))
            .subscriber("Subscription", "strict", recording(0))
            .subscriber("Subscription", "mapped", recording(0))
            .resolver("Subscription", "mapped",
                      [](const ResolveParams& params) -> Resolved {
                        return Value(*params.parent.objectAs<int>() * 10);
                      })
            .subscriber("Subscription", "failing",
                        [](SubscribeParams) -> std::unique_ptr<SourceEventStream> {
                          throw GraphQLError("Not allowed").withExtension("code", "FORBIDDEN");
                        })
            .subscriber("Subscription", "crashing",
                        [](SubscribeParams) -> std::unique_ptr<SourceEventStream> {
                          throw std::runtime_error("database down");
                        })
            .subscriber(
                "Subscription", "streamless",
                [](SubscribeParams) -> std::unique_ptr<SourceEventStream> { return nullptr; })
            .resolver("Tick", "parity",
                      [](const ResolveParams& params) -> Resolved {
                        const std::int64_t count = params.parent.member("count").value().asInt();
                        if (count % 2 != 0) throw std::runtime_error("odd");
                        return Value("even");
                      })
            .build();
  }

  ExecutionArgs args() {
    ExecutionArgs result(*schema_, *document_, variables_, context_);
    result.operationName = operationName_;
    result.limits = limits_;
    return result;
  }

  SubscriptionStart start(const std::string& query, const std::string& variables = "{}",
                          std::string operationName = {}) {
    use(query, variables, std::move(operationName));
    return createSourceEventStream(args(), [this](Resolved payload) {
      const std::lock_guard lock(mutex_);
      payloads_.push_back(std::move(payload));
      arrived_.notify_all();
    });
  }

  // The errors of a start that must have failed, as JSON.
  std::string failure(const std::string& query, const std::string& variables = "{}",
                      std::string operationName = {}) {
    const SubscriptionStart started = start(query, variables, std::move(operationName));
    EXPECT_EQ(started.stream, nullptr);
    EXPECT_FALSE(started.errors.data.has_value());
    EXPECT_FALSE(started.errors.errors.empty());
    return started.errors.toJson();
  }

  void use(const std::string& query, const std::string& variables = "{}",
           std::string operationName = {}) {
    document_ = parse(query);
    variables_ = json(variables);
    operationName_ = std::move(operationName);
  }

  std::string event(const Resolved& payload) {
    return executeSubscriptionEvent(args(), payload).toJson();
  }

  std::vector<Resolved> waitForPayloads(std::size_t count) {
    std::unique_lock lock(mutex_);
    EXPECT_TRUE(arrived_.wait_for(lock, std::chrono::seconds(10),
                                  [&] { return payloads_.size() >= count; }));
    return payloads_;
  }

  SubscribeLog log_;
  std::shared_ptr<const Schema> schema_;
  std::shared_ptr<const ast::Document> document_;
  Value variables_;
  std::string operationName_;
  std::any context_ = std::string("alice");
  ExecutionLimits limits_;

  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<Resolved> payloads_;
};

TEST_F(SubscribeTest, StartsTheRootFieldsStreamAndExecutesEachEvent) {
  SubscriptionStart started = start("subscription { tick(from: 3) }");
  ASSERT_NE(started.stream, nullptr);
  EXPECT_TRUE(started.errors.errors.empty());
  EXPECT_FALSE(started.errors.data.has_value());
  EXPECT_EQ(log_.calls,
            std::vector<std::string>{"Subscription.tick{\"from\":3} at tick for alice"});

  // The stream's own thread emitted; this one turns the payloads into responses.
  std::vector<std::string> responses;
  for (const Resolved& payload : waitForPayloads(3))
    responses.push_back(event(payload));
  EXPECT_EQ(responses, (std::vector<std::string>{R"({"data":{"tick":0}})", R"({"data":{"tick":1}})",
                                                 R"({"data":{"tick":2}})"}));

  EXPECT_EQ(log_.destroyed, 0);
  started.stream.reset();
  EXPECT_EQ(log_.destroyed, 1);
}

TEST_F(SubscribeTest, ChoosesTheOperationAsExecuteDoes) {
  const std::string document =
      "query Q { version } subscription S { tick(from: 1) } subscription T { tick(from: 2) }";
  EXPECT_NE(start(document, "{}", "T").stream, nullptr);
  EXPECT_EQ(log_.calls.back(), "Subscription.tick{\"from\":2} at tick for alice");
  EXPECT_EQ(
      failure(document),
      R"({"errors":[{"message":"Must provide operation name if query contains multiple operations."}]})");
  EXPECT_EQ(failure(document, "{}", "U"),
            R"({"errors":[{"message":"Unknown operation named \"U\"."}]})");
  EXPECT_EQ(
      failure(document, "{}", "Q"),
      R"({"errors":[{"message":"Not a subscription operation","locations":[{"line":1,"column":1}]}]})");
  EXPECT_EQ(
      failure("mutation { version }"),
      R"({"errors":[{"message":"Not a subscription operation","locations":[{"line":1,"column":1}]}]})");
  EXPECT_EQ(log_.calls.size(), 1u);
}

TEST_F(SubscribeTest, CoercesVariablesAsExecuteDoes) {
  EXPECT_NE(start("subscription ($n: Int!) { tick(from: $n) }", R"({"n": 4})").stream, nullptr);
  EXPECT_EQ(log_.calls.back(), "Subscription.tick{\"from\":4} at tick for alice");
  const std::string invalid =
      failure("subscription ($n: Int!) { tick(from: $n) }", R"({"n": "x"})");
  // The same as execute() gives (the operation type padded to keep the columns).
  EXPECT_EQ(
      invalid,
      executeRequest(*schema_,
                     testing::Request("query        ($n: Int!) { version }").vars(R"({"n": "x"})"))
          .toJson());
  EXPECT_NE(invalid.find("Int cannot represent non-integer value"), std::string::npos);
  EXPECT_EQ(
      failure("subscription { tick(from: 1) }", "[1]"),
      R"({"errors":[{"message":"Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided."}]})");
  EXPECT_EQ(log_.calls.size(), 1u);
}

TEST_F(SubscribeTest, TheFirstCollectedRootFieldIsTheSubscription) {
  // @skip, @include and fragments apply as in execution.
  EXPECT_NE(start(R"(subscription {
                       skipped: tick(from: 1) @skip(if: true)
                       ... on Subscription { ticked(every: 2) @include(if: true) { count } }
                     })")
                .stream,
            nullptr);
  EXPECT_NE(start("subscription { ...F } fragment F on Subscription { t: tick(from: 5) }").stream,
            nullptr);
  EXPECT_NE(start("subscription ($s: Boolean!) { ticked @skip(if: $s) { count } tick(from: 6) }",
                  R"({"s": true})")
                .stream,
            nullptr);
  EXPECT_EQ(log_.calls, (std::vector<std::string>{
                            "Subscription.ticked{\"every\":2} at ticked for alice",
                            "Subscription.tick{\"from\":5} at t for alice",
                            "Subscription.tick{\"from\":6} at tick for alice",
                        }));
  EXPECT_EQ(
      failure("subscription ($s: Boolean!) { tick(from: 1) @skip(if: $s) }", R"({"s": true})"),
      R"({"errors":[{"message":"The subscription selects no root field.","locations":[{"line":1,"column":1}]}]})");
}

TEST_F(SubscribeTest, RootFieldProblemsAreLocated) {
  EXPECT_EQ(
      failure("subscription {\n  nope\n}"),
      R"({"errors":[{"message":"The subscription field \"nope\" is not defined.","locations":[{"line":2,"column":3}]}]})");
  EXPECT_EQ(
      failure("subscription { unsubscribable }"),
      R"({"errors":[{"message":"Subscription field has no subscribe resolver","locations":[{"line":1,"column":16}]}]})");
  // Argument errors are the field's, as in execute(): with the path, which uses the alias.
  EXPECT_EQ(
      failure("subscription { t: tick }"),
      R"({"errors":[{"message":"Argument \"from\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":16}],"path":["t"]}]})");
  EXPECT_EQ(
      failure("subscription { tick(from: \"x\") }"),
      R"({"errors":[{"message":"Argument \"from\" has invalid value \"x\".","locations":[{"line":1,"column":27}],"path":["tick"]}]})");
  EXPECT_TRUE(log_.calls.empty());
}

TEST_F(SubscribeTest, SubscribeResolverErrorsAreTheRootFieldsErrors) {
  EXPECT_EQ(
      failure("subscription { denied: failing }"),
      R"({"errors":[{"message":"Not allowed","locations":[{"line":1,"column":16}],"path":["denied"],"extensions":{"code":"FORBIDDEN"}}]})");
  EXPECT_EQ(
      failure("subscription { crashing }"),
      R"({"errors":[{"message":"database down","locations":[{"line":1,"column":16}],"path":["crashing"]}]})");
  EXPECT_EQ(
      failure("subscription { streamless }"),
      R"({"errors":[{"message":"The subscribe resolver of field \"Subscription.streamless\" returned no event stream.","locations":[{"line":1,"column":16}],"path":["streamless"]}]})");
}

TEST_F(SubscribeTest, ASchemaWithoutSubscriptionsSaysSo) {
  schema_ = SchemaBuilder("type Query { version: Int }").build();
  EXPECT_EQ(
      failure("subscription { tick }"),
      R"({"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}]})");
  EXPECT_EQ(
      event(Value(1)),
      R"({"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}],"data":null})");
}

TEST_F(SubscribeTest, APayloadIsTheValueOfARootFieldWithoutResolver) {
  use("subscription { t: tick(from: 1) }");
  EXPECT_EQ(event(Value(7)), R"({"data":{"t":7}})");
  // Completed as any value is: a non-null root field that cannot be completed nulls data.
  EXPECT_EQ(
      event(Value("seven")),
      R"({"errors":[{"message":"Int cannot represent non-integer value: \"seven\"","locations":[{"line":1,"column":16}],"path":["t"]}],"data":null})");

  use(R"(subscription ($verbose: Boolean!) {
           ticked { ...T label @include(if: $verbose) __typename }
         }
         fragment T on Tick { n: count })",
      R"({"verbose": false})");
  EXPECT_EQ(event(json(R"({"count": 2, "label": "two"})")),
            R"({"data":{"ticked":{"n":2,"__typename":"Tick"}}})");
  EXPECT_EQ(event(nullptr), R"({"data":{"ticked":null}})");
}

TEST_F(SubscribeTest, ARootResolverGetsThePayloadAsItsParent) {
  use("subscription { mapped }");
  EXPECT_EQ(event(Resolved::object(4)), R"({"data":{"mapped":40}})");
  EXPECT_EQ(event(Resolved::object(5)), R"({"data":{"mapped":50}})");
}

TEST_F(SubscribeTest, FieldErrorsPropagateAsInExecute) {
  use("subscription { ticked { count parity } }");
  EXPECT_EQ(event(json(R"({"count": 2})")), R"({"data":{"ticked":{"count":2,"parity":"even"}}})");
  EXPECT_EQ(
      event(json(R"({"count": 3})")),
      R"({"errors":[{"message":"odd","locations":[{"line":1,"column":31}],"path":["ticked","parity"]}],"data":{"ticked":null}})");
  use("subscription { strict { parity } }");
  EXPECT_EQ(
      event(json(R"({"count": 3})")),
      R"({"errors":[{"message":"odd","locations":[{"line":1,"column":25}],"path":["strict","parity"]}],"data":null})");
}

TEST_F(SubscribeTest, EventsKeepExecutionLimits) {
  limits_.maxResultValues = 2;
  use("subscription { ticked { count label } }");
  EXPECT_EQ(
      event(json(R"({"count": 2, "label": "two"})")),
      R"({"errors":[{"message":"Execution stopped: the response would hold more than 2 values."}],"data":null})");
}

TEST_F(SubscribeTest, TypenameAtTheRootOfAnEvent) {
  // Validation refuses it at the root of a subscription; execution still answers it.
  use("subscription { __typename tick(from: 1) }");
  EXPECT_EQ(event(Value(3)), R"({"data":{"__typename":"Subscription","tick":3}})");
}

TEST_F(SubscribeTest, EventsAreForSubscriptionsOnly) {
  use("query { version }");
  EXPECT_EQ(
      event(Value(1)),
      R"({"errors":[{"message":"Not a subscription operation","locations":[{"line":1,"column":1}]}]})");
  EXPECT_EQ(executeRequest(*schema_, testing::Request("subscription { tick(from: 1) }"))
                .errors.front()
                .message(),
            kSubscriptionNotSupportedMessage);
}

TEST_F(SubscribeTest, IntrospectionShowsTheSubscriptionType) {
  EXPECT_EQ(testing::run(*schema_,
                         "{ __schema { subscriptionType { name fields { name } } } "
                         "__type(name: \"Subscription\") { fields(includeDeprecated: true) { name "
                         "args { name type { kind ofType { name } } } } } }"),
            normalized(R"({"data": {
        "__schema": {"subscriptionType": {"name": "Subscription", "fields": [
          {"name": "tick"}, {"name": "ticked"}, {"name": "strict"}, {"name": "mapped"},
          {"name": "failing"}, {"name": "crashing"}, {"name": "streamless"},
          {"name": "unsubscribable"}]}},
        "__type": {"fields": [
          {"name": "tick", "args": [{"name": "from", "type": {"kind": "NON_NULL", "ofType": {"name": "Int"}}}]},
          {"name": "ticked", "args": [{"name": "every", "type": {"kind": "SCALAR", "ofType": null}}]},
          {"name": "strict", "args": []}, {"name": "mapped", "args": []},
          {"name": "failing", "args": []}, {"name": "crashing", "args": []},
          {"name": "streamless", "args": []}, {"name": "unsubscribable", "args": []}]}}})"));
}

}  // namespace
}  // namespace mt::api
