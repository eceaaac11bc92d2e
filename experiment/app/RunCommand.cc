#include "RunCommand.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "CleanCommand.h"
#include "ExperimentRunner.h"
#include "Plan.h"
#include "PlanSummary.h"
#include "Prerequisites.h"
#include "RunEnvironment.h"
#include "RunnerPaths.h"

namespace mt::experiment::app {

namespace {

constexpr int kExitBadConfig = 2;

std::string plural(std::size_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

// The command line's paths, completed from the environment and the build tree.
runner::RunnerPaths resolvePaths(const RunOptions& options) {
  runner::RunnerPaths given;
  given.serverBinary = options.serverBinary;
  given.clientBinary = options.clientBinary;
  given.topologiesDir = options.topologiesDir;
  given.driverDir.clear();
  given.python.clear();
  return runner::resolveRunnerPaths(given);
}

}  // namespace

std::vector<nlohmann::json> planRuns(const std::vector<SweepPoint>& points,
                                     const RunOptions& options,
                                     const std::filesystem::path& outBase) {
  std::vector<nlohmann::json> plans;
  for (const SweepPoint& point : points) {
    for (int repetition = 1; repetition <= point.config.repetitions; ++repetition) {
      PlanContext context;
      context.backend = options.loopback ? Backend::loopback : Backend::mininet;
      context.outDir = outBase / point.id / ("r" + std::to_string(repetition));
      context.serverBinary = options.serverBinary;
      context.clientBinary = options.clientBinary;
      context.postgresBin = options.postgresBin;
      context.topologiesDir = options.topologiesDir;
      context.databasePassword = randomPassword();
      context.postgresPort = options.loopback ? freeLoopbackPort() : 5432;
      plans.push_back(buildPlan(point, repetition, context));
    }
  }
  return plans;
}

void addRunOptions(CLI::App& command, RunOptions& options) {
  command.add_option("CONFIG", options.config, "The experiment config (experiments/*.toml)")
      ->required();
  command.add_option("--set", options.overrides,
                     "Override a key: --set servers.instances=4; a list sweeps over it: "
                     "--set 'servers.instances=[1,2]' (repeatable)");
  command.add_flag("--dry-run", options.dryRun, "Print the plans, run nothing");
  command.add_flag("--check", options.check,
                   "Check what the run needs (root, Mininet, PostgreSQL, …) and run nothing: "
                   "exit 0 when all is there, 2 with one line per missing piece");
  command.add_flag("--json", options.json, "With --dry-run: print the plans as a JSON array");
  command.add_flag("--loopback", options.loopback,
                   "Run as processes on this host, without Mininet (no shaping)");
  command.add_option("--out", options.outDir,
                     "Results folder (default: results/<experiment>/<UTC timestamp>)");
  command.add_option("--server-bin", options.serverBinary,
                     "The minitwitter binary (default: $MINITWITTER_BIN, else the build tree's)");
  command.add_option(
      "--client-bin", options.clientBinary,
      "The minitwitter-client binary (default: $MINITWITTER_CLIENT_BIN, else the build tree's)");
  command.add_option("--topologies", options.topologiesDir,
                     "Folder of the Mininet topologies (default: the source tree's)");
  command.add_option("--postgres-bin", options.postgresBin, "Folder of PostgreSQL's programs")
      ->capture_default_str();
}

int runCommand(const RunOptions& given, std::ostream& out, std::ostream& err) {
  const runner::RunnerPaths paths = resolvePaths(given);
  RunOptions options = given;
  options.serverBinary = paths.serverBinary;
  options.clientBinary = paths.clientBinary;
  options.topologiesDir = paths.topologiesDir;
  std::vector<SweepPoint> points;
  try {
    points = loadExperiment(options.config, options.overrides);
  } catch (const ConfigError& error) {
    err << "minitwitter-experiment: " << error.what() << "\n";
    return kExitBadConfig;
  }
  if (options.json && !options.dryRun) {
    err << "minitwitter-experiment: --json prints the plans of --dry-run: add --dry-run\n";
    return kExitBadConfig;
  }
  if (options.check && options.dryRun) {
    err << "minitwitter-experiment: --check and --dry-run: choose one\n";
    return kExitBadConfig;
  }
  if (!options.dryRun) {
    runner::PrerequisiteQuery query{options.loopback, paths, options.postgresBin};
    const std::vector<std::string> missing = runner::missingPrerequisites(points, query);
    for (const std::string& problem : missing)
      err << "minitwitter-experiment: " << problem << "\n";
    if (!missing.empty()) return kExitBadConfig;
    if (options.check) {
      out << points.front().config.name << ": everything it needs is here (on "
          << (options.loopback ? "loopback" : "Mininet") << ")\n";
      return 0;
    }
  }

  const ExperimentConfig& first = points.front().config;
  const std::filesystem::path outBase = std::filesystem::absolute(
      options.outDir.empty() ? std::filesystem::path("results") / first.name / timestampFolderName()
                             : std::filesystem::path(options.outDir));
  const std::vector<nlohmann::json> plans = planRuns(points, options, outBase);
  if (!options.dryRun) {
    runner::RunnerOptions runnerOptions;
    runnerOptions.configPath = options.config;
    runnerOptions.overrides = options.overrides;
    runnerOptions.loopback = options.loopback;
    runnerOptions.outBase = outBase;
    runnerOptions.paths = paths;
    runnerOptions.postgresBin = options.postgresBin;
    runnerOptions.terminal = options.terminal;
    return runner::runExperiment(points, plans, runnerOptions, out, err);
  }
  if (options.json) {
    out << nlohmann::json(plans).dump(2) << "\n";
    return 0;
  }
  out << first.name << ": " << plural(points.size(), "point") << ", " << plural(plans.size(), "run")
      << " on " << (options.loopback ? "loopback" : "Mininet") << ", results in "
      << outBase.string() << "\n";
  if (!first.description.empty()) out << first.description << "\n";
  for (const nlohmann::json& plan : plans)
    out << "\n" << describePlan(plan);
  return 0;
}

int cleanCommand(std::ostream& out, std::ostream& err) {
  return runner::cleanCommand(runner::resolveRunnerPaths({}), out, err);
}

}  // namespace mt::experiment::app
