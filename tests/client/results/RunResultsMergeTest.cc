#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "RunResults.h"
#include "RunResultsFixtures.h"

namespace mt::load {
namespace {

using namespace mt::load::testing;

TEST(RunResultsMergeTest, CombinesMetadata) {
  RunResults a = sampleResults("client-1", 300 * kMs, 1);
  RunResults b = sampleResults("client-2", 700 * kMs, 2);
  b.metadata.targets = {"http://10.0.0.2:8080", "http://10.0.0.3:8080"};
  b.metadata.durationNs = 4 * kSecond;
  b.metadata.warmupNs = 6 * kSecond;
  const RunResults m = merge(a, b);
  EXPECT_EQ(m.metadata.hosts, (std::vector<std::string>{"client-1", "client-2"}));
  EXPECT_EQ(m.metadata.targets,
            (std::vector<std::string>{"http://10.0.0.1:8080", "http://10.0.0.2:8080",
                                      "http://10.0.0.3:8080"}));
  EXPECT_EQ(m.metadata.virtualUsers, 200u);
  EXPECT_EQ(m.metadata.connections, 40u);
  EXPECT_DOUBLE_EQ(m.metadata.ratePerSecond, 501.0);
  EXPECT_EQ(m.metadata.startUnixNs, kT0 + 300 * kMs);
  // From a's start to b's end (0.7 s + 4 s).
  EXPECT_EQ(m.metadata.durationNs, 4'400 * kMs);
  EXPECT_EQ(m.metadata.warmupNs, 6 * kSecond);
  EXPECT_EQ(m.metadata.scenario, "mixed");
}

TEST(RunResultsMergeTest, OperationsAddExactly) {
  const RunResults a = sampleResults("client-1", 300 * kMs, 1);
  const RunResults b = sampleResults("client-2", 700 * kMs, 2);
  const RunResults m = merge(a, b);
  for (const std::string name : {"timeline", "post"}) {
    OperationStats expected = a.operations.at(name);
    expected.merge(b.operations.at(name));
    EXPECT_TRUE(m.operations.at(name) == expected) << name;
    EXPECT_EQ(m.operations.at(name).count(),
              a.operations.at(name).count() + b.operations.at(name).count());
  }
  EXPECT_EQ(m.totals().count(), a.totals().count() + b.totals().count());
}

TEST(RunResultsMergeTest, OperationsOnOneSideOnlyAreKept) {
  RunResults a = sampleResults("client-1", 0, 1);
  RunResults b = sampleResults("client-2", 0, 2);
  a.operations.erase("post");
  b.operations["like"].recordSuccess(5 * kMs, kT0);
  const RunResults m = merge(a, b);
  EXPECT_TRUE(m.operations.at("post") == b.operations.at("post"));
  EXPECT_TRUE(m.operations.at("like") == b.operations.at("like"));
}

TEST(RunResultsMergeTest, IsCommutativeAndAssociativeInTheMeasurements) {
  const RunResults a = sampleResults("client-1", 100 * kMs, 1);
  const RunResults b = sampleResults("client-2", 500 * kMs, 2);
  const RunResults c = sampleResults("client-3", 900 * kMs, 3);
  const RunResults left = merge(merge(a, b), c);
  const RunResults right = merge(a, merge(c, b));
  EXPECT_TRUE(left.operations == right.operations);
  EXPECT_EQ(left.metadata.startUnixNs, right.metadata.startUnixNs);
  EXPECT_EQ(left.metadata.durationNs, right.metadata.durationNs);
  EXPECT_EQ(left.metadata.virtualUsers, 300u);
}

TEST(RunResultsMergeTest, MergedDocumentRoundTrips) {
  const RunResults m =
      merge(sampleResults("client-1", 300 * kMs, 1), sampleResults("client-2", 700 * kMs, 2));
  const RunResults read = RunResults::fromJsonText(m.toJsonText());
  EXPECT_TRUE(read == m);
  EXPECT_TRUE(merge(read, read).operations == merge(m, m).operations);
}

TEST(RunResultsMergeTest, RefusesDifferentRuns) {
  const RunResults a = sampleResults("client-1", 0, 1);
  RunResults b = sampleResults("client-2", 0, 2);
  b.metadata.scenario = "original";
  EXPECT_THROW(merge(a, b), std::invalid_argument);
  try {
    merge(a, b);
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "load results merge: different scenarios (\"mixed\" and \"original\")");
  }

  RunResults closed = sampleResults("client-2", 0, 2);
  closed.metadata.loop = LoopKind::closed;
  EXPECT_THROW(merge(a, closed), std::invalid_argument);

  RunResults newer = sampleResults("client-2", 0, 2);
  newer.metadata.toolVersion = "0.2.0";
  EXPECT_THROW(merge(a, newer), std::invalid_argument);
}

TEST(RunResultsMergeTest, RefusesIncompatibleHistogramLayouts) {
  const RunResults a = sampleResults("client-1", 0, 1);
  RunResults b = sampleResults("client-2", 0, 2);
  b.operations["post"].mutableLatency() = LatencyHistogram(HistogramLayout{1'000, 1'000'000, 7});
  EXPECT_THROW(merge(a, b), std::invalid_argument);
}

}  // namespace
}  // namespace mt::load
