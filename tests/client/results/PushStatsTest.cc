#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "PushStats.h"
#include "RunResults.h"
#include "RunResultsFixtures.h"

namespace mt::load {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using namespace mt::load::testing;

// What `subscribers` streams of one live process measured, `offsetNs` after kT0;
// `seed` varies the latencies. Delivery i is received (i % subscribers) ms after kT0.
PushStats samplePush(std::uint64_t subscribers, std::int64_t offsetNs, int seed) {
  PushStats push;
  push.subscribers = subscribers;
  push.subscribersPeak = subscribers;
  push.subscribersAtEnd = subscribers - 1;
  for (int i = 0; i < 400; ++i) {
    const std::int64_t at = kT0 + offsetNs + i * 7 * kMs;
    push.deliveries.recordSuccess(200'000 + ((i * 7919 + seed * 104'729) % 9'000) * 1'000, at);
  }
  push.events = 400 + 3;  // three unstamped events (e.g. a warm-up tweet)
  push.streamErrors["graphql:SLOW_CONSUMER"] = 1;
  return push;
}

RunResults liveResults(const std::string& host, std::int64_t offsetNs, int seed) {
  RunResults r = sampleResults(host, offsetNs, seed);
  r.metadata.scenario = "live";
  r.push = samplePush(50, offsetNs, seed);
  return r;
}

TEST(PushStatsTest, JsonRoundTripIsExact) {
  const PushStats original = samplePush(50, 0, 1);
  const json written = pushToJson(original);
  EXPECT_TRUE(pushFromJson(written, "$.push") == original);
  EXPECT_EQ(pushToJson(pushFromJson(written, "$.push")), written);
}

