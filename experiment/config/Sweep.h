#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ConfigDocument.h"
#include "ExperimentConfig.h"

// A sweep's points: the cartesian product of its lists, the first list varying slowest
// (nested loops in the order the keys were written).
namespace mt::experiment {

struct SweepPoint {
  std::string id;  // "p01", "p02", … (more digits past 99 points)
  // (key, value as written for --set): what this point sets, in sweep order.
  std::vector<std::pair<std::string, std::string>> assignments;
  ExperimentConfig config;
};

// Every point, each validated: a ConfigError names the point and what it sets. A
// document without a sweep is one point, "p01", with no assignments.
std::vector<SweepPoint> expandSweep(const ConfigDocument& document);

// readConfigDocument, then each --set in order, then expandSweep.
std::vector<SweepPoint> loadExperiment(const std::string& path,
                                       const std::vector<std::string>& overrides);

// How many points a sweep has; throws ConfigError past 10,000.
std::size_t sweepSize(const ConfigDocument& document);

}  // namespace mt::experiment
