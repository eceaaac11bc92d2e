#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "ExperimentConfig.h"
#include "Sweep.h"

// Configs as JSON for the results folder (expanded.json): every setting after defaults,
// --set and the sweep, in the TOML file's shape (tables, snake_case keys, durations as
// text).
namespace mt::experiment::runner {

nlohmann::json configJson(const ExperimentConfig& config);

// {"id", "assignments": {key: value as written}, "config": configJson(...)} per point.
nlohmann::json pointsJson(const std::vector<SweepPoint>& points);

}  // namespace mt::experiment::runner
