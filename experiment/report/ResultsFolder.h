#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "RunResults.h"
#include "RunSummary.h"

// A results folder of `minitwitter-experiment run` read back: what was planned
// (expanded.json), what happened (summary.json, each run's plan and client files) and
// where (machine.json). Reading never fails on a folder the runner wrote part of: what
// is missing or unreadable is recorded in `problems` and on the run it concerns.
namespace mt::experiment::report {

struct RunData {
  int repetition = 1;
  std::filesystem::path dir;  // absolute
  // status, reason, figures and missing client files; the status as summary.json
  // recorded it, unless the client files no longer agree with it.
  runner::Figures figures;
  std::optional<load::RunResults> results;  // every readable client file merged
};

struct PointData {
  std::string id;                   // "p01"
  runner::Assignments assignments;  // the swept keys' values, by key
  nlohmann::json config;            // the point's full config (expanded.json)
  std::vector<RunData> runs;
};

struct ResultsFolder {
  std::filesystem::path dir;
  std::string experiment;
  std::string description;
  std::string backend;  // "mininet" or "loopback"
  std::string started;  // RFC 3339, from summary.json; empty when unknown
  std::string finished;
  bool complete = false;               // the runner finished (not killed or interrupted)
  std::string interruptedBy;           // "SIGINT", …
  std::string configText;              // config.toml as given
  nlohmann::json overrides;            // --set options
  nlohmann::json machine;              // machine.json; null when missing
  std::vector<std::string> sweepKeys;  // the swept keys
  std::vector<PointData> points;
  std::vector<std::string> problems;  // about the folder as a whole
};

// Throws std::runtime_error only when `dir` is no results folder at all (no readable
// expanded.json).
ResultsFolder readResultsFolder(const std::filesystem::path& dir);

}  // namespace mt::experiment::report
