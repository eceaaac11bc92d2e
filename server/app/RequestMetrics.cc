#include "RequestMetrics.h"

#include <string>

namespace mt::app {

RequestMetrics::RequestMetrics(metrics::Registry& registry)
    : registry_(registry),
      latency_(registry.histogram(
          "minitwitter_http_request_duration_seconds",
          "Time from a request's last byte to its response being queued for writing",
          {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
           5, 10})) {}

metrics::Counter& RequestMetrics::counterFor(int status) {
  std::size_t index = (status >= 100 && status < 600) ? static_cast<std::size_t>(status) : 0;
  if (auto* known = byStatus_[index].load(std::memory_order_acquire)) return *known;
  std::lock_guard lock(registering_);
  metrics::Counter& counter =
      registry_.counter("minitwitter_http_requests_total", "HTTP requests answered, by status",
                        {{"status", index == 0 ? "other" : std::to_string(status)}});
  byStatus_[index].store(&counter, std::memory_order_release);
  return counter;
}

void RequestMetrics::record(const http::AccessRecord& entry) {
  counterFor(entry.status).inc();
  latency_.observe(std::chrono::duration<double>(entry.latency).count());
}

}  // namespace mt::app
