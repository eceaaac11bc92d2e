#pragma once

#include <filesystem>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "RunnerPaths.h"
#include "Sweep.h"

// Runs every plan of an experiment one after the other through the driver and writes
// the results folder: config.toml, expanded.json, machine.json, pNN/rM/ (plan.json and
// what the driver wrote), summary.json and summary.csv.
namespace mt::experiment::runner {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRunFailed = 1;
inline constexpr int kExitCannotRun = 2;
inline constexpr int kExitInterrupted = 130;

struct RunnerOptions {
  std::string configPath;  // copied into the results as config.toml
  std::vector<std::string> overrides;
  bool loopback = false;
  std::filesystem::path outBase;  // absolute; must not exist or be empty
  RunnerPaths paths;
  std::string postgresBin;
  bool terminal = false;  // progress redrawn in place
  // Added to each plan's client deadline before the runner kills a driver: the
  // driver's own bounded steps (database, health, metrics, teardown) fit in it.
  double deadlineMarginSeconds = 600;
};

// `plans` in order, as planRuns made them (each with "point", "repetition", "outDir"
// under outBase). Returns kExitOk when every run is ok, kExitRunFailed when one is not,
// kExitCannotRun when the folder cannot be made, kExitInterrupted after SIGINT/SIGTERM.
// The summary table goes to `out`, progress and problems to `err`.
int runExperiment(const std::vector<SweepPoint>& points, const std::vector<nlohmann::json>& plans,
                  const RunnerOptions& options, std::ostream& out, std::ostream& err);

// Seconds after which the runner kills the driver of `plan`.
double driverDeadlineSeconds(const nlohmann::json& plan, double marginSeconds);

}  // namespace mt::experiment::runner
