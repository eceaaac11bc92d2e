#include "OperationStats.h"

namespace mt::load {

std::int64_t unixSecondOf(std::int64_t unixNs) {
  constexpr std::int64_t kNsPerSecond = 1'000'000'000;
  std::int64_t second = unixNs / kNsPerSecond;
  if (unixNs % kNsPerSecond < 0) --second;
  return second;
}

SecondStats& OperationStats::second(std::int64_t completedAtUnixNs) {
  const std::int64_t key = unixSecondOf(completedAtUnixNs);
  // Completions arrive in (nearly) increasing time order: the newest second is the
  // usual answer and costs no search.
  if (!perSecond_.empty() && perSecond_.rbegin()->first == key) return perSecond_.rbegin()->second;
  return perSecond_.try_emplace(key).first->second;
}

void OperationStats::recordSuccess(std::int64_t latencyNs, std::int64_t completedAtUnixNs) {
  latency_.record(latencyNs);
  SecondStats& s = second(completedAtUnixNs);
  ++s.completed;
  s.latency.record(latencyNs);
}

void OperationStats::recordError(std::string_view kind, std::int64_t latencyNs,
                                 std::int64_t completedAtUnixNs) {
  latency_.record(latencyNs);
  auto found = errors_.find(kind);
  if (found == errors_.end()) found = errors_.emplace(std::string(kind), 0).first;
  ++found->second;
  SecondStats& s = second(completedAtUnixNs);
  ++s.completed;
  ++s.errors;
  s.latency.record(latencyNs);
}

std::uint64_t OperationStats::errorCount() const {
  std::uint64_t total = 0;
  for (const auto& [kind, n] : errors_)
    total += n;
  return total;
}

void OperationStats::merge(const OperationStats& other) {
  latency_.merge(other.latency_);
  for (const auto& [kind, n] : other.errors_)
    errors_[kind] += n;
  for (const auto& [key, theirs] : other.perSecond_) {
    SecondStats& ours =
        perSecond_.try_emplace(key, SecondStats{0, 0, LatencyHistogram(theirs.latency.layout())})
            .first->second;
    ours.completed += theirs.completed;
    ours.errors += theirs.errors;
    ours.latency.merge(theirs.latency);
  }
}

}  // namespace mt::load
