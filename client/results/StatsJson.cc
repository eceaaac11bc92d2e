#include "StatsJson.h"

#include <stdexcept>

#include "JsonReading.h"

namespace mt::load {

using nlohmann::json;
using namespace json_reading;

namespace {

json layoutToJson(const HistogramLayout& layout) {
  return {{"lowestNs", layout.lowestNs},
          {"highestNs", layout.highestNs},
          {"subBucketBits", layout.subBucketBits}};
}

HistogramLayout layoutFromJson(const json& value, const std::string& path,
                               const HistogramLayout& expected) {
  object(value, path);
  HistogramLayout layout;
  layout.lowestNs = asInteger(member(value, path, "lowestNs"), child(path, "lowestNs"));
  layout.highestNs = asInteger(member(value, path, "highestNs"), child(path, "highestNs"));
  const std::int64_t bits =
      asInteger(member(value, path, "subBucketBits"), child(path, "subBucketBits"));
  if (bits < 1 || bits > 12) fail(child(path, "subBucketBits"), "must be 1..12");
  layout.subBucketBits = static_cast<int>(bits);
  if (!(layout == expected)) {
    fail(path, "bucket layout " + layoutToJson(layout).dump() + " differs from this reader's " +
                   layoutToJson(expected).dump() + "; results of different layouts do not merge");
  }
  return layout;
}

// Reads an unsigned member of `obj`.
std::uint64_t unsignedMember(const json& obj, const std::string& path, std::string_view key) {
  return asUnsigned(member(obj, path, key), child(path, key));
}

}  // namespace

json histogramToJson(const LatencyHistogram& histogram) {
  json buckets = json::array();
  for (std::size_t i = histogram.firstIndex(); i <= histogram.lastIndex(); ++i) {
    if (const std::uint64_t n = histogram.bucketCount(i); n != 0) buckets.push_back({i, n});
  }
  return {{"layout", layoutToJson(histogram.layout())},
          {"count", histogram.count()},
          {"minNs", histogram.min()},
          {"maxNs", histogram.max()},
          {"sumNs", histogram.sum()},
          {"clampedLow", histogram.clampedLow()},
          {"clampedHigh", histogram.clampedHigh()},
          {"buckets", std::move(buckets)}};
}

LatencyHistogram histogramFromJson(const json& value, const std::string& path,
                                   const HistogramLayout& expected) {
  object(value, path);
  LatencyHistogram histogram(
      layoutFromJson(member(value, path, "layout"), child(path, "layout"), expected));
  const std::uint64_t count = unsignedMember(value, path, "count");
  const std::int64_t min = asInteger(member(value, path, "minNs"), child(path, "minNs"));
  const std::int64_t max = asInteger(member(value, path, "maxNs"), child(path, "maxNs"));
  const std::uint64_t sum = unsignedMember(value, path, "sumNs");
  const std::uint64_t clampedLow = unsignedMember(value, path, "clampedLow");
  const std::uint64_t clampedHigh = unsignedMember(value, path, "clampedHigh");
  if (min < 0 || max < min) fail(child(path, "minNs"), "need 0 <= minNs <= maxNs");
  if (clampedLow > count || clampedHigh > count - clampedLow) {
    fail(child(path, "clampedLow"), "more clamped values than values");
  }

  const std::string bucketsPath = child(path, "buckets");
  const json& buckets = array(member(value, path, "buckets"), bucketsPath);
  std::uint64_t total = 0;
  std::size_t nextAllowed = histogram.firstIndex();
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    const std::string entryPath = element(bucketsPath, i);
    const json& entry = array(buckets[i], entryPath);
    if (entry.size() != 2) fail(entryPath, "expected [bucketIndex, count]");
    const std::uint64_t index = asUnsigned(entry[0], element(entryPath, 0));
    const std::uint64_t n = asUnsigned(entry[1], element(entryPath, 1));
    if (index < nextAllowed || index > histogram.lastIndex()) {
      fail(element(entryPath, 0), "bucket index " + std::to_string(index) +
                                      " out of order or outside " +
                                      std::to_string(histogram.firstIndex()) + ".." +
                                      std::to_string(histogram.lastIndex()));
    }
    if (n == 0) fail(element(entryPath, 1), "empty buckets are left out, not listed");
    if (n > count - total) fail(element(entryPath, 1), "buckets hold more values than count");
    total += n;
    histogram.addToBucket(index, n);
    nextAllowed = index + 1;
  }
  if (total != count) {
    fail(child(path, "count"),
         std::to_string(count) + " but the buckets hold " + std::to_string(total));
  }
  histogram.restore(count, min, max, sum, clampedLow, clampedHigh);
  return histogram;
}

