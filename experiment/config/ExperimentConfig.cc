#include "ExperimentConfig.h"

#include <utility>

namespace mt::experiment {

namespace {

ExperimentConfig withoutSweep(const ConfigDocument& document) {
  if (!document.sweep.empty()) {
    fail(document.sweep.front().where, "sweep." + document.sweep.front().key,
         "this config is a sweep: expand it into its points (Sweep.h)");
  }
  return toExperimentConfig(document);
}

}  // namespace

std::string toString(TopologyKind kind) {
  constexpr const char* kNames[] = {"campus", "single", "linear", "tree", "dumbbell"};
  return kNames[static_cast<int>(kind)];
}

std::string toString(DatabaseKind kind) {
  return kind == DatabaseKind::postgresql ? "postgresql" : "sqlite";
}

std::string toString(Reach reach) {
  return reach == Reach::roundRobin ? "round-robin" : "haproxy";
}

std::string toString(LoopKind loop) {
  return loop == LoopKind::closed ? "closed" : "open";
}

ExperimentConfig readExperimentConfigText(std::string_view text, const std::string& origin) {
  return withoutSweep(parseConfigDocument(text, origin));
}

ExperimentConfig readExperimentConfig(const std::string& path) {
  return withoutSweep(readConfigDocument(path));
}

std::vector<std::string> netemSettings(const ExperimentConfig& config) {
  std::vector<std::string> keys;
  const LinkSettings& link = config.topology.link;
  if (link.delayNs > 0) keys.emplace_back("topology.link.delay");
  if (link.lossPercent > 0) keys.emplace_back("topology.link.loss");
  if (config.topology.kind == TopologyKind::dumbbell && config.topology.bottleneckDelayNs > 0)
    keys.emplace_back("topology.bottleneck_delay");
  return keys;
}

std::string durationText(std::int64_t ns) {
  constexpr std::pair<std::int64_t, const char*> kUnits[] = {
      {3600'000'000'000, "h"}, {60'000'000'000, "m"}, {1'000'000'000, "s"},
      {1'000'000, "ms"},       {1'000, "us"},         {1, "ns"}};
  if (ns == 0) return "0s";
  for (const auto& [size, unit] : kUnits) {
    if (ns % size == 0) return std::to_string(ns / size) + unit;
  }
  return std::to_string(ns) + "ns";
}

}  // namespace mt::experiment
