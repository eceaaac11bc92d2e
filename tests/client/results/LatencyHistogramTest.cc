#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "LatencyHistogram.h"

namespace mt::load {
namespace {

constexpr std::size_t kValues = 200'000;
const double kPercentiles[] = {0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

LatencyHistogram histogramOf(const std::vector<std::int64_t>& values) {
  LatencyHistogram h;
  for (std::int64_t v : values)
    h.record(v);
  return h;
}

// Every percentile of the histogram is within the stated bound of the exact
// nearest-rank percentile of `values` (all inside the layout's range).
void expectAccurate(const std::vector<std::int64_t>& values) {
  const LatencyHistogram h = histogramOf(values);
  std::vector<std::int64_t> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const double bound = h.layout().relativeErrorBound();
  ASSERT_EQ(h.count(), sorted.size());
  EXPECT_EQ(h.min(), sorted.front());
  EXPECT_EQ(h.max(), sorted.back());
  for (double p : kPercentiles) {
    const std::int64_t exact = sorted[nearestRank(p, sorted.size()) - 1];
    const std::int64_t reported = h.percentile(p);
    EXPECT_LE(static_cast<double>(std::llabs(reported - exact)), static_cast<double>(exact) * bound)
        << "p" << p << ": exact " << exact << ", reported " << reported;
  }
}

std::int64_t inRange(double ns) {
  return std::clamp<std::int64_t>(std::llround(ns), 1'000, 100'000'000'000);
}

TEST(LatencyHistogramTest, UniformData) {
  std::mt19937_64 random(1);
  std::uniform_int_distribution<std::int64_t> uniform(1'000, 100'000'000);
  std::vector<std::int64_t> values(kValues);
  for (auto& v : values)
    v = uniform(random);
  expectAccurate(values);
}

TEST(LatencyHistogramTest, ExponentialData) {
  std::mt19937_64 random(2);
  std::exponential_distribution<double> exponential(1.0 / 2'000'000);  // mean 2 ms
  std::vector<std::int64_t> values(kValues);
  for (auto& v : values)
    v = inRange(1'000 + exponential(random));
  expectAccurate(values);
}

TEST(LatencyHistogramTest, BimodalData) {
  std::mt19937_64 random(3);
  std::normal_distribution<double> fast(1'000'000, 100'000);     // 1 ms
  std::normal_distribution<double> slow(50'000'000, 5'000'000);  // 50 ms
  std::bernoulli_distribution isSlow(0.1);
  std::vector<std::int64_t> values(kValues);
  for (auto& v : values)
    v = inRange(isSlow(random) ? slow(random) : fast(random));
  expectAccurate(values);
}

TEST(LatencyHistogramTest, ConstantData) {
  expectAccurate(std::vector<std::int64_t>(kValues, 1'234'567));
}

TEST(LatencyHistogramTest, LogNormalDataOverTheWholeRange) {
  std::mt19937_64 random(4);
  std::lognormal_distribution<double> lognormal(std::log(3'000'000.0), 2.0);
  std::vector<std::int64_t> values(kValues);
  for (auto& v : values)
    v = inRange(lognormal(random));
  expectAccurate(values);
}

TEST(LatencyHistogramTest, CountSumMeanAreExact) {
  LatencyHistogram h;
  h.record(1'000);
  h.record(2'000);
  h.record(4'000);
  EXPECT_EQ(h.count(), 3u);
  EXPECT_EQ(h.sum(), 7'000u);
  EXPECT_DOUBLE_EQ(h.mean(), 7'000.0 / 3);
}

TEST(LatencyHistogramTest, EmptyHistogramReportsZeros) {
  const LatencyHistogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 0);
  EXPECT_EQ(h.mean(), 0.0);
  for (double p : kPercentiles)
    EXPECT_EQ(h.percentile(p), 0) << "p" << p;
}

TEST(LatencyHistogramTest, OneValueIsEveryPercentileExactly) {
  LatencyHistogram h;
  h.record(123'457);  // not a bucket middle
  for (double p : kPercentiles)
    EXPECT_EQ(h.percentile(p), 123'457) << "p" << p;
}

TEST(LatencyHistogramTest, ValuesOutsideTheRangeAreClampedAndCounted) {
  LatencyHistogram h;
  h.record(5);                // below 1 µs
  h.record(-20);              // a clock step backwards: counts as 0
  h.record(200'000'000'000);  // above 100 s
  h.record(10'000);
  EXPECT_EQ(h.count(), 4u);
  EXPECT_EQ(h.clampedLow(), 2u);
  EXPECT_EQ(h.clampedHigh(), 1u);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 200'000'000'000);
  EXPECT_EQ(h.sum(), 200'000'010'005u);
  EXPECT_EQ(h.percentile(0), 0);
  EXPECT_EQ(h.percentile(100), 200'000'000'000);
  // The clamped values sit in the edge buckets.
  EXPECT_EQ(h.bucketCount(h.layout().bucketIndex(1'000)), 2u);
  EXPECT_EQ(h.bucketCount(h.layout().bucketIndex(100'000'000'000)), 1u);
  EXPECT_EQ(h.percentile(50), h.layout().bucketMiddle(h.layout().bucketIndex(1'000)));
}

TEST(LatencyHistogramTest, SumSaturatesInsteadOfWrapping) {
  LatencyHistogram h;
  for (int i = 0; i < 3; ++i)
    h.record(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(h.sum(), std::numeric_limits<std::uint64_t>::max());
}

TEST(LatencyHistogramTest, MergeOfHalvesEqualsTheWholeBitForBit) {
  std::mt19937_64 random(5);
  std::lognormal_distribution<double> lognormal(std::log(2'000'000.0), 1.5);
  std::vector<std::int64_t> values(kValues);
  for (auto& v : values)
    v = std::llround(lognormal(random));  // some fall outside the range
  values[17] = 3;
  values[99] = 500'000'000'000;

  const std::vector<std::int64_t> first(values.begin(), values.begin() + kValues / 3);
  const std::vector<std::int64_t> second(values.begin() + kValues / 3, values.end());
  LatencyHistogram merged = histogramOf(first);
  merged.merge(histogramOf(second));
  const LatencyHistogram whole = histogramOf(values);

  EXPECT_TRUE(merged == whole);
  EXPECT_EQ(merged.count(), whole.count());
  EXPECT_EQ(merged.sum(), whole.sum());
  EXPECT_EQ(merged.min(), whole.min());
  EXPECT_EQ(merged.max(), whole.max());
  EXPECT_EQ(merged.clampedLow(), whole.clampedLow());
  EXPECT_EQ(merged.clampedHigh(), whole.clampedHigh());
  for (double p : kPercentiles)
    EXPECT_EQ(merged.percentile(p), whole.percentile(p)) << "p" << p;
}

TEST(LatencyHistogramTest, MergeWithAnEmptyHistogramChangesNothing) {
  LatencyHistogram h;
  h.record(42'000);
  const LatencyHistogram before = h;
  h.merge(LatencyHistogram{});
  EXPECT_TRUE(h == before);
  LatencyHistogram empty;
  empty.merge(before);
  EXPECT_TRUE(empty == before);
}

TEST(LatencyHistogramTest, MergeRefusesADifferentLayout) {
  LatencyHistogram precise;
  const LatencyHistogram coarse(HistogramLayout::perSecond());
  EXPECT_THROW(precise.merge(coarse), std::invalid_argument);
}

TEST(LatencyHistogramTest, NearestRankMatchesItsDefinition) {
  EXPECT_EQ(nearestRank(50, 4), 2u);
  EXPECT_EQ(nearestRank(50, 5), 3u);
  EXPECT_EQ(nearestRank(99.9, 1000), 999u);
  EXPECT_EQ(nearestRank(99, 100), 99u);
  EXPECT_EQ(nearestRank(0, 10), 1u);
  EXPECT_EQ(nearestRank(100, 10), 10u);
}

}  // namespace
}  // namespace mt::load
