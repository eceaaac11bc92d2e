#include "SweepFamilies.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace mt::experiment::report {

std::optional<double> numericValue(const std::string& value) {
  double number = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, error] = std::from_chars(value.data(), end, number);
  if (error != std::errc() || ptr != end || !std::isfinite(number)) return std::nullopt;
  return number;
}

std::string assignedValue(const runner::Assignments& assignments, const std::string& key) {
  for (const auto& [name, value] : assignments)
    if (name == key) return value;
  return "";
}

std::string assignmentsText(const runner::Assignments& assignments) {
  std::string text;
  for (const auto& [key, value] : assignments)
    text.append(text.empty() ? "" : ", ").append(key).append("=").append(value);
  return text;
}

std::vector<SweepAxis> sweepAxes(const std::vector<std::string>& keys,
                                 const std::vector<PointSummary>& points) {
  std::vector<SweepAxis> axes;
  for (const std::string& key : keys) {
    SweepAxis axis;
    axis.key = key;
    std::vector<std::string> values;  // in order of first appearance
    for (const PointSummary& point : points) {
      const std::string value = assignedValue(point.assignments, key);
      if (value.empty()) continue;
      if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
      if (!numericValue(value)) axis.numeric = false;
    }
    if (values.empty()) continue;
    if (!axis.numeric)
      for (std::size_t i = 0; i < values.size(); ++i)
        axis.ticLabels.emplace_back(static_cast<double>(i + 1), values[i]);
    const auto xOf = [&](const std::string& value) {
      if (axis.numeric) return *numericValue(value);
      return static_cast<double>(std::find(values.begin(), values.end(), value) - values.begin() +
                                 1);
    };
    std::map<std::string, std::size_t> familyOf;  // held-fixed text → index in families
    for (const PointSummary& point : points) {
      const std::string value = assignedValue(point.assignments, key);
      if (value.empty()) continue;
      runner::Assignments others;
      for (const auto& assignment : point.assignments)
        if (assignment.first != key) others.push_back(assignment);
      const std::string held = assignmentsText(others);
      auto [found, inserted] = familyOf.emplace(held, axis.families.size());
      if (inserted) axis.families.push_back({key, held, {}, {}});
      SweepFamily& family = axis.families[found->second];
      family.points.push_back(&point);
      family.x.push_back(xOf(value));
    }
    for (SweepFamily& family : axis.families) {
      std::vector<std::size_t> order(family.x.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return family.x[a] < family.x[b]; });
      SweepFamily sorted{family.key, family.heldFixed, {}, {}};
      for (std::size_t i : order) {
        sorted.points.push_back(family.points[i]);
        sorted.x.push_back(family.x[i]);
      }
      family = std::move(sorted);
    }
    axes.push_back(std::move(axis));
  }
  return axes;
}

SweepFamily counterpartFamily(const SweepFamily& family,
                              const std::vector<PointSummary>& baseline) {
  SweepFamily result{family.key, family.heldFixed, {}, {}};
  for (std::size_t i = 0; i < family.points.size(); ++i) {
    const PointSummary* counterpart = findPoint(baseline, family.points[i]->assignments);
    if (!counterpart) continue;
    result.points.push_back(counterpart);
    result.x.push_back(family.x[i]);
  }
  return result;
}

std::vector<ScalingRow> scalingOf(const SweepFamily& family) {
  if (family.key != "servers.instances") return {};
  double single = 0;
  for (std::size_t i = 0; i < family.points.size(); ++i)
    if (family.x[i] == 1 && family.points[i]->runsWithResults > 0)
      single = family.points[i]->throughput.mean;
  if (single <= 0) return {};
  std::vector<ScalingRow> rows;
  for (std::size_t i = 0; i < family.points.size(); ++i) {
    const PointSummary& point = *family.points[i];
    if (point.runsWithResults == 0 || family.x[i] <= 0) continue;
    const double speedup = point.throughput.mean / single;
    rows.push_back({family.x[i], point.throughput.mean, speedup, speedup / family.x[i]});
  }
  return rows;
}

}  // namespace mt::experiment::report
