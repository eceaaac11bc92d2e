#include "SummaryTable.h"

#include <cstdio>
#include <sstream>

namespace mt::experiment::runner {

namespace {

using nlohmann::json;

constexpr const char* kPercentileNames[4] = {"p50", "p90", "p99", "p99.9"};

// Appended to the CSV only when some row has push results (scenario live), so that
// other experiments' summary.csv keep their columns.
constexpr const char* kPushCsvHeader =
    "push_deliveries,push_deliveries_per_s,push_p50_ms,push_p90_ms,push_p99_ms,push_p99_9_ms,"
    "subscribers,subscribers_peak,subscribers_at_end,stream_errors,stream_errors_by_kind";
constexpr std::size_t kPushCsvColumns = 11;

bool anyPush(const std::vector<Figures>& rows) {
  for (const Figures& row : rows)
    if (row.push) return true;
  return false;
}

std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string errorKinds(const Figures& figures) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [kind, count] : figures.errorsByKind)
    pairs.emplace_back(kind, std::to_string(count));
  return joinPairs(pairs);
}

std::string streamErrorKinds(const PushFigures& push) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [kind, count] : push.streamErrorsByKind)
    pairs.emplace_back(kind, std::to_string(count));
  return joinPairs(pairs);
}

// The push columns of a row: empty for a run or point without push results.
std::vector<std::string> pushFields(const Figures& figures) {
  if (!figures.push) return std::vector<std::string>(kPushCsvColumns, "");
  const PushFigures& push = *figures.push;
  return {std::to_string(push.deliveries), fixed(push.deliveriesPerSecond, 2),
          fixed(push.latencyMs[0], 3),     fixed(push.latencyMs[1], 3),
          fixed(push.latencyMs[2], 3),     fixed(push.latencyMs[3], 3),
          fixed(push.subscribers, 1),      fixed(push.subscribersPeak, 1),
          fixed(push.subscribersAtEnd, 1), std::to_string(push.streamErrors),
          streamErrorKinds(push)};
}

std::string csvRow(const Figures& figures, bool withPush) {
  const bool numbers = figures.hasResults;
  auto number = [numbers](double value, int digits) {
    return numbers ? fixed(value, digits) : std::string();
  };
  std::vector<std::string> fields = {
      figures.repetition ? "run" : "point",
      figures.point,
      figures.repetition ? std::to_string(*figures.repetition) : "mean",
      joinPairs(figures.assignments),
      figures.status,
      figures.reason,
      numbers ? std::to_string(figures.requests) : "",
      numbers ? std::to_string(figures.errors) : "",
      number(figures.errorRate, 6),
      number(figures.throughput, 2),
      number(figures.latencyMs[0], 3),
      number(figures.latencyMs[1], 3),
      number(figures.latencyMs[2], 3),
      number(figures.latencyMs[3], 3),
      errorKinds(figures),
      std::to_string(figures.clientHosts),
      std::to_string(figures.clientHostsExpected),
      number(figures.durationSeconds, 3),
      fixed(figures.wallSeconds, 1)};
  if (withPush) {
    const std::vector<std::string> push = pushFields(figures);
    fields.insert(fields.end(), push.begin(), push.end());
  }
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i)
    row += (i ? "," : "") + csvField(fields[i]);
  return row + "\n";
}

}  // namespace

std::string joinPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string text;
  for (const auto& [key, value] : pairs)
    text += (text.empty() ? "" : ";") + key + "=" + value;
  return text;
}

