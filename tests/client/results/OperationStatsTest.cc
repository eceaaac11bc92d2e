#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>

#include "OperationStats.h"

namespace mt::load {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kMs = 1'000'000;
// 2026-11-28T16:00:00Z, a whole second.
constexpr std::int64_t kT0 = 1'795'881'600 * kSecond;

TEST(OperationStatsTest, CountsSuccessesAndErrorsByKind) {
  OperationStats stats;
  stats.recordSuccess(2 * kMs, kT0 + 100 * kMs);
  stats.recordError("http_503", 1 * kMs, kT0 + 200 * kMs);
  stats.recordError("timeout", 5'000 * kMs, kT0 + 300 * kMs);
  stats.recordError("http_503", 3 * kMs, kT0 + 1'400 * kMs);

  EXPECT_EQ(stats.count(), 4u);
  EXPECT_EQ(stats.errorCount(), 3u);
  EXPECT_EQ(stats.errors().at("http_503"), 2u);
  EXPECT_EQ(stats.errors().at("timeout"), 1u);
  // Errors took time too: the timeout is the maximum latency.
  EXPECT_EQ(stats.latency().max(), 5'000 * kMs);
}

TEST(OperationStatsTest, SeriesIsKeyedByTheWallClockSecondOfCompletion) {
  OperationStats stats;
  stats.recordSuccess(1 * kMs, kT0);                     // first ns of the second
  stats.recordSuccess(2 * kMs, kT0 + kSecond - 1);       // last ns of the same second
  stats.recordError("connect", 3 * kMs, kT0 + kSecond);  // next second
  stats.recordSuccess(4 * kMs, kT0 + 5 * kSecond + 1);   // a gap of silent seconds

  const auto& series = stats.perSecond();
  ASSERT_EQ(series.size(), 3u);
  const std::int64_t s0 = kT0 / kSecond;
  EXPECT_EQ(series.at(s0).completed, 2u);
  EXPECT_EQ(series.at(s0).errors, 0u);
  EXPECT_EQ(series.at(s0).latency.max(), 2 * kMs);
  EXPECT_EQ(series.at(s0 + 1).completed, 1u);
  EXPECT_EQ(series.at(s0 + 1).errors, 1u);
  EXPECT_EQ(series.at(s0 + 5).completed, 1u);
  EXPECT_EQ(series.at(s0 + 5).latency.layout(), HistogramLayout::perSecond());
}

TEST(OperationStatsTest, LateCompletionLandsInItsOwnSecond) {
  OperationStats stats;
  stats.recordSuccess(1 * kMs, kT0 + 2 * kSecond);
  stats.recordSuccess(1 * kMs, kT0 + 1 * kSecond);  // reported after a later one
  EXPECT_EQ(stats.perSecond().at(kT0 / kSecond + 1).completed, 1u);
  EXPECT_EQ(stats.perSecond().at(kT0 / kSecond + 2).completed, 1u);
}

TEST(OperationStatsTest, UnixSecondOfRoundsDown) {
  EXPECT_EQ(unixSecondOf(0), 0);
  EXPECT_EQ(unixSecondOf(kSecond - 1), 0);
  EXPECT_EQ(unixSecondOf(kSecond), 1);
  EXPECT_EQ(unixSecondOf(-1), -1);
  EXPECT_EQ(unixSecondOf(-kSecond), -1);
  EXPECT_EQ(unixSecondOf(-kSecond - 1), -2);
}

// Two processes start 0.4 s apart, inside different wall-clock seconds, and each
// completes one operation every 100 ms for 3 s. Their merge equals one process that
// saw all operations, second by wall-clock second.
TEST(OperationStatsTest, SeriesOfProcessesStartedApartMergeBySecond) {
  const std::int64_t startA = kT0 + 300 * kMs;
  const std::int64_t startB = kT0 + 700 * kMs;
  OperationStats a, b, whole;
  for (int i = 1; i <= 30; ++i) {
    const std::int64_t latency = (i + 1) * kMs;
    a.recordSuccess(latency, startA + i * 100 * kMs);
    whole.recordSuccess(latency, startA + i * 100 * kMs);
    if (i % 5 == 0) {
      b.recordError("timeout", 2 * latency, startB + i * 100 * kMs);
      whole.recordError("timeout", 2 * latency, startB + i * 100 * kMs);
    } else {
      b.recordSuccess(2 * latency, startB + i * 100 * kMs);
      whole.recordSuccess(2 * latency, startB + i * 100 * kMs);
    }
  }
  OperationStats merged = a;
  merged.merge(b);
  EXPECT_TRUE(merged == whole);

  OperationStats reversed = b;
  reversed.merge(a);
  EXPECT_TRUE(reversed == whole);

  // A completes at .4 .. 3.3 s after kT0: 6, 10, 10, 4 per second;
  // B completes at .8 .. 3.7 s: 2, 10, 10, 8 per second.
  const std::int64_t s0 = kT0 / kSecond;
  const auto& series = merged.perSecond();
  ASSERT_EQ(series.size(), 4u);
  EXPECT_EQ(series.at(s0).completed, 8u);
  EXPECT_EQ(series.at(s0 + 1).completed, 20u);
  EXPECT_EQ(series.at(s0 + 2).completed, 20u);
  EXPECT_EQ(series.at(s0 + 3).completed, 12u);
  std::uint64_t errors = 0;
  for (const auto& [second, s] : series)
    errors += s.errors;
  EXPECT_EQ(errors, 6u);
  EXPECT_EQ(merged.errors().at("timeout"), 6u);
}

TEST(OperationStatsTest, MergeAddsErrorKindsOfBothSides) {
  OperationStats a, b;
  a.recordError("http_503", kMs, kT0);
  b.recordError("http_503", kMs, kT0);
  b.recordError("graphql:UNAUTHENTICATED", kMs, kT0);
  a.merge(b);
  EXPECT_EQ(a.errors().at("http_503"), 2u);
  EXPECT_EQ(a.errors().at("graphql:UNAUTHENTICATED"), 1u);
  EXPECT_EQ(a.errorCount(), 3u);
  EXPECT_EQ(a.perSecond().at(kT0 / kSecond).errors, 3u);
}

}  // namespace
}  // namespace mt::load
