#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "LatencyHistogram.h"
#include "OperationStats.h"

namespace mt::load {

// The JSON forms of a histogram and of an operation's stats (docs/load-results.md).
// Readers check every count against the others and accept only the layout this build
// records with (`expected`), so whatever they return merges exactly with local data;
// they throw std::invalid_argument naming the JSON path otherwise.

nlohmann::json histogramToJson(const LatencyHistogram& histogram);
LatencyHistogram histogramFromJson(const nlohmann::json& value, const std::string& path,
                                   const HistogramLayout& expected);

nlohmann::json operationToJson(const OperationStats& stats);
OperationStats operationFromJson(const nlohmann::json& value, const std::string& path);

}  // namespace mt::load
