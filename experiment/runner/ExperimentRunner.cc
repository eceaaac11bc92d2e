#include "ExperimentRunner.h"

#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>

#include "CleanCommand.h"
#include "ConfigJson.h"
#include "DriverRun.h"
#include "InterruptSignals.h"
#include "MachineFacts.h"
#include "Prerequisites.h"
#include "Progress.h"
#include "ResultFiles.h"
#include "RunState.h"
#include "RunSummary.h"
#include "SummaryTable.h"

namespace mt::experiment::runner {

namespace {

using nlohmann::json;

void writeJson(const std::filesystem::path& path, const json& document) {
  writeFileAtomically(path, document.dump(2) + "\n");
}

std::string signalName(int number) {
  const char* abbreviation = ::sigabbrev_np(number);
  return abbreviation ? std::string("SIG") + abbreviation : "signal " + std::to_string(number);
}

// The driver's reason: driver.json's error, its last "driver: error:" line, or its code.
std::string driverReason(const std::filesystem::path& outDir, const DriverResult& result) {
  std::string reason;
  std::ifstream file(outDir / "driver.json");
  if (file) {
    try {
      const json document = json::parse(file);
      if (document.contains("error") && document["error"].is_string())
        reason = document["error"].get<std::string>();
    } catch (const json::exception&) {
      reason = "driver.json is not JSON";
    }
  }
  if (reason.empty()) reason = result.errorLine;
  if (result.killedAtDeadline)
    reason = "the driver ran past its deadline and was killed (with its namespace)" +
             (reason.empty() ? "" : ": " + reason);
  if (result.killedAfterGrace)
    reason += (reason.empty() ? "" : "; ") +
              std::string("the driver did not finish its teardown in time and was killed");
  if (reason.empty() && result.exitCode != 0)
    reason = "the driver exited with " + std::to_string(result.exitCode);
  return reason;
}

bool folderIsEmptyOrMissing(const std::filesystem::path& folder) {
  std::error_code error;
  if (!std::filesystem::exists(folder, error)) return true;
  return std::filesystem::is_directory(folder, error) &&
         std::filesystem::directory_iterator(folder, error) ==
             std::filesystem::directory_iterator();
}

std::string assignmentsText(const Assignments& assignments) {
  std::string text;
  for (const auto& [key, value] : assignments)
    text += (text.empty() ? "" : ", ") + key + "=" + value;
  return text;
}

struct RunPlanInfo {
  std::size_t pointIndex = 0;
  RunOutcome outcome;  // filled in as the run goes
  double measuredSeconds = 0;
  std::string backend;
};

std::vector<RunPlanInfo> describeRuns(const std::vector<SweepPoint>& points,
                                      const std::vector<json>& plans) {
  std::map<std::string, std::size_t> pointIndex;
  for (std::size_t i = 0; i < points.size(); ++i)
    pointIndex[points[i].id] = i;
  std::vector<RunPlanInfo> runs;
  for (const json& plan : plans) {
    RunPlanInfo info;
    info.pointIndex = pointIndex.at(plan.at("point").get<std::string>());
    const SweepPoint& point = points[info.pointIndex];
    info.outcome.point = point.id;
    info.outcome.assignments = point.assignments;
    info.outcome.repetition = plan.at("repetition").get<int>();
    info.outcome.outDir = plan.at("outDir").get<std::string>();
    for (const json& client : plan.at("clients"))
      info.outcome.clientOutputs.push_back(client.at("output").get<std::string>());
    info.measuredSeconds =
        static_cast<double>(point.config.workload.warmupNs + point.config.workload.durationNs) /
        1e9;
    info.backend = plan.at("backend").get<std::string>();
    runs.push_back(std::move(info));
  }
  return runs;
}

class SummaryWriter {
 public:
  SummaryWriter(const std::filesystem::path& outBase, json header)
      : outBase_(outBase), header_(std::move(header)) {}

