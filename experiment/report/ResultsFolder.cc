#include "ResultsFolder.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace mt::experiment::report {

namespace {

using nlohmann::json;

std::optional<std::string> readText(const std::filesystem::path& path) {
  std::ifstream file(path);
  if (!file) return std::nullopt;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The document, or null with a line in `problems` saying why not.
json readJson(const std::filesystem::path& path, std::vector<std::string>& problems) {
  const std::optional<std::string> text = readText(path);
  if (!text) {
    problems.push_back(path.filename().string() + " is missing");
    return nullptr;
  }
  try {
    return json::parse(*text);
  } catch (const json::exception& error) {
    problems.push_back(path.filename().string() + " is not valid JSON: " + error.what());
    return nullptr;
  }
}

std::string stringOr(const json& object, const char* key, std::string fallback = "") {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return fallback;
  return object[key].get<std::string>();
}

using RunKey = std::pair<std::string, int>;  // point, repetition

// summary.json's record of each run, by point and repetition.
std::map<RunKey, json> recordedRuns(const json& summary) {
  std::map<RunKey, json> runs;
  if (!summary.is_object() || !summary.contains("runs") || !summary["runs"].is_array()) return runs;
  for (const json& run : summary["runs"]) {
    if (!run.is_object() || !run.contains("point") || !run.contains("repetition")) continue;
    if (!run["point"].is_string() || !run["repetition"].is_number_integer()) continue;
    runs[{run["point"].get<std::string>(), run["repetition"].get<int>()}] = run;
  }
  return runs;
}

// The client result files a run's plan names; without a plan, the c*.json files there.
std::vector<std::string> clientFiles(const std::filesystem::path& dir, bool& planned) {
  std::vector<std::string> names;
  std::vector<std::string> ignored;
  const json plan = readJson(dir / "plan.json", ignored);
  planned = plan.is_object() && plan.contains("clients") && plan["clients"].is_array();
  if (planned) {
    for (const json& client : plan["clients"])
      if (client.is_object() && client.contains("output") && client["output"].is_string())
        names.push_back(client["output"].get<std::string>());
    return names;
  }
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 6 && name[0] == 'c' && name.ends_with(".json")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

RunData readRun(const PointData& point, int repetition, const std::filesystem::path& dir,
                const json* recorded) {
  RunData run;
  run.repetition = repetition;
  run.dir = dir;
  runner::Figures& figures = run.figures;
  figures.point = point.id;
  figures.assignments = point.assignments;
  figures.repetition = repetition;
  if (recorded) {
    figures.status = stringOr(*recorded, "status", "unknown");
    figures.reason = stringOr(*recorded, "reason");
    figures.wallSeconds = recorded->value("wallSeconds", 0.0);
  }
  bool planned = false;
  std::vector<std::string> names;
  if (std::filesystem::is_directory(dir)) names = clientFiles(dir, planned);
  figures.clientHostsExpected = static_cast<int>(names.size());
  if (recorded) figures.clientHostsExpected = recorded->value("clientHostsExpected", 0);
  if (!names.empty()) {
    run.results = runner::mergeClientFiles(dir, names, figures.missingClients);
    figures.clientHosts =
        static_cast<int>(names.size()) - static_cast<int>(figures.missingClients.size());
    if (run.results) runner::setResultFigures(figures, *run.results);
  }
  if (!recorded) {
    figures.status = run.results ? "unrecorded" : "not-run";
    figures.reason = run.results ? "summary.json has no record of this run"
                                 : (planned ? "no client results and no record in summary.json"
                                            : "never started");
  } else if (figures.status == "ok" && names.empty()) {
    figures.status = "missing";
    figures.reason = std::filesystem::is_directory(dir)
                         ? "no client result files in " + dir.filename().string()
                         : "its folder " + dir.string() + " is missing";
  } else if (figures.status == "ok" && !figures.missingClients.empty()) {
    figures.status = "missing";
    figures.reason = "missing client files: ";
    for (std::size_t i = 0; i < figures.missingClients.size(); ++i)
      figures.reason += (i ? "; " : "") + figures.missingClients[i];
  }
  return run;
}

}  // namespace

ResultsFolder readResultsFolder(const std::filesystem::path& dir) {
  ResultsFolder folder;
  folder.dir = std::filesystem::absolute(dir).lexically_normal();
  if (!std::filesystem::is_directory(folder.dir))
    throw std::runtime_error(dir.string() + " is not a folder");
  std::vector<std::string> expandedProblems;
  const json expanded = readJson(folder.dir / "expanded.json", expandedProblems);
  if (!expanded.is_object() || !expanded.contains("points") || !expanded["points"].is_array())
    throw std::runtime_error(
        dir.string() + " is not a results folder of minitwitter-experiment run: " +
        (expandedProblems.empty() ? "expanded.json has no points" : expandedProblems.front()));

  folder.experiment = stringOr(expanded, "experiment", folder.dir.parent_path().filename());
  folder.backend = stringOr(expanded, "backend");
  folder.overrides = expanded.value("overrides", json::array());
  const json summary = readJson(folder.dir / "summary.json", folder.problems);
  folder.description = stringOr(summary, "description");
  folder.started = stringOr(summary, "started");
  folder.finished = stringOr(summary, "finished");
  folder.complete = summary.is_object() && summary.value("complete", false);
  folder.interruptedBy = stringOr(summary, "interruptedBy");
  if (summary.is_object() && !folder.complete)
    folder.problems.push_back(
        folder.interruptedBy.empty()
            ? "the runner did not finish (killed, or still running): the figures are those "
              "of the runs it recorded"
            : "the experiment was interrupted by " + folder.interruptedBy);
  folder.configText = readText(folder.dir / "config.toml").value_or("");
  if (folder.configText.empty()) folder.problems.emplace_back("config.toml is missing");
  folder.machine = readJson(folder.dir / "machine.json", folder.problems);

  std::set<std::string> keys;
  for (const json& entry : expanded["points"]) {
    PointData point;
    point.id = stringOr(entry, "id", "p" + std::to_string(folder.points.size() + 1));
    if (entry.contains("assignments") && entry["assignments"].is_object())
      for (const auto& [key, value] : entry["assignments"].items()) {
        point.assignments.emplace_back(key,
                                       value.is_string() ? value.get<std::string>() : value.dump());
        if (keys.insert(key).second) folder.sweepKeys.push_back(key);
      }
    point.config = entry.value("config", json::object());
    if (folder.description.empty()) folder.description = stringOr(point.config, "description");
    folder.points.push_back(std::move(point));
  }

  const std::map<RunKey, json> recorded = recordedRuns(summary);
  const json runs = expanded.value("runs", json::array());
  for (PointData& point : folder.points) {
    for (const json& entry : runs) {
      if (stringOr(entry, "point") != point.id) continue;
      const int repetition = entry.value("repetition", 1);
      // The folder may have moved since the run: the run's path is relative to it.
      const std::filesystem::path runDir =
          folder.dir / stringOr(entry, "dir", point.id + "/r" + std::to_string(repetition));
      const auto found = recorded.find({point.id, repetition});
      point.runs.push_back(
          readRun(point, repetition, runDir, found == recorded.end() ? nullptr : &found->second));
    }
  }
  return folder;
}

}  // namespace mt::experiment::report
