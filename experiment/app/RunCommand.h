#pragma once

#include <filesystem>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "Sweep.h"

namespace CLI {
class App;
}

// `minitwitter-experiment run`: validate, expand the sweep, build each point and
// repetition's plan; --dry-run prints them, otherwise the runner (experiment/runner/)
// checks the prerequisites and executes them one after the other.
namespace mt::experiment::app {

struct RunOptions {
  std::string config;
  std::vector<std::string> overrides;  // --set key=value, in order
  bool dryRun = false;
  bool check = false;  // check the prerequisites only: exit 0 when met, 2 with the missing
  bool json = false;
  bool loopback = false;
  std::string outDir;  // default: results/<name>/<timestamp>
  std::string serverBinary;
  std::string clientBinary;
  std::string topologiesDir;
  std::string postgresBin;
  bool terminal = false;  // stderr is a terminal: progress redrawn in place
};

void addRunOptions(CLI::App& command, RunOptions& options);

// Every point's plans, repetitions in order, each run in outBase/<point>/r<repetition>
// with a fresh database password (and, on loopback, a free PostgreSQL port): what the
// runner executes one after the other.
std::vector<nlohmann::json> planRuns(const std::vector<SweepPoint>& points,
                                     const RunOptions& options,
                                     const std::filesystem::path& outBase);

// The process's exit code: 0 every run ok, 1 a run failed, 2 a bad config or a missing
// prerequisite (nothing started), 130 interrupted by SIGINT/SIGTERM.
int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err);

// `minitwitter-experiment clean`: what SIGKILLed runs left behind.
int cleanCommand(std::ostream& out, std::ostream& err);

}  // namespace mt::experiment::app
