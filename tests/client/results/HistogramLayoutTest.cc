#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "HistogramLayout.h"

namespace mt::load {
namespace {

// The bound the header promises, checked for one value: the value lies in its bucket,
// and the bucket's middle is within v * 2^-(subBucketBits+1) of it.
void expectWithinBound(const HistogramLayout& layout, std::int64_t v) {
  const std::size_t index = layout.bucketIndex(v);
  const std::int64_t lower = layout.bucketLowerBound(index);
  ASSERT_LE(lower, v) << "value " << v;
  ASSERT_LT(v, lower + layout.bucketWidth(index)) << "value " << v;
  const std::int64_t error = std::llabs(layout.bucketMiddle(index) - v);
  ASSERT_LE(static_cast<double>(error), static_cast<double>(v) * layout.relativeErrorBound())
      << "value " << v;
}

TEST(HistogramLayoutTest, StatedBoundsAreAtMostOnePercent) {
  EXPECT_DOUBLE_EQ(HistogramLayout::precise().relativeErrorBound(), 1.0 / 256);
  EXPECT_DOUBLE_EQ(HistogramLayout::perSecond().relativeErrorBound(), 1.0 / 64);
  EXPECT_LE(HistogramLayout::precise().relativeErrorBound(), 0.01);
}

TEST(HistogramLayoutTest, EveryValueNearPowersOfTwoIsWithinTheBound) {
  for (const HistogramLayout& layout : {HistogramLayout::precise(), HistogramLayout::perSecond()}) {
    for (int k = 0; k < 40; ++k) {
      const std::int64_t power = std::int64_t{1} << k;
      for (std::int64_t delta = -3; delta <= 3; ++delta) {
        if (power + delta >= 1) expectWithinBound(layout, power + delta);
      }
    }
  }
}

TEST(HistogramLayoutTest, EveryValueUpToOneMillionIsWithinTheBound) {
  const HistogramLayout layout = HistogramLayout::precise();
  for (std::int64_t v = 1; v <= 1'000'000; ++v)
    expectWithinBound(layout, v);
}

TEST(HistogramLayoutTest, RandomValuesAcrossTheRangeAreWithinTheBound) {
  const HistogramLayout layout = HistogramLayout::precise();
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> exponent(3.0, 11.0);  // 1 µs .. 100 s
  for (int i = 0; i < 200'000; ++i) {
    expectWithinBound(layout, static_cast<std::int64_t>(std::pow(10.0, exponent(random))));
  }
}

TEST(HistogramLayoutTest, IndicesAreContiguousAndIncreasing) {
  const HistogramLayout layout{1, 1 << 20, 3};
  std::size_t previous = layout.bucketIndex(1);
  for (std::int64_t v = 2; v <= (1 << 20); ++v) {
    const std::size_t index = layout.bucketIndex(v);
    ASSERT_TRUE(index == previous || index == previous + 1) << "value " << v;
    previous = index;
  }
}

TEST(HistogramLayoutTest, RejectsUnreasonableLayouts) {
  EXPECT_THROW((HistogramLayout{0, 100, 7}.validate()), std::invalid_argument);
  EXPECT_THROW((HistogramLayout{100, 100, 7}.validate()), std::invalid_argument);
  EXPECT_THROW((HistogramLayout{1, std::int64_t{1} << 51, 7}.validate()), std::invalid_argument);
  EXPECT_THROW((HistogramLayout{1, 100, 0}.validate()), std::invalid_argument);
  EXPECT_THROW((HistogramLayout{1, 100, 13}.validate()), std::invalid_argument);
  EXPECT_NO_THROW(HistogramLayout::precise().validate());
}

}  // namespace
}  // namespace mt::load
