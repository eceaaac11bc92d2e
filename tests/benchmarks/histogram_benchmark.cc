// Cost of recording a latency and of reading percentiles from the load client's
// histogram (client/results). Run a Release build:
//   build/release/tests/benchmarks/histogram_benchmark
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "LatencyHistogram.h"
#include "OperationStats.h"

namespace {

using mt::load::LatencyHistogram;

// Latencies as a server gives them: log-normal around 2 ms, some far out. A power of
// two of them so the loop indexes with a mask.
std::vector<std::int64_t> sampleLatencies() {
  std::mt19937_64 random(42);
  std::lognormal_distribution<double> lognormal(std::log(2'000'000.0), 1.0);
  std::vector<std::int64_t> values(1 << 14);
  for (auto& v : values)
    v = std::llround(lognormal(random));
  return values;
}

void BM_Record(benchmark::State& state) {
  const std::vector<std::int64_t> values = sampleLatencies();
  LatencyHistogram histogram;
  std::size_t i = 0;
  for (auto _ : state) {
    histogram.record(values[i++ & (values.size() - 1)]);
  }
  benchmark::DoNotOptimize(histogram.count());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Record);

// What the load client does per response: the histogram, the error map untouched, the
// per-second series at the newest second.
void BM_OperationStatsRecordSuccess(benchmark::State& state) {
  const std::vector<std::int64_t> values = sampleLatencies();
  mt::load::OperationStats stats;
  std::int64_t now = 1'795'881'600'000'000'000;
  std::size_t i = 0;
  for (auto _ : state) {
    now += 1'000;  // a new second every million operations
    stats.recordSuccess(values[i++ & (values.size() - 1)], now);
  }
  benchmark::DoNotOptimize(stats.count());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OperationStatsRecordSuccess);

void BM_Percentile(benchmark::State& state) {
  LatencyHistogram histogram;
  for (std::int64_t v : sampleLatencies())
    histogram.record(v);
  for (auto _ : state) {
    benchmark::DoNotOptimize(histogram.percentile(99.9));
  }
}
BENCHMARK(BM_Percentile);

void BM_Merge(benchmark::State& state) {
  LatencyHistogram histogram;
  LatencyHistogram other;
  for (std::int64_t v : sampleLatencies())
    other.record(v);
  for (auto _ : state) {
    histogram.merge(other);
  }
  benchmark::DoNotOptimize(histogram.count());
}
BENCHMARK(BM_Merge);

}  // namespace
