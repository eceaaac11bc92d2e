#pragma once

#include <filesystem>
#include <string>

// Where the runner finds the programs and folders it hands to the driver.
namespace mt::experiment::runner {

struct RunnerPaths {
  std::string serverBinary;                 // minitwitter
  std::string clientBinary;                 // minitwitter-client
  std::string topologiesDir;                // topologies/*.py
  std::string driverDir;                    // tools/experiment-driver
  std::string python = "/usr/bin/python3";  // Debian's: the one with the mininet module
};

// Each path from, in order: what the command line gave (non-empty fields of
// `explicitPaths`), the environment (MINITWITTER_BIN, MINITWITTER_CLIENT_BIN,
// MINITWITTER_TOPOLOGIES, MINITWITTER_DRIVER_DIR), the build tree this program runs
// from (build/<preset>/experiment/app/minitwitter-experiment → build/<preset>/server/app/
// minitwitter and build/<preset>/client/cli/minitwitter-client, found from
// /proc/self/exe), and last the paths this program was built with.
RunnerPaths resolveRunnerPaths(const RunnerPaths& explicitPaths);

// The build tree's root from this executable's own path, or empty when it is not in one.
std::filesystem::path buildTreeOfThisProgram();

}  // namespace mt::experiment::runner
