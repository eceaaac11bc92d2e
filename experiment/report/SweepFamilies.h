#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ExperimentData.h"

// How a sweep is drawn: for each swept key, its points in families that hold every
// other swept key at one combination of values, so that each curve varies one thing.
namespace mt::experiment::report {

struct SweepFamily {
  std::string key;  // the varied key, "servers.instances"
  std::string
      heldFixed;  // the others, "servers.threads=2, workload.users_per_host=5"; may be empty
  std::vector<const PointSummary*> points;  // in the order of x
  std::vector<double> x;  // the key's values, or category positions when not numbers
};

struct SweepAxis {
  std::string key;
  bool numeric = true;
  std::vector<std::pair<double, std::string>> ticLabels;  // for values that are not numbers
  std::vector<SweepFamily> families;
};

// One axis per swept key, in `keys` order; points without a value for the key are left out.
std::vector<SweepAxis> sweepAxes(const std::vector<std::string>& keys,
                                 const std::vector<PointSummary>& points);

// The baseline's counterpart of each of the family's points (those it has).
SweepFamily counterpartFamily(const SweepFamily& family, const std::vector<PointSummary>& baseline);

// A value as written for --set as a number, when it is one.
std::optional<double> numericValue(const std::string& value);

// The value of `key` in a point's assignments; empty when it has none.
std::string assignedValue(const runner::Assignments& assignments, const std::string& key);

// "key=value, key=value"
std::string assignmentsText(const runner::Assignments& assignments);

// Scaling with the number of server instances, against the family's one-server point.
struct ScalingRow {
  double servers = 0;
  double throughput = 0;  // mean requests/s
  double speedup = 0;     // throughput / throughput with one server
  double efficiency = 0;  // speedup / servers
};

// Empty unless the family varies servers.instances and has a one-server point with results.
std::vector<ScalingRow> scalingOf(const SweepFamily& family);

}  // namespace mt::experiment::report