  void write(const std::vector<RunPlanInfo>& runs, std::size_t pointCount, bool finished,
             int interruptedBy) {
    runs_.clear();
    points_.clear();
    std::vector<std::vector<Figures>> perPoint(pointCount);
    for (const RunPlanInfo& run : runs) {
      runs_.push_back(summarizeRun(run.outcome));
      perPoint[run.pointIndex].push_back(runs_.back());
    }
    for (const std::vector<Figures>& figures : perPoint) {
      if (!figures.empty()) points_.push_back(summarizePoint(figures));
    }
    json document = header_;
    document["finished"] = finished ? json(nowRfc3339()) : json(nullptr);
    document["complete"] = finished;
    document["interruptedBy"] = interruptedBy ? json(signalName(interruptedBy)) : json(nullptr);
    document["ok"] = allOk();
    json runList = json::array();
    for (const Figures& figures : runs_)
      runList.push_back(figuresJson(figures));
    json pointList = json::array();
    for (const Figures& figures : points_)
      pointList.push_back(figuresJson(figures));
    document["runs"] = runList;
    document["points"] = pointList;
    writeJson(outBase_ / "summary.json", document);
    writeFileAtomically(outBase_ / "summary.csv", summaryCsv(runs_, points_));
  }

  bool allOk() const {
    for (const Figures& figures : runs_) {
      if (figures.status != "ok") return false;
    }
    return true;
  }

  const std::vector<Figures>& runs() const { return runs_; }
  const std::vector<Figures>& points() const { return points_; }

