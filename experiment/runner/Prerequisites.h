#pragma once

#include <string>
#include <vector>

#include "RunnerPaths.h"
#include "Sweep.h"

// What a run needs from the machine, checked before anything starts.
namespace mt::experiment::runner {

struct PrerequisiteQuery {
  bool loopback = false;
  RunnerPaths paths;
  std::string postgresBin;  // folder of initdb, postgres, pg_isready, psql
};

// One line for people per missing thing (empty: everything is there). Each point of
// the sweep counts: a PostgreSQL point needs PostgreSQL, a haproxy point HAProxy, and
// on Mininet a point with link delay or loss needs netem in the kernel.
std::vector<std::string> missingPrerequisites(const std::vector<SweepPoint>& points,
                                              const PrerequisiteQuery& query);

// Whether this kernel can emulate delay and loss: topologies/mt_netem.py asked through
// `python` (it probes in a throwaway network namespace, or reads the kernel config).
bool kernelHasNetem(const RunnerPaths& paths);

// Whether `python` has the mininet module.
bool pythonHasMininet(const std::string& python);

// Whether the driver should run in private namespaces (run-in-namespace.sh): always on
// Mininet; on loopback when root, so that a killed run takes everything with it.
bool runsInNamespace(bool loopback);

}  // namespace mt::experiment::runner
