#include "Prerequisites.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "ChildProcess.h"
#include "ExperimentConfig.h"

namespace mt::experiment::runner {

namespace {

bool anyPoint(const std::vector<SweepPoint>& points,
              bool (*predicate)(const ExperimentConfig& config)) {
  return std::any_of(points.begin(), points.end(),
                     [&](const SweepPoint& point) { return predicate(point.config); });
}

void checkBinaries(const PrerequisiteQuery& query, std::vector<std::string>& problems) {
  const RunnerPaths& paths = query.paths;
  if (!isExecutable(paths.serverBinary))
    problems.push_back("the server binary is not at " + paths.serverBinary +
                       " (build it: ninja minitwitter; or set MINITWITTER_BIN)");
  if (!isExecutable(paths.clientBinary))
    problems.push_back("the load client is not at " + paths.clientBinary +
                       " (build it: ninja minitwitter-client; or set MINITWITTER_CLIENT_BIN)");
  if (!isExecutable(paths.python))
    problems.push_back("the driver needs " + paths.python + " (apt install python3)");
  if (!std::filesystem::exists(std::filesystem::path(paths.driverDir) / "driver.py"))
    problems.push_back("the experiment driver is not at " + paths.driverDir +
                       "/driver.py (set MINITWITTER_DRIVER_DIR)");
}

void checkMininet(const PrerequisiteQuery& query, std::vector<std::string>& problems) {
  constexpr const char* kOrLoopback =
      "; or add --loopback to run the plan as processes on this host";
  if (::geteuid() != 0) {
    problems.push_back(std::string("the Mininet backend needs root") + kOrLoopback);
    return;  // the rest is moot without root
  }
  if (isExecutable(query.paths.python) && !pythonHasMininet(query.paths.python))
    problems.push_back("the Mininet backend needs the mininet module in " + query.paths.python +
                       " (apt install mininet)" + kOrLoopback);
  if (!findProgram("brctl"))
    problems.push_back(std::string("the Mininet backend needs brctl (apt install bridge-utils)") +
                       kOrLoopback);
  if (!findProgram("ethtool"))
    problems.push_back(std::string("the Mininet backend needs ethtool (apt install ethtool)") +
                       kOrLoopback);
}

void checkNamespace(const PrerequisiteQuery& query, std::vector<std::string>& problems) {
  if (!findProgram("unshare"))
    problems.push_back("running in private namespaces needs unshare (apt install util-linux)");
  if (!isExecutable(query.paths.driverDir + "/run-in-namespace.sh"))
    problems.push_back("the driver's launcher is not at " + query.paths.driverDir +
                       "/run-in-namespace.sh");
}

void checkPostgres(const PrerequisiteQuery& query, std::vector<std::string>& problems) {
  for (const char* tool : {"initdb", "postgres", "pg_isready", "psql"}) {
    const std::string path = query.postgresBin + "/" + tool;
    if (!isExecutable(path)) {
      problems.push_back("database = postgresql needs PostgreSQL's " + std::string(tool) + " at " +
                         path + " (apt install postgresql-15)");
      return;
    }
  }
  // As root the driver runs PostgreSQL as the postgres user (it refuses to run as root).
  if (::geteuid() == 0 && ::getpwnam("postgres") == nullptr)
    problems.push_back("database = postgresql needs the user postgres to run it as root");
}

}  // namespace

bool runsInNamespace(bool loopback) {
  return !loopback || ::geteuid() == 0;
}

bool pythonHasMininet(const std::string& python) {
  return captureCommand({python, "-I", "-c", "import mininet.net"}).exitCode == 0;
}

bool kernelHasNetem(const RunnerPaths& paths) {
  const std::string script =
      "import sys; sys.path.insert(0, sys.argv[1]); import mt_netem; "
      "sys.exit(0 if mt_netem.netem_available() else 3)";
  return captureCommand({paths.python, "-I", "-B", "-c", script, paths.topologiesDir},
                        std::chrono::seconds(30))
             .exitCode == 0;
}

std::vector<std::string> missingPrerequisites(const std::vector<SweepPoint>& points,
                                              const PrerequisiteQuery& query) {
  std::vector<std::string> problems;
  checkBinaries(query, problems);
  if (!query.loopback) checkMininet(query, problems);
  if (runsInNamespace(query.loopback)) checkNamespace(query, problems);
  if (anyPoint(points, [](const ExperimentConfig& config) {
        return config.database == DatabaseKind::postgresql;
      }))
    checkPostgres(query, problems);
  if (anyPoint(
          points,
          [](const ExperimentConfig& config) { return config.clients.reach == Reach::haproxy; }) &&
      !findProgram("haproxy"))
    problems.push_back("clients.reach = haproxy needs HAProxy (apt install haproxy)");
  // Loopback has no links to shape; on Mininet a delay the kernel cannot make would
  // silently not be there.
  if (!query.loopback && problems.empty()) {
    for (const SweepPoint& point : points) {
      const std::vector<std::string> keys = netemSettings(point.config);
      if (keys.empty()) continue;
      if (!kernelHasNetem(query.paths)) {
        std::string joined;
        for (const std::string& key : keys)
          joined += (joined.empty() ? "" : ", ") + key;
        problems.push_back(point.id + ": " + joined +
                           " needs the netem qdisc, which this kernel lacks (sch_netem): use "
                           "bandwidth-only links here");
      }
      break;  // the kernel's answer is the same for every point
    }
  }
  return problems;
}

}  // namespace mt::experiment::runner