json operationToJson(const OperationStats& stats) {
  const LatencyHistogram& latency = stats.latency();
  json perSecond = json::array();
  for (const auto& [second, s] : stats.perSecond()) {
    perSecond.push_back({{"unixSecond", second},
                         {"completed", s.completed},
                         {"errors", s.errors},
                         {"p50Ns", s.latency.percentile(50)},
                         {"p99Ns", s.latency.percentile(99)},
                         {"latency", histogramToJson(s.latency)}});
  }
  return {{"count", stats.count()},
          {"errors", stats.errors()},
          {"summary",
           {{"p50Ns", latency.percentile(50)},
            {"p90Ns", latency.percentile(90)},
            {"p99Ns", latency.percentile(99)},
            {"p999Ns", latency.percentile(99.9)},
            {"maxNs", latency.max()},
            {"meanNs", latency.mean()}}},
          {"latency", histogramToJson(latency)},
          {"perSecond", std::move(perSecond)}};
}

OperationStats operationFromJson(const json& value, const std::string& path) {
  object(value, path);
  OperationStats stats;
  const std::uint64_t count = unsignedMember(value, path, "count");
  stats.mutableLatency() = histogramFromJson(member(value, path, "latency"), child(path, "latency"),
                                             HistogramLayout::precise());
  if (stats.latency().count() != count) {
    fail(child(path, "count"), std::to_string(count) + " but the latency histogram holds " +
                                   std::to_string(stats.latency().count()));
  }

  const std::string errorsPath = child(path, "errors");
  std::uint64_t errorTotal = 0;
  for (const auto& [kind, n] : object(member(value, path, "errors"), errorsPath).items()) {
    const std::uint64_t errors = asUnsigned(n, child(errorsPath, kind));
    if (errors > count - errorTotal) fail(child(errorsPath, kind), "more errors than operations");
    errorTotal += errors;
    stats.mutableErrors().emplace(kind, errors);
  }

  const std::string seriesPath = child(path, "perSecond");
  const json& series = array(member(value, path, "perSecond"), seriesPath);
  std::uint64_t seriesCompleted = 0;
  std::uint64_t seriesErrors = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const std::string entryPath = element(seriesPath, i);
    object(series[i], entryPath);
    const std::int64_t second =
        asInteger(member(series[i], entryPath, "unixSecond"), child(entryPath, "unixSecond"));
    if (!stats.perSecond().empty() && second <= stats.perSecond().rbegin()->first) {
      fail(child(entryPath, "unixSecond"), "seconds must be strictly increasing");
    }
    SecondStats s;
    s.completed = unsignedMember(series[i], entryPath, "completed");
    s.errors = unsignedMember(series[i], entryPath, "errors");
    s.latency = histogramFromJson(member(series[i], entryPath, "latency"),
                                  child(entryPath, "latency"), HistogramLayout::perSecond());
    if (s.latency.count() != s.completed) {
      fail(child(entryPath, "completed"), "differs from the count of its latency histogram");
    }
    if (s.errors > s.completed) fail(child(entryPath, "errors"), "more errors than completed");
    if (s.completed > count - seriesCompleted) {
      fail(child(entryPath, "completed"), "the seconds complete more operations than count");
    }
    seriesCompleted += s.completed;
    seriesErrors += s.errors;
    stats.mutablePerSecond().emplace(second, std::move(s));
  }
  if (seriesCompleted != count) {
    fail(seriesPath, "its seconds complete " + std::to_string(seriesCompleted) +
                         " operations, count says " + std::to_string(count));
  }
  if (seriesErrors != errorTotal) {
    fail(seriesPath, "its seconds hold " + std::to_string(seriesErrors) + " errors, errors say " +
                         std::to_string(errorTotal));
  }
  return stats;
}

}  // namespace mt::load
