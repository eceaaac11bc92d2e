#pragma once

#include <array>
#include <atomic>
#include <mutex>

#include "AccessLogSink.h"
#include "Counter.h"
#include "Histogram.h"
#include "Registry.h"

namespace mt::app {

// Counts finished requests by status and records their latency, for /metrics.
// Counters are registered on first sight of a status and then reached through a
// table, so the hot path never takes the registry's lock.
//
// Thread affinity: record() from any thread.
class RequestMetrics final : public http::AccessLogSink {
 public:
  explicit RequestMetrics(metrics::Registry& registry);
  void record(const http::AccessRecord& entry) override;

 private:
  metrics::Counter& counterFor(int status);

  metrics::Registry& registry_;
  metrics::Histogram& latency_;
  std::array<std::atomic<metrics::Counter*>, 600> byStatus_{};
  std::mutex registering_;
};

}  // namespace mt::app