 private:
  std::filesystem::path outBase_;
  json header_;
  std::vector<Figures> runs_;
  std::vector<Figures> points_;
};

// Sets the results folder up before the first run; throws std::runtime_error.
void prepareFolder(const std::vector<SweepPoint>& points, const std::vector<RunPlanInfo>& runs,
                   const RunnerOptions& options) {
  if (!folderIsEmptyOrMissing(options.outBase))
    throw std::runtime_error("the results folder " + options.outBase.string() +
                             " exists and is not empty: choose another --out");
  std::filesystem::create_directories(options.outBase);
  std::filesystem::copy_file(options.configPath, options.outBase / "config.toml",
                             std::filesystem::copy_options::overwrite_existing);
  json runList = json::array();
  for (const RunPlanInfo& run : runs)
    runList.push_back(
        {{"point", run.outcome.point},
         {"repetition", run.outcome.repetition},
         {"dir", std::filesystem::relative(run.outcome.outDir, options.outBase).string()}});
  writeJson(options.outBase / "expanded.json",
            {{"schema", "minitwitter-experiment-expanded/1"},
             {"experiment", points.front().config.name},
             {"configFile", options.configPath},
             {"overrides", options.overrides},
             {"backend", options.loopback ? "loopback" : "mininet"},
             {"points", pointsJson(points)},
             {"runs", runList}});
  writeJson(options.outBase / "machine.json",
            collectMachineFacts(options.paths, options.postgresBin));
}

bool needsShaping(const std::vector<SweepPoint>& points) {
  for (const SweepPoint& point : points) {
    const TopologySettings& topology = point.config.topology;
    if (topology.clientBwMbps > 0 || topology.bottleneckBwMbps > 0 ||
        !netemSettings(point.config).empty())
      return true;
  }
  return false;
}

}  // namespace

double driverDeadlineSeconds(const json& plan, double marginSeconds) {
  const json& timing = plan.at("timing");
  const double hosts =
      static_cast<double>(plan.at("clients").size() + plan.at("servers").size() + 2);
  // Bringing a network up and down takes time per host; the plans' deadline is the
  // clients' alone.
  return timing.value("deadlineSeconds", 600.0) + timing.value("startDelaySeconds", 2.0) +
         marginSeconds + 2 * hosts;
}

int runExperiment(const std::vector<SweepPoint>& points, const std::vector<json>& plans,
                  const RunnerOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<RunPlanInfo> runs = describeRuns(points, plans);
  const std::string started = nowRfc3339();
  try {
    prepareFolder(points, runs, options);
  } catch (const std::exception& error) {
    err << "minitwitter-experiment: " << error.what() << "\n";
    return kExitCannotRun;
  }

  std::vector<ProgressRun> progressRuns;
  for (const RunPlanInfo& run : runs) {
    const SweepPoint& point = points[run.pointIndex];
    progressRuns.push_back({point.id, assignmentsText(point.assignments),
                            static_cast<int>(run.pointIndex) + 1, static_cast<int>(points.size()),
                            run.outcome.repetition, point.config.repetitions, run.measuredSeconds});
  }
  Progress progress(err, options.terminal, progressRuns, options.loopback ? 6.0 : 10.0);
  const ExperimentConfig& first = points.front().config;
  progress.note(first.name + ": " + std::to_string(points.size()) + " point(s), " +
                std::to_string(runs.size()) + " run(s) on " +
                (options.loopback ? "loopback" : "Mininet") + ", results in " +
                options.outBase.string());
  if (options.loopback && needsShaping(points))
    progress.note(
        "loopback: no network emulation (the topology's bandwidth, delay and loss "
        "are not applied)");
  {
    std::vector<std::string> problems;
    for (const std::string& line : cleanStaleRuns(options.paths, problems))
      progress.note("cleaned up after an earlier run: " + line);
    for (const std::string& problem : problems)
      progress.note("warning: " + problem);
  }

  SummaryWriter summary(options.outBase, {{"schema", kSummarySchema},
                                          {"experiment", first.name},
                                          {"description", first.description},
                                          {"backend", options.loopback ? "loopback" : "mininet"},
                                          {"started", started}});
  const InterruptSignals signals;
  const bool inNamespace = runsInNamespace(options.loopback);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (signals.received() != 0) break;
    RunPlanInfo& run = runs[i];
    RunOutcome& outcome = run.outcome;
    progress.runStarted(i);
    try {
      std::filesystem::create_directories(outcome.outDir);
      const std::filesystem::path planPath = outcome.outDir / "plan.json";
      writeJson(planPath, plans[i]);
      DriverLimits limits;
      limits.deadline = std::chrono::milliseconds(static_cast<long long>(
          driverDeadlineSeconds(plans[i], options.deadlineMarginSeconds) * 1000));
      std::optional<RunStateFile> state;
      DriverCallbacks callbacks;
      callbacks.onLine = [&progress](const std::string& line) { progress.driverLine(line); };
      callbacks.onTick = [&progress] { progress.tick(); };
      callbacks.onStarted = [&](pid_t group) {
        state.emplace(identify(group), outcome.outDir, run.backend);
      };
      outcome.started = true;
      const DriverResult result =
          runDriver(driverCommand(options.paths, inNamespace, planPath),
                    outcome.outDir / "driver.out.log", limits, signals, callbacks);
      state.reset();
      outcome.driverExitCode = result.exitCode;
      outcome.wallSeconds = result.wallSeconds;
      outcome.interrupted = result.interruptedBy != 0;
      if (result.exitCode != 0 || result.killedAtDeadline || result.killedAfterGrace)
        outcome.driverError = driverReason(outcome.outDir, result);
      if (outcome.interrupted)
        outcome.driverError =
            "interrupted by " + signalName(result.interruptedBy) +
            (result.killedAfterGrace ? ": the driver did not tear down in time and was killed"
             : result.exitCode == 3  ? ", torn down"
                                     : ", driver exit code " + std::to_string(result.exitCode));
      if (result.killedAtDeadline && outcome.driverExitCode == 0) outcome.driverExitCode = 137;
    } catch (const std::exception& error) {
      outcome.driverExitCode = -1;
      outcome.driverError = error.what();
    }
    const Figures figures = summarizeRun(outcome);
    std::string result = figures.status;
    if (figures.hasResults) {
      char text[128];
      std::snprintf(text, sizeof text, " (%.1f req/s, p50 %.2f ms, p99 %.2f ms, %llu errors)",
                    figures.throughput, figures.latencyMs[0], figures.latencyMs[2],
                    static_cast<unsigned long long>(figures.errors));
      result += text;
    }
    if (!figures.reason.empty()) result += ": " + figures.reason;
    progress.runFinished(result, outcome.wallSeconds);
    try {
      summary.write(runs, points.size(), false, signals.received());
    } catch (const std::exception& error) {
      progress.note(std::string("warning: ") + error.what());
    }
  }
  progress.finish();

  const int interruptedBy = signals.received();
  try {
    summary.write(runs, points.size(), true, interruptedBy);
  } catch (const std::exception& error) {
    err << "minitwitter-experiment: " << error.what() << "\n";
    return kExitRunFailed;
  }
  // With repetitions: the points' means first, then every run.
  if (summary.points().size() != summary.runs().size())
    out << summaryTable(summary.points()) << "\n";
  out << summaryTable(summary.runs());
  out << "results in " << options.outBase.string() << "\n";
  if (interruptedBy != 0) {
    err << "minitwitter-experiment: interrupted by " << signalName(interruptedBy)
        << "; the runs so far are in the summary\n";
    return kExitInterrupted;
  }
  if (!summary.allOk()) {
    err << "minitwitter-experiment: not every run succeeded; see summary.csv\n";
    return kExitRunFailed;
  }
  return kExitOk;
}

}  // namespace mt::experiment::runner
