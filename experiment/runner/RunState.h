#pragma once

#include <sys/types.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

// A small file per running driver (its process group, the runner's pid, the run's
// folder), so that `minitwitter-experiment clean` can find what a SIGKILLed runner left
// running. Processes are identified by pid and start time: a reused pid is not ours.
namespace mt::experiment::runner {

struct ProcessIdentity {
  pid_t pid = 0;
  unsigned long long startTicks = 0;  // /proc/<pid>/stat field 22
};

// The start time of `pid`, or nothing when it does not exist.
std::optional<unsigned long long> processStartTicks(pid_t pid);
ProcessIdentity identify(pid_t pid);
// Whether the process is still the one identified (alive, same start time).
bool isAlive(const ProcessIdentity& process);

// $MINITWITTER_EXPERIMENT_STATE_DIR, else /run/minitwitter-experiment as root, else
// <tmp>/minitwitter-experiment-<uid>.
std::filesystem::path stateDirectory();

// The state file of one driver, removed by the destructor (or by `clean` when the
// runner died).
class RunStateFile {
 public:
  RunStateFile(const ProcessIdentity& driverGroup, const std::filesystem::path& outDir,
               const std::string& backend);
  ~RunStateFile();
  RunStateFile(const RunStateFile&) = delete;
  RunStateFile& operator=(const RunStateFile&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct RecordedRun {
  std::filesystem::path file;
  ProcessIdentity runner;
  ProcessIdentity driverGroup;  // the driver's process group leader (unshare or python)
  std::string outDir;
  std::string backend;
};

// Every state file in stateDirectory() that can be read (unreadable ones are returned
// with pid 0, to be removed).
std::vector<RecordedRun> recordedRuns();

}  // namespace mt::experiment::runner