json figuresJson(const Figures& figures) {
  json assignments = json::object();
  for (const auto& [key, value] : figures.assignments)
    assignments[key] = value;
  json result = {{"point", figures.point},
                 {"assignments", assignments},
                 {"status", figures.status},
                 {"reason", figures.reason.empty() ? json(nullptr) : json(figures.reason)},
                 {"clientHosts", figures.clientHosts},
                 {"clientHostsExpected", figures.clientHostsExpected},
                 {"wallSeconds", figures.wallSeconds}};
  if (figures.repetition) {
    result["repetition"] = *figures.repetition;
    result["missingClients"] = figures.missingClients;
  } else {
    result["repetitionsWithResults"] = figures.repetitions;
  }
  if (!figures.hasResults) {
    result["results"] = nullptr;
    return result;
  }
  json latency = json::object();
  for (int i = 0; i < 4; ++i)
    latency[kPercentileNames[i]] = figures.latencyMs[i];
  result["results"] = {{"requests", figures.requests},
                       {"errors", figures.errors},
                       {"errorRate", figures.errorRate},
                       {"errorsByKind", figures.errorsByKind},
                       {"throughput", figures.throughput},
                       {"durationSeconds", figures.durationSeconds},
                       {"latencyMs", latency}};
  if (figures.push) {
    const PushFigures& push = *figures.push;
    json pushLatency = json::object();
    for (int i = 0; i < 4; ++i)
      pushLatency[kPercentileNames[i]] = push.latencyMs[i];
    result["results"]["push"] = {{"deliveries", push.deliveries},
                                 {"deliveriesPerSecond", push.deliveriesPerSecond},
                                 {"latencyMs", pushLatency},
                                 {"subscribers", push.subscribers},
                                 {"subscribersPeak", push.subscribersPeak},
                                 {"subscribersAtEnd", push.subscribersAtEnd},
                                 {"streamErrors", push.streamErrors},
                                 {"streamErrorsByKind", push.streamErrorsByKind}};
    if (!figures.repetition) result["results"]["push"]["repetitions"] = push.repetitions;
  }
  return result;
}

std::string summaryCsvHeader(bool withPush) {
  return std::string(
             "level,point,repetition,assignments,status,reason,requests,errors,error_rate,"
             "throughput_rps,p50_ms,p90_ms,p99_ms,p99_9_ms,errors_by_kind,client_hosts,"
             "client_hosts_expected,duration_s,wall_s") +
         (withPush ? std::string(",") + kPushCsvHeader : "") + "\n";
}

std::string summaryCsv(const std::vector<Figures>& runs, const std::vector<Figures>& points) {
  const bool withPush = anyPush(runs) || anyPush(points);
  std::string text = summaryCsvHeader(withPush);
  for (const Figures& run : runs)
    text += csvRow(run, withPush);
  for (const Figures& point : points)
    text += csvRow(point, withPush);
  return text;
}

std::string summaryTable(const std::vector<Figures>& rows) {
  std::ostringstream out;
  char line[1024];
  std::snprintf(line, sizeof line, "%-6s %-4s %-11s %10s %9s %9s %9s %8s %7s  %s\n", "point", "rep",
                "status", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "clients",
                "assignments");
  out << line;
  for (const Figures& row : rows) {
    const std::string rep = row.repetition ? std::to_string(*row.repetition) : "mean";
    const std::string clients =
        std::to_string(row.clientHosts) + "/" + std::to_string(row.clientHostsExpected);
    if (row.hasResults) {
      std::snprintf(line, sizeof line, "%-6s %-4s %-11s %10.1f %9.2f %9.2f %9.2f %8llu %7s  %s\n",
                    row.point.c_str(), rep.c_str(), row.status.c_str(), row.throughput,
                    row.latencyMs[0], row.latencyMs[2], row.latencyMs[3],
                    static_cast<unsigned long long>(row.errors), clients.c_str(),
                    joinPairs(row.assignments).c_str());
    } else {
      std::snprintf(line, sizeof line, "%-6s %-4s %-11s %10s %9s %9s %9s %8s %7s  %s\n",
                    row.point.c_str(), rep.c_str(), row.status.c_str(), "-", "-", "-", "-", "-",
                    clients.c_str(), joinPairs(row.assignments).c_str());
    }
    out << line;
    if (row.push) {
      const PushFigures& push = *row.push;
      std::snprintf(line, sizeof line,
                    "       push: %.1f deliveries/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                    "%.0f subscribers (peak %.0f), %llu stream errors\n",
                    push.deliveriesPerSecond, push.latencyMs[0], push.latencyMs[2],
                    push.latencyMs[3], push.subscribers, push.subscribersPeak,
                    static_cast<unsigned long long>(push.streamErrors));
      out << line;
    }
    if (!row.reason.empty()) out << "       " << row.reason << "\n";
  }
  return out.str();
}

}  // namespace mt::experiment::runner
