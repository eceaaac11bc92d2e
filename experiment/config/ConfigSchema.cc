#include "ConfigSchema.h"

#include <algorithm>

namespace mt::experiment {

namespace {

constexpr std::string_view kSections[] = {"topology", "topology.link", "database",
                                          "servers",  "clients",       "workload"};

std::string_view parentOf(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

std::string_view leafOf(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace

const std::vector<KeySpec>& configKeys() {
  static const std::vector<KeySpec> keys = {
      {"name", ValueKind::string},
      {"description", ValueKind::string},
      {"repetitions", ValueKind::integer},
      {"topology.kind", ValueKind::string},
      {"topology.clusters", ValueKind::integer},
      {"topology.hosts_per_cluster", ValueKind::integer},
      {"topology.client_bw", ValueKind::number},
      {"topology.core_bw", ValueKind::number},
      {"topology.switches", ValueKind::integer},
      {"topology.depth", ValueKind::integer},
      {"topology.fanout", ValueKind::integer},
      {"topology.bottleneck_bw", ValueKind::number},
      {"topology.bottleneck_delay", ValueKind::string},
      {"topology.link.delay", ValueKind::string},
      {"topology.link.loss", ValueKind::number},
      {"topology.link.max_queue_size", ValueKind::integer},
      {"topology.link.bw", ValueKind::number},
      {"database.kind", ValueKind::string},
      {"servers.instances", ValueKind::integer},
      {"servers.threads", ValueKind::integer},
      {"servers.workers", ValueKind::integer},
      {"servers.password_cost", ValueKind::string},
      {"servers.port", ValueKind::integer},
      {"servers.access_log", ValueKind::boolean},
      {"clients.reach", ValueKind::string},
      {"clients.hosts", ValueKind::integer},
      {"workload.scenario", ValueKind::string},
      {"workload.users_per_host", ValueKind::integer},
      {"workload.posters", ValueKind::integer},
      {"workload.connections_per_host", ValueKind::integer},
      {"workload.loop", ValueKind::string},
      {"workload.rate_per_host", ValueKind::number},
      {"workload.think_time", ValueKind::duration},
      {"workload.warmup", ValueKind::duration},
      {"workload.duration", ValueKind::duration},
      {"workload.timeout", ValueKind::duration},
  };
  return keys;
}

const KeySpec* findKey(std::string_view path) {
  for (const KeySpec& key : configKeys()) {
    if (key.path == path) return &key;
  }
  return nullptr;
}

bool isSection(std::string_view path) {
  return std::find(std::begin(kSections), std::end(kSections), path) != std::end(kSections);
}

std::string keysOf(std::string_view section) {
  std::string list;
  auto add = [&list](std::string_view item) {
    if (!list.empty()) list += ", ";
    list += item;
  };
  for (const KeySpec& key : configKeys()) {
    if (parentOf(key.path) == section) add(leafOf(key.path));
  }
  for (std::string_view table : kSections) {
    if (parentOf(table) == section) add("[" + std::string(table) + "]");
  }
  if (section.empty()) add("[sweep]");
  return list;
}

std::string kindProblem(ValueKind kind, const Value& value) {
  switch (kind) {
    case ValueKind::integer:
      if (std::holds_alternative<std::int64_t>(value)) return {};
      return "expected an integer, found " + typeName(value);
    case ValueKind::number:
      if (std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value))
        return {};
      return "expected a number, found " + typeName(value);
    case ValueKind::string:
      if (std::holds_alternative<std::string>(value)) return {};
      return "expected a string, found " + typeName(value);
    case ValueKind::boolean:
      if (std::holds_alternative<bool>(value)) return {};
      return "expected true or false, found " + typeName(value);
    case ValueKind::duration:
      if (!std::holds_alternative<bool>(value)) return {};
      return "expected a duration (\"10s\", \"500ms\" or seconds), found " + typeName(value);
  }
  return {};
}

}  // namespace mt::experiment