TEST(PushStatsTest, JsonHasTheDocumentedShape) {
  const json doc = pushToJson(samplePush(50, 0, 1));
  EXPECT_EQ(doc.at("subscribers"), 50);
  EXPECT_EQ(doc.at("subscribersPeak"), 50);
  EXPECT_EQ(doc.at("subscribersAtEnd"), 49);
  EXPECT_EQ(doc.at("events"), 403);
  EXPECT_EQ(doc.at("streamErrors").at("graphql:SLOW_CONSUMER"), 1);
  const json& deliveries = doc.at("deliveries");
  EXPECT_EQ(deliveries.at("count"), 400);
  EXPECT_TRUE(deliveries.at("errors").empty());
  EXPECT_TRUE(deliveries.at("summary").contains("p99Ns"));
  EXPECT_EQ(deliveries.at("perSecond").at(0).at("unixSecond"), 1'795'881'600);
}

TEST(PushStatsTest, EmptyPushRoundTrips) {
  const PushStats empty;
  EXPECT_TRUE(pushFromJson(pushToJson(empty), "$.push") == empty);
}

TEST(PushStatsTest, MergeAddsEverythingExactly) {
  PushStats a = samplePush(50, 0, 1);
  const PushStats b = samplePush(30, 250 * kMs, 2);
  PushStats expected;
  expected.deliveries = a.deliveries;
  expected.deliveries.merge(b.deliveries);
  a.streamErrors["closed"] = 2;

  a.merge(b);
  EXPECT_EQ(a.subscribers, 80u);
  EXPECT_EQ(a.subscribersPeak, 80u);  // both held their streams the whole run
  EXPECT_EQ(a.subscribersAtEnd, 78u);
  EXPECT_EQ(a.events, 806u);
  EXPECT_EQ(a.streamErrors.at("graphql:SLOW_CONSUMER"), 2u);
  EXPECT_EQ(a.streamErrors.at("closed"), 2u);
  EXPECT_EQ(a.streamErrors.size(), 2u);
  EXPECT_TRUE(a.deliveries == expected.deliveries);
  EXPECT_EQ(a.deliveries.count(), 800u);
}

TEST(PushStatsTest, MergeIsCommutative) {
  PushStats ab = samplePush(50, 0, 1);
  ab.merge(samplePush(30, 250 * kMs, 2));
  PushStats ba = samplePush(30, 250 * kMs, 2);
  ba.merge(samplePush(50, 0, 1));
  EXPECT_TRUE(ab == ba);
}

TEST(PushStatsTest, ResultsWithPushAreVersionTwoAndRoundTrip) {
  const RunResults original = liveResults("client-1", 0, 1);
  const std::string text = original.toJsonText();
  EXPECT_EQ(json::parse(text).at("schema"), "minitwitter-load-results/2");
  const RunResults read = RunResults::fromJsonText(text);
  EXPECT_TRUE(read == original);
  EXPECT_EQ(read.toJsonText(), text);
}

TEST(PushStatsTest, ResultsWithoutPushStayVersionOne) {
  EXPECT_EQ(sampleResults("client-1", 0, 1).toJson().at("schema"), "minitwitter-load-results/1");
  EXPECT_FALSE(sampleResults("client-1", 0, 1).toJson().contains("push"));
}

TEST(PushStatsTest, MergedResultsAddThePushSections) {
  const RunResults merged = merge(liveResults("a", 0, 1), liveResults("b", 300 * kMs, 2));
  ASSERT_TRUE(merged.push.has_value());
  PushStats expected = samplePush(50, 0, 1);
  expected.merge(samplePush(50, 300 * kMs, 2));
  EXPECT_TRUE(*merged.push == expected);
  EXPECT_TRUE(RunResults::fromJsonText(merged.toJsonText()) == merged);
}

TEST(PushStatsTest, MergeKeepsAPushSectionOnOneSideOnly) {
  RunResults withoutPush = liveResults("b", 0, 2);
  withoutPush.push.reset();
  const RunResults left = merge(liveResults("a", 0, 1), withoutPush);
  const RunResults right = merge(withoutPush, liveResults("a", 0, 1));
  ASSERT_TRUE(left.push.has_value());
  ASSERT_TRUE(right.push.has_value());
  EXPECT_TRUE(*left.push == samplePush(50, 0, 1));
  EXPECT_TRUE(*right.push == samplePush(50, 0, 1));
}

// `edit` breaks a valid version-2 document; reading it must fail with `message`.
void expectRejected(const std::function<void(json&)>& edit, const std::string& message) {
  expectRejectedEdit(liveResults("client-1", 0, 1), edit, message);
}

TEST(PushStatsTest, RejectsAPushSectionUnderVersionOne) {
  expectRejected([](json& d) { d["schema"] = "minitwitter-load-results/1"; },
                 "$.schema: a document with `push` must be \"minitwitter-load-results/2\"");
}

TEST(PushStatsTest, RejectsMissingOrMistypedFields) {
  expectRejected([](json& d) { d["push"] = json::array(); },
                 "$.push: expected an object, got array");
  expectRejected([](json& d) { d["push"].erase("subscribers"); }, "$.push.subscribers: missing");
  expectRejected([](json& d) { d["push"]["events"] = -1; },
                 "$.push.events: expected a non-negative integer, got -1");
  expectRejected([](json& d) { d["push"]["streamErrors"] = 3; },
                 "$.push.streamErrors: expected an object, got number");
  expectRejected([](json& d) { d["push"]["streamErrors"]["closed"] = "two"; },
                 "$.push.streamErrors.closed: expected a non-negative integer, got string");
  expectRejected([](json& d) { d["push"].erase("deliveries"); }, "$.push.deliveries: missing");
  expectRejected([](json& d) { d["push"]["deliveries"]["count"] = 3; },
                 "$.push.deliveries.count: 3 but the latency histogram holds 400");
}

TEST(PushStatsTest, RejectsInconsistentCounts) {
  expectRejected([](json& d) { d["push"]["subscribersAtEnd"] = 51; },
                 "$.push.subscribersAtEnd: more than subscribersPeak");
  expectRejected([](json& d) { d["push"]["events"] = 399; },
                 "$.push.deliveries.count: more deliveries than events");
}

TEST(PushStatsTest, RejectsErrorsAmongDeliveries) {
  PushStats push = samplePush(50, 0, 1);
  push.deliveries.recordError("timeout", 1'000, kT0);
  push.events += 1;
  try {
    pushFromJson(pushToJson(push), "$.push");
    ADD_FAILURE() << "accepted a delivery error";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("$.push.deliveries.errors: must be empty"));
  }
}

}  // namespace
}  // namespace mt::load
