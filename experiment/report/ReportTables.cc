#include "ReportTables.h"

#include <cmath>
#include <set>

#include "Formatting.h"

namespace mt::experiment::report {

namespace {

using nlohmann::json;

std::string text(const json& value) {
  if (value.is_null()) return kNoValue;
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::string at(const json& object, std::initializer_list<const char*> path) {
  const json* node = &object;
  for (const char* key : path) {
    if (!node->is_object() || !node->contains(key)) return kNoValue;
    node = &(*node)[key];
  }
  return text(*node);
}

std::string topologyText(const json& topology) {
  if (!topology.is_object()) return kNoValue;
  std::string result = text(topology.value("kind", json(nullptr)));
  for (const auto& [key, value] : topology.items()) {
    if (key == "kind") continue;
    if (value.is_object()) {
      for (const auto& [linkKey, linkValue] : value.items())
        if (!linkValue.is_null())
          result.append(", ").append(key).append(".").append(linkKey).append("=").append(
              text(linkValue));
    } else if (!value.is_null()) {
      result += ", " + key + "=" + text(value);
    }
  }
  return result;
}

std::string runsText(const PointSummary& point) {
  return std::to_string(point.runsWithResults) + "/" + std::to_string(point.runs);
}

std::vector<std::string> figureCells(const PointSummary& point) {
  return {runsText(point),
          formatEstimate(point.throughput),
          formatEstimate(point.latencyMs[0]),
          formatEstimate(point.latencyMs[2]),
          formatEstimate(point.latencyMs[3]),
          formatPercentEstimate(point.errorRate),
          point.status};
}

std::vector<std::string> ratioCells(const PointSummary& point, const PointSummary& baseline) {
  return {"",
          formatRatio(point.throughput.mean, baseline.throughput.mean),
          formatRatio(point.latencyMs[0].mean, baseline.latencyMs[0].mean),
          formatRatio(point.latencyMs[2].mean, baseline.latencyMs[2].mean),
          formatRatio(point.latencyMs[3].mean, baseline.latencyMs[3].mean),
          formatRatio(point.errorRate.mean, baseline.errorRate.mean),
          ""};
}

std::string pushRunsText(const PointSummary& point) {
  return std::to_string(point.push ? point.push->runsWithPush : 0) + "/" +
         std::to_string(point.runs);
}

std::vector<std::string> pushCells(const PointSummary& point) {
  if (!point.push)
    return {pushRunsText(point),
            kNoValue,
            kNoValue,
            kNoValue,
            kNoValue,
            kNoValue,
            kNoValue,
            kNoValue,
            kNoValue};
  const PushSummary& push = *point.push;
  return {pushRunsText(point),
          std::to_string(push.deliveries),
          formatEstimate(push.deliveriesPerSecond),
          formatEstimate(push.subscribers),
          formatEstimate(push.subscribersPeak),
          formatEstimate(push.latencyMs[0]),
          formatEstimate(push.latencyMs[2]),
          formatEstimate(push.latencyMs[3]),
          std::to_string(push.streamErrors)};
}

std::vector<std::string> pushRatioCells(const PointSummary& point, const PointSummary& baseline) {
  const auto ratio = [&](const Estimate PushSummary::*field) {
    return point.push && baseline.push
               ? formatRatio((*point.push.*field).mean, (*baseline.push.*field).mean)
               : std::string(kNoValue);
  };
  const auto latencyRatio = [&](int i) {
    return point.push && baseline.push
               ? formatRatio(point.push->latencyMs[i].mean, baseline.push->latencyMs[i].mean)
               : std::string(kNoValue);
  };
  return {"",
          "",
          ratio(&PushSummary::deliveriesPerSecond),
          "",
          ratio(&PushSummary::subscribersPeak),
          latencyRatio(0),
          latencyRatio(2),
          latencyRatio(3),
          ""};
}

std::vector<std::string> row(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

}  // namespace

Table runDescriptionTable(const ResultsFolder& folder) {
  Table table;
  table.header = {"", ""};
  const auto add = [&](const std::string& key, const std::string& value) {
    table.rows.push_back({key, value.empty() ? kNoValue : value});
  };
  add("experiment", folder.experiment);
  add("description", folder.description);
  add("network", folder.backend == "loopback"
                     ? "loopback: processes on one host, no network emulation (bandwidth, "
                       "delay and loss not applied)"
                 : folder.backend == "mininet" ? "Mininet (emulated hosts and links)"
                                               : folder.backend);
  add("started", folder.started);
  add("finished", folder.complete ? folder.finished : "did not finish");
  std::size_t runs = 0;
  for (const PointData& point : folder.points)
    runs += point.runs.size();
  add("points × runs",
      std::to_string(folder.points.size()) + " point(s), " + std::to_string(runs) + " run(s)");
  std::string swept;
  for (const std::string& key : folder.sweepKeys)
    swept += (swept.empty() ? "" : ", ") + key;
  add("swept", swept.empty() ? "nothing (one point)" : swept);
  std::string overrides;
  if (folder.overrides.is_array())
    for (const json& item : folder.overrides)
      overrides += (overrides.empty() ? "" : " ") + std::string("--set ") + text(item);
  add("overrides", overrides.empty() ? "none" : overrides);
  if (!folder.points.empty()) {
    const json& config = folder.points.front().config;
    const std::string note = folder.sweepKeys.empty() ? "" : " (first point)";
    add("topology" + note, topologyText(config.value("topology", json(nullptr))));
    add("database", at(config, {"database", "kind"}));
    add("servers" + note, at(config, {"servers", "instances"}) + " instance(s), " +
                              at(config, {"servers", "threads"}) + " thread(s), " +
                              at(config, {"servers", "workers"}) + " worker(s), password cost " +
                              at(config, {"servers", "password_cost"}));
    add("clients" + note,
        at(config, {"clients", "hosts"}) + " host(s), " + at(config, {"clients", "reach"}));
    add("workload" + note,
        at(config, {"workload", "scenario"}) + ", " + at(config, {"workload", "loop"}) + " loop, " +
            at(config, {"workload", "users_per_host"}) + " users and " +
            at(config, {"workload", "connections_per_host"}) + " connections per host, warm-up " +
            at(config, {"workload", "warmup"}) + ", measured " +
            at(config, {"workload", "duration"}) + ", think time " +
            at(config, {"workload", "think_time"}) + ", timeout " +
            at(config, {"workload", "timeout"}) +
            (config.contains("workload") && config["workload"].contains("posters")
                 ? ", " + at(config, {"workload", "posters"}) + " poster(s) in all"
                 : ""));
    add("repetitions", at(config, {"repetitions"}));
  }
  add("results folder", folder.dir.string());
  return table;
}

Table machineTable(const ResultsFolder& folder) {
  Table table;
  table.header = {"", ""};
  const json& machine = folder.machine;
  if (!machine.is_object()) {
    table.rows.push_back({"machine", "unknown: machine.json is missing"});
    return table;
  }
  const auto add = [&](const std::string& key, const std::string& value) {
    table.rows.push_back({key, value});
  };
  add("host", at(machine, {"hostName"}));
  add("kernel", at(machine, {"kernel", "system"}) + " " + at(machine, {"kernel", "release"}) + " " +
                    at(machine, {"kernel", "machine"}));
  add("cores", at(machine, {"cores"}));
  if (machine.contains("memoryBytes") && machine["memoryBytes"].is_number())
    add("memory",
        formatSignificant(machine["memoryBytes"].get<double>() / (1024.0 * 1024 * 1024)) + " GiB");
  add("operating system", at(machine, {"osRelease"}));
  add("compiler", at(machine, {"compiler"}));
  if (machine.contains("tools") && machine["tools"].is_object())
    for (const auto& [tool, version] : machine["tools"].items())
      add(tool, text(version));
  return table;
}

namespace {

using PointCells = std::vector<std::string> (*)(const PointSummary&);
using RatioCells = std::vector<std::string> (*)(const PointSummary&, const PointSummary&);

// A row per point (its id and assignments, then `cells`); with a baseline, each point's
// row is followed by the baseline's counterpart and their ratio.
Table perPointTable(const std::vector<PointSummary>& points,
                    const std::vector<PointSummary>* baseline, std::vector<std::string> figures,
                    std::vector<bool> numeric, PointCells cells, RatioCells ratios) {
  Table table;
  table.header = {"point", "assignments"};
  table.header.insert(table.header.end(), figures.begin(), figures.end());
  table.numeric = {false, false};
  table.numeric.insert(table.numeric.end(), numeric.begin(), numeric.end());
  if (baseline) {
    table.header.insert(table.header.begin() + 2, "of");
    table.numeric.insert(table.numeric.begin() + 2, false);
  }
  for (const PointSummary& point : points) {
    const std::string assignments = assignmentsText(point.assignments);
    if (!baseline) {
      table.rows.push_back(row({point.id, assignments}, cells(point)));
      continue;
    }
    table.rows.push_back(row({point.id, assignments, "this run"}, cells(point)));
    const PointSummary* counterpart = findPoint(*baseline, point.assignments);
    if (!counterpart) {
      std::vector<std::string> none(figures.size(), kNoValue);
      none.back() = "no such point";
      table.rows.push_back(row({"", "", "baseline"}, none));
      continue;
    }
    table.rows.push_back(row({"", "", "baseline"}, cells(*counterpart)));
    table.rows.push_back(row({"", "", "ratio"}, ratios(point, *counterpart)));
  }
  return table;
}

}  // namespace

Table pointsTable(const std::vector<PointSummary>& points,
                  const std::vector<PointSummary>* baseline) {
  return perPointTable(
      points, baseline,
      {"runs", "throughput (req/s)", "p50 (ms)", "p99 (ms)", "p99.9 (ms)", "errors", "status"},
      {true, true, true, true, true, true, false}, figureCells, ratioCells);
}

Table pushTable(const std::vector<PointSummary>& points,
                const std::vector<PointSummary>* baseline) {
  return perPointTable(points, baseline,
                       {"runs", "deliveries", "deliveries/s", "subscribers", "peak streams",
                        "push p50 (ms)", "push p99 (ms)", "push p99.9 (ms)", "stream errors"},
                       {true, true, true, true, true, true, true, true, true}, pushCells,
                       pushRatioCells);
}

Table runsTable(const ResultsFolder& folder) {
  Table table;
  table.header = {"point",    "repetition", "status",  "throughput (req/s)", "p50 (ms)",
                  "p99 (ms)", "errors",     "clients", "wall time",          "why"};
  table.numeric = {false, true, false, true, true, true, true, true, true, false};
  for (const PointData& point : folder.points)
    for (const RunData& run : point.runs) {
      const runner::Figures& figures = run.figures;
      const bool has = figures.hasResults;
      table.rows.push_back(
          {point.id, std::to_string(run.repetition), figures.status,
           has ? formatSignificant(figures.throughput) : kNoValue,
           has ? formatSignificant(figures.latencyMs[0]) : kNoValue,
           has ? formatSignificant(figures.latencyMs[2]) : kNoValue,
           has ? std::to_string(figures.errors) : kNoValue,
           std::to_string(figures.clientHosts) + "/" + std::to_string(figures.clientHostsExpected),
           figures.wallSeconds > 0 ? formatSeconds(figures.wallSeconds) : kNoValue,
           figures.reason});
    }
  return table;
}

Table scalingTable(const SweepAxis& axis, const std::vector<PointSummary>* baseline) {
  Table table;
  table.header = {"held fixed", "of", "servers", "throughput (req/s)", "speed-up", "efficiency"};
  table.numeric = {false, false, true, true, true, true};
  const auto add = [&](const SweepFamily& family, const std::string& of) {
    for (const ScalingRow& scaling : scalingOf(family))
      table.rows.push_back({family.heldFixed.empty() ? kNoValue : family.heldFixed, of,
                            formatSignificant(scaling.servers),
                            formatSignificant(scaling.throughput),
                            formatSignificant(scaling.speedup), formatPercent(scaling.efficiency)});
  };
  for (const SweepFamily& family : axis.families) {
    add(family, "this run");
    if (baseline) add(counterpartFamily(family, *baseline), "baseline");
  }
  return table;
}

Table operationsTable(const std::vector<PointSummary>& points,
                      const std::vector<PointSummary>* baseline) {
  Table table;
  table.header = {"point", "of", "operation", "requests", "errors", "error rate", "errors by kind"};
  table.numeric = {false, false, false, true, true, true, false};
  const auto add = [&](const PointSummary& point, const std::string& of) {
    for (const auto& [name, operation] : point.operations) {
      std::string kinds;
      for (const auto& [kind, count] : operation.errorsByKind)
        kinds += (kinds.empty() ? "" : ", ") + kind + " " + std::to_string(count);
      table.rows.push_back({point.id, of, name, std::to_string(operation.count),
                            std::to_string(operation.errors),
                            operation.count ? formatPercent(static_cast<double>(operation.errors) /
                                                            static_cast<double>(operation.count))
                                            : kNoValue,
                            kinds.empty() ? kNoValue : kinds});
    }
  };
  for (const PointSummary& point : points) {
    add(point, "this run");
    if (baseline)
      if (const PointSummary* counterpart = findPoint(*baseline, point.assignments))
        add(*counterpart, "baseline");
  }
  if (!baseline) {
    for (auto& cells : table.rows)
      cells.erase(cells.begin() + 1);
    table.header.erase(table.header.begin() + 1);
    table.numeric.erase(table.numeric.begin() + 1);
  }
  return table;
}

}  // namespace mt::experiment::report
