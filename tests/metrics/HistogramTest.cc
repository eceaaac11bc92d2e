#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#include "Counter.h"
#include "Gauge.h"
#include "Histogram.h"

namespace mt::metrics {
namespace {

TEST(HistogramTest, ValueOnABoundLandsInThatBucket) {
  Histogram h({1.0, 2.0, 5.0});
  h.observe(0.5);
  h.observe(1.0);
  h.observe(1.5);
  h.observe(5.0);
  h.observe(7.0);
  Histogram::Snapshot s = h.snapshot();
  EXPECT_EQ(s.cumulative, (std::vector<std::uint64_t>{2, 3, 4, 5}));
  EXPECT_EQ(s.count, 5u);
  EXPECT_DOUBLE_EQ(s.sum, 15.0);
}

TEST(HistogramTest, NaNIsIgnoredInfinityCounts) {
  Histogram h({1.0});
  h.observe(std::numeric_limits<double>::quiet_NaN());
  h.observe(std::numeric_limits<double>::infinity());
  Histogram::Snapshot s = h.snapshot();
  EXPECT_EQ(s.cumulative, (std::vector<std::uint64_t>{0, 1}));
  EXPECT_TRUE(std::isinf(s.sum));
}

TEST(HistogramTest, RejectsBadBounds) {
  EXPECT_THROW(Histogram({2.0, 1.0}), std::invalid_argument);
  EXPECT_THROW(Histogram({1.0, 1.0}), std::invalid_argument);
  EXPECT_THROW(Histogram({std::numeric_limits<double>::infinity()}), std::invalid_argument);
  EXPECT_NO_THROW(Histogram({}));
}

TEST(HistogramTest, BoundGenerators) {
  EXPECT_EQ(Histogram::exponentialBounds(1, 2, 4), (std::vector<double>{1, 2, 4, 8}));
  EXPECT_EQ(Histogram::linearBounds(0, 5, 3), (std::vector<double>{0, 5, 10}));
  EXPECT_EQ(Histogram::defaultBounds().size(), 11u);
  EXPECT_THROW(Histogram::exponentialBounds(0, 2, 3), std::invalid_argument);
  EXPECT_THROW(Histogram::linearBounds(0, 0, 3), std::invalid_argument);
}

TEST(HistogramTest, ConcurrentObservationsAreAllCounted) {
  Histogram h({10.0});
  Counter c;
  Gauge g;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        h.observe(i % 2 == 0 ? 1.0 : 20.0);
        c.inc();
        g.add(1.0);
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  Histogram::Snapshot s = h.snapshot();
  EXPECT_EQ(s.count, std::uint64_t{kThreads * kPerThread});
  EXPECT_EQ(s.cumulative[0], std::uint64_t{kThreads * kPerThread / 2});
  EXPECT_DOUBLE_EQ(s.sum, kThreads * kPerThread / 2 * 21.0);
  EXPECT_EQ(c.value(), std::uint64_t{kThreads * kPerThread});
  EXPECT_DOUBLE_EQ(g.value(), kThreads * kPerThread);
}

TEST(GaugeTest, SetAddIncDec) {
  Gauge g;
  g.set(3.5);
  g.add(-1.0);
  g.inc();
  g.inc();
  g.dec();
  EXPECT_DOUBLE_EQ(g.value(), 3.5);
}

}  // namespace
}  // namespace mt::metrics
