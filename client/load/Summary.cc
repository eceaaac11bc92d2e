#include "Summary.h"

#include <cstdio>
#include <sstream>

namespace mt::load {

namespace {

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string padLeft(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string padRight(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

void row(std::ostringstream& out, const std::string& name, const OperationStats& stats,
         double seconds) {
  const LatencyHistogram& latency = stats.latency();
  const double rate = seconds > 0 ? static_cast<double>(stats.count()) / seconds : 0;
  out << padRight(name, 12) << padLeft(std::to_string(stats.count()), 10)
      << padLeft(std::to_string(stats.errorCount()), 8) << padLeft(format("%.1f", rate), 10);
  for (double p : {50.0, 90.0, 99.0, 99.9})
    out << padLeft(formatLatency(latency.percentile(p)), 9);
  out << padLeft(formatLatency(latency.max()), 9) << "\n";
}

}  // namespace

std::string formatLatency(std::int64_t ns) {
  const double value = static_cast<double>(ns);
  if (ns < 1'000) return std::to_string(ns) + "ns";
  if (ns < 1'000'000)
    return format(value < 1e4 ? "%.2fus" : value < 1e5 ? "%.1fus" : "%.0fus", value / 1e3);
  if (ns < 1'000'000'000) {
    return format(value < 1e7 ? "%.2fms" : value < 1e8 ? "%.1fms" : "%.0fms", value / 1e6);
  }
  return format(value < 1e10 ? "%.2fs" : value < 1e11 ? "%.1fs" : "%.0fs", value / 1e9);
}

std::string formatSummary(const RunResults& results) {
  const RunMetadata& metadata = results.metadata;
  const double seconds = static_cast<double>(metadata.durationNs) / 1e9;
  std::ostringstream out;
  out << "scenario " << metadata.scenario << " · "
      << (metadata.loop == LoopKind::open
              ? "open loop at " + format("%.0f", metadata.ratePerSecond) + " req/s"
              : std::string("closed loop"))
      << " · " << metadata.virtualUsers << " users · " << metadata.connections << " connections · "
      << format("%.1f", seconds) << " s measured · " << metadata.targets.size()
      << (metadata.targets.size() == 1 ? " target" : " targets") << "\n";
  out << padRight("operation", 12) << padLeft("count", 10) << padLeft("errors", 8)
      << padLeft("req/s", 10) << padLeft("p50", 9) << padLeft("p90", 9) << padLeft("p99", 9)
      << padLeft("p99.9", 9) << padLeft("max", 9) << "\n";
  for (const auto& [name, stats] : results.operations)
    row(out, name, stats, seconds);
  row(out, "total", results.totals(), seconds);
  bool first = true;
  for (const auto& [name, stats] : results.operations) {
    for (const auto& [kind, count] : stats.errors()) {
      out << (first ? "errors: " : ", ") << name << " " << kind << " × " << count;
      first = false;
    }
  }
  if (!first) out << "\n";
  if (results.push) {
    const PushStats& push = *results.push;
    row(out, "push", push.deliveries, seconds);
    out << "subscribers " << push.subscribers << " · peak " << push.subscribersPeak << " · at end "
        << push.subscribersAtEnd << " · " << push.events << " events";
    first = true;
    for (const auto& [kind, count] : push.streamErrors) {
      out << (first ? " · stream errors: " : ", ") << kind << " × " << count;
      first = false;
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace mt::load
