#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "RunSummary.h"

// The summary's forms: JSON and CSV in the results folder, a table for people.
namespace mt::experiment::runner {

inline constexpr const char* kSummarySchema = "minitwitter-experiment-summary/1";

nlohmann::json figuresJson(const Figures& figures);

// One row per run (level "run") then one per point (level "point", repetition "mean").
// Columns are in summaryCsvHeader(); the push columns only when some row has push
// results. Text fields are quoted when they need it.
std::string summaryCsv(const std::vector<Figures>& runs, const std::vector<Figures>& points);
std::string summaryCsvHeader(bool withPush = false);

// A fixed-width table of the points (or runs) for the terminal.
std::string summaryTable(const std::vector<Figures>& rows);

// "key=value;key=value" (assignments, errors by kind) for one CSV field.
std::string joinPairs(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace mt::experiment::runner
