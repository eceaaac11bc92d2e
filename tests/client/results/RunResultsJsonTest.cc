#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "RunResults.h"
#include "RunResultsFixtures.h"

namespace mt::load {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using namespace mt::load::testing;

TEST(RunResultsJsonTest, RoundTripIsExact) {
  const RunResults original = sampleResults("client-1", 123'456'789, 1);
  const std::string text = original.toJsonText();
  const RunResults read = RunResults::fromJsonText(text);
  EXPECT_TRUE(read == original);
  EXPECT_EQ(read.toJsonText(), text);
}

TEST(RunResultsJsonTest, EmptyResultsRoundTrip) {
  RunResults empty;
  empty.metadata.scenario = "static";
  const RunResults read = RunResults::fromJsonText(empty.toJsonText());
  EXPECT_TRUE(read == empty);
}

TEST(RunResultsJsonTest, DocumentHasTheDocumentedShape) {
  const json doc = sampleResults("client-1", 0, 1).toJson();
  EXPECT_EQ(doc.at("schema"), "minitwitter-load-results/1");
  EXPECT_EQ(doc.at("metadata").at("startTime"), "2026-11-28T16:00:00Z");
  EXPECT_EQ(doc.at("metadata").at("loop"), "open");
  const json& post = doc.at("operations").at("post");
  EXPECT_EQ(post.at("count"), 100 + 6 + 1);
  EXPECT_EQ(post.at("errors").at("http_503"), 6);
  EXPECT_EQ(post.at("latency").at("layout").at("subBucketBits"), 7);
  EXPECT_EQ(post.at("latency").at("clampedLow"), 1);
  EXPECT_TRUE(post.at("summary").contains("p999Ns"));
  EXPECT_EQ(post.at("perSecond").at(0).at("unixSecond"), 1'795'881'600);
  EXPECT_EQ(doc.at("totals").at("count"), 300 + 1 + 107);
  // Sparse buckets: [absolute index, count] pairs, indices increasing.
  const json& buckets = post.at("latency").at("buckets");
  ASSERT_GE(buckets.size(), 2u);
  EXPECT_LT(buckets.at(0).at(0).get<int>(), buckets.at(1).at(0).get<int>());
}

// `edit` breaks a valid document; reading it must fail with `message`.
void expectRejected(const std::function<void(json&)>& edit, const std::string& message) {
  expectRejectedEdit(sampleResults("client-1", 0, 1), edit, message);
}

TEST(RunResultsJsonTest, RejectsTextThatIsNotJson) {
  try {
    RunResults::fromJsonText("{\"schema\": ");
    ADD_FAILURE() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("load results: $: not JSON"));
  }
}

TEST(RunResultsJsonTest, RejectsADocumentThatIsNotAnObject) {
  expectRejected([](json& d) { d = json::array(); }, "$: expected an object, got array");
}

TEST(RunResultsJsonTest, RejectsAMissingOrWrongSchema) {
  expectRejected([](json& d) { d.erase("schema"); }, "$.schema: missing");
  expectRejected(
      [](json& d) { d["schema"] = "minitwitter-load-results/3"; },
      "$.schema: expected \"minitwitter-load-results/1\" or \"minitwitter-load-results/2\", "
      "got \"minitwitter-load-results/3\"");
  expectRejected([](json& d) { d["schema"] = "minitwitter-load-results/2"; },
                 "$.schema: \"minitwitter-load-results/2\" needs `push`");
  expectRejected([](json& d) { d["schema"] = 1; }, "$.schema: expected a string, got number");
}

TEST(RunResultsJsonTest, RejectsBadMetadata) {
  expectRejected([](json& d) { d["metadata"]["loop"] = "half-open"; },
                 "$.metadata.loop: expected \"closed\" or \"open\", got \"half-open\"");
  expectRejected([](json& d) { d["metadata"]["startTime"] = "yesterday"; },
                 "$.metadata.startTime: not an RFC 3339 time");
  expectRejected([](json& d) { d["metadata"]["virtualUsers"] = -3; },
                 "$.metadata.virtualUsers: expected a non-negative integer, got -3");
  expectRejected([](json& d) { d["metadata"]["connections"] = 2.5; },
                 "$.metadata.connections: expected a non-negative integer, got 2.5");
  expectRejected([](json& d) { d["metadata"]["hosts"][0] = 7; },
                 "$.metadata.hosts[0]: expected a string, got number");
  expectRejected([](json& d) { d["metadata"]["durationNs"] = -1; },
                 "$.metadata.durationNs: must not be negative");
  expectRejected([](json& d) { d["metadata"].erase("toolVersion"); },
                 "$.metadata.toolVersion: missing");
}

TEST(RunResultsJsonTest, RejectsInconsistentCounts) {
  expectRejected([](json& d) { d["operations"]["post"]["count"] = 5; },
                 "$.operations.post.count: 5 but the latency histogram holds 107");
  expectRejected([](json& d) { d["operations"]["post"]["latency"]["count"] = 106; },
                 "$.operations.post.latency.buckets[");
  expectRejected([](json& d) { d["operations"]["post"]["errors"]["http_503"] = 1000; },
                 "$.operations.post.errors.http_503: more errors than operations");
  expectRejected([](json& d) { d["operations"]["post"]["perSecond"].erase(0); },
                 "$.operations.post.perSecond: its seconds complete");
  expectRejected([](json& d) { d["operations"]["post"]["perSecond"][1]["errors"] = 0; },
                 "$.operations.post.perSecond: its seconds hold");
  expectRejected([](json& d) { d["operations"]["post"]["perSecond"][1]["unixSecond"] = 1; },
                 "$.operations.post.perSecond[1].unixSecond: seconds must be strictly increasing");
}

TEST(RunResultsJsonTest, RejectsMalformedBuckets) {
  const std::string buckets = "$.operations.timeline.latency.buckets";
  expectRejected([](json& d) { d["operations"]["timeline"]["latency"]["buckets"][0] = {1}; },
                 buckets + "[0]: expected [bucketIndex, count]");
  expectRejected([](json& d) { d["operations"]["timeline"]["latency"]["buckets"][0][0] = 5; },
                 buckets + "[0][0]: bucket index 5 out of order or outside 506..3898");
  expectRejected(
      [](json& d) {
        json& b = d["operations"]["timeline"]["latency"]["buckets"];
        std::swap(b[0], b[1]);
      },
      buckets + "[1][0]: bucket index");
  expectRejected([](json& d) { d["operations"]["timeline"]["latency"]["buckets"][0][1] = 0; },
                 buckets + "[0][1]: empty buckets are left out, not listed");
  expectRejected([](json& d) { d["operations"]["timeline"]["latency"]["buckets"] = "many"; },
                 buckets + ": expected an array, got string");
}

TEST(RunResultsJsonTest, RejectsAForeignLayout) {
  expectRejected(
      [](json& d) { d["operations"]["timeline"]["latency"]["layout"]["subBucketBits"] = 6; },
      "$.operations.timeline.latency.layout: bucket layout");
  expectRejected(
      [](json& d) {
        d["operations"]["timeline"]["perSecond"][0]["latency"]["layout"]["lowestNs"] = 1;
      },
      "$.operations.timeline.perSecond[0].latency.layout: bucket layout");
  expectRejected(
      [](json& d) { d["operations"]["timeline"]["latency"]["layout"]["subBucketBits"] = 40; },
      "$.operations.timeline.latency.layout.subBucketBits: must be 1..12");
}

TEST(RunResultsJsonTest, QuotesOperationNamesThatAreNotIdentifiers) {
  expectRejected(
      [](json& d) {
        d["operations"]["read profile"] = d["operations"]["post"];
        d["operations"]["read profile"]["count"] = "x";
      },
      "$.operations[\"read profile\"].count: expected a non-negative integer, got string");
}

TEST(RunResultsJsonTest, IgnoresTheDerivedTotalsAndSummaries) {
  const RunResults original = sampleResults("client-1", 0, 1);
  json doc = original.toJson();
  doc["totals"] = "whatever";
  doc["operations"]["post"]["summary"]["p50Ns"] = 1;
  EXPECT_TRUE(RunResults::fromJson(doc) == original);
}

}  // namespace
}  // namespace mt::load
