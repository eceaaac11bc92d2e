#include "CleanCommand.h"

#include <signal.h>

#include <ostream>
#include <sstream>

#include "ChildProcess.h"
#include "RunState.h"

namespace mt::experiment::runner {

std::vector<std::string> cleanStaleRuns(const RunnerPaths& paths,
                                        std::vector<std::string>& problems) {
  std::vector<std::string> removed;
  for (const RecordedRun& run : recordedRuns()) {
    if (isAlive(run.runner)) continue;  // a run in progress: not ours to touch
    if (run.driverGroup.pid > 1 && isAlive(run.driverGroup)) {
      if (::kill(-run.driverGroup.pid, SIGKILL) == 0)
        removed.push_back("killed the driver process group " + std::to_string(run.driverGroup.pid) +
                          " of " + run.outDir);
      else
        problems.push_back("cannot kill the driver process group " +
                           std::to_string(run.driverGroup.pid));
    }
    std::error_code error;
    std::filesystem::remove(run.file, error);
    if (error)
      problems.push_back("cannot remove " + run.file.string() + ": " + error.message());
    else
      removed.push_back("removed the state file " + run.file.string() +
                        (run.outDir.empty() ? "" : " (run in " + run.outDir + ")"));
  }
  const CommandOutput driverClean = captureCommand(
      {paths.python, "-B", paths.driverDir + "/driver.py", "clean"}, std::chrono::seconds(60));
  std::istringstream lines(driverClean.output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (driverClean.exitCode == 0)
      removed.push_back(line);
    else
      problems.push_back("driver.py clean: " + line);
  }
  if (driverClean.exitCode != 0 && driverClean.output.empty())
    problems.push_back("driver.py clean exited with " + std::to_string(driverClean.exitCode));
  return removed;
}

int cleanCommand(const RunnerPaths& paths, std::ostream& out, std::ostream& err) {
  std::vector<std::string> problems;
  const std::vector<std::string> removed = cleanStaleRuns(paths, problems);
  for (const std::string& line : removed)
    out << line << "\n";
  if (removed.empty() && problems.empty()) out << "nothing to clean\n";
  for (const std::string& problem : problems)
    err << "minitwitter-experiment: clean: " << problem << "\n";
  return problems.empty() ? 0 : 1;
}

}  // namespace mt::experiment::runner
