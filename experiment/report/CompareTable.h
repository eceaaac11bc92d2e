#pragma once

#include <string>
#include <vector>

#include "ResultsFolder.h"

// The headline figures of several results folders for a terminal: the folders named
// A, B, …, then one line per folder and point, each point's lines together, with the
// throughput and p99 as ratios to A's same point.
namespace mt::experiment::report {

std::string compareTable(const std::vector<ResultsFolder>& folders);

}  // namespace mt::experiment::report
