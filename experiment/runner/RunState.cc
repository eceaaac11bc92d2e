#include "RunState.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mt::experiment::runner {

namespace {

using nlohmann::json;

json identityJson(const ProcessIdentity& process) {
  return {{"pid", process.pid}, {"startTicks", process.startTicks}};
}

ProcessIdentity identityFrom(const json& value) {
  ProcessIdentity process;
  process.pid = value.at("pid").get<pid_t>();
  process.startTicks = value.at("startTicks").get<unsigned long long>();
  return process;
}

}  // namespace

std::optional<unsigned long long> processStartTicks(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(stat, text)) return std::nullopt;
  // The command name (field 2) is in parentheses and may hold anything: count fields
  // from the last ')'. Field 3 is the first after it; the start time is field 22.
  const std::size_t close = text.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(text.substr(close + 1));
  std::string field;
  for (int number = 3; fields >> field; ++number) {
    if (number == 22) return std::stoull(field);
  }
  return std::nullopt;
}

ProcessIdentity identify(pid_t pid) {
  return {pid, processStartTicks(pid).value_or(0)};
}

bool isAlive(const ProcessIdentity& process) {
  if (process.pid <= 0) return false;
  const std::optional<unsigned long long> ticks = processStartTicks(process.pid);
  return ticks && *ticks == process.startTicks;
}

std::filesystem::path stateDirectory() {
  if (const char* chosen = std::getenv("MINITWITTER_EXPERIMENT_STATE_DIR"); chosen && *chosen)
    return chosen;
  if (::geteuid() == 0) return "/run/minitwitter-experiment";
  return std::filesystem::temp_directory_path() /
         ("minitwitter-experiment-" + std::to_string(::geteuid()));
}

RunStateFile::RunStateFile(const ProcessIdentity& driverGroup, const std::filesystem::path& outDir,
                           const std::string& backend) {
  const std::filesystem::path folder = stateDirectory();
  std::filesystem::create_directories(folder);
  path_ = folder / ("run-" + std::to_string(::getpid()) + ".json");
  const json document = {{"runner", identityJson(identify(::getpid()))},
                         {"driverGroup", identityJson(driverGroup)},
                         {"outDir", outDir.string()},
                         {"backend", backend}};
  std::ofstream file(path_);
  file << document.dump(2) << "\n";
}

RunStateFile::~RunStateFile() {
  std::error_code error;
  std::filesystem::remove(path_, error);
}

std::vector<RecordedRun> recordedRuns() {
  std::vector<RecordedRun> runs;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(stateDirectory(), error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("run-") || !name.ends_with(".json")) continue;
    RecordedRun run;
    run.file = entry.path();
    try {
      std::ifstream file(entry.path());
      const json document = json::parse(file);
      run.runner = identityFrom(document.at("runner"));
      run.driverGroup = identityFrom(document.at("driverGroup"));
      run.outDir = document.value("outDir", "");
      run.backend = document.value("backend", "");
    } catch (const std::exception&) {
      run.runner = {};
      run.driverGroup = {};
    }
    runs.push_back(run);
  }
  return runs;
}

}  // namespace mt::experiment::runner
