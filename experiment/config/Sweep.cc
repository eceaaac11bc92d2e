#include "Sweep.h"

namespace mt::experiment {

namespace {

constexpr std::size_t kMaxPoints = 10'000;

std::string pointId(std::size_t index, std::size_t count) {
  std::string digits = std::to_string(index + 1);
  const std::size_t width = std::max<std::size_t>(2, std::to_string(count).size());
  return "p" + std::string(width - std::min(width, digits.size()), '0') + digits;
}

}  // namespace

std::size_t sweepSize(const ConfigDocument& document) {
  std::size_t count = 1;
  for (const SweepAxis& axis : document.sweep) {
    count *= axis.values.size();
    if (count > kMaxPoints) {
      fail(axis.where, "sweep." + axis.key,
           "the sweep has more than " + std::to_string(kMaxPoints) + " points");
    }
  }
  return count;
}

std::vector<SweepPoint> expandSweep(const ConfigDocument& document) {
  const std::size_t count = sweepSize(document);
  std::vector<SweepPoint> points;
  points.reserve(count);
  // Mixed-radix counting, the last axis the fastest digit.
  std::vector<std::size_t> digits(document.sweep.size(), 0);
  for (std::size_t index = 0; index < count; ++index) {
    ConfigDocument pointDocument = document;
    pointDocument.sweep.clear();
    SweepPoint point;
    point.id = pointId(index, count);
    for (std::size_t axis = 0; axis < digits.size(); ++axis) {
      const SweepAxis& sweep = document.sweep[axis];
      const Setting& value = sweep.values[digits[axis]];
      pointDocument.settings[sweep.key] = value;
      point.assignments.emplace_back(sweep.key, valueText(value.value));
    }
    try {
      point.config = toExperimentConfig(pointDocument);
    } catch (const ConfigError& error) {
      if (point.assignments.empty()) throw;
      std::string sets;
      for (const auto& [key, value] : point.assignments)
        sets.append(sets.empty() ? "" : ", ").append(key).append(" = ").append(value);
      throw ConfigError(std::string(error.what()) + " (in sweep point " + point.id + ": " + sets +
                        ")");
    }
    points.push_back(std::move(point));
    for (std::size_t axis = digits.size(); axis-- > 0;) {
      if (++digits[axis] < document.sweep[axis].values.size()) break;
      digits[axis] = 0;
    }
  }
  return points;
}

std::vector<SweepPoint> loadExperiment(const std::string& path,
                                       const std::vector<std::string>& overrides) {
  ConfigDocument document = readConfigDocument(path);
  for (const std::string& assignment : overrides)
    applyOverride(document, assignment);
  return expandSweep(document);
}

}  // namespace mt::experiment
