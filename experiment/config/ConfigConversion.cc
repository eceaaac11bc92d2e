// ConfigDocument → ExperimentConfig: what each value means, the ranges, and the rules
// between keys. Every message names where the offending key was written.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <sstream>

#include "Duration.h"
#include "ExperimentConfig.h"
#include "Scenario.h"
#include "SettingsChecks.h"

namespace mt::experiment {

namespace {

constexpr int kMaxClientHosts = 1000;
constexpr int kMaxInstances = 64;
constexpr double kMaxBandwidthMbps = 1000;  // Mininet's TCLink refuses more
constexpr std::int64_t kMaxDelayNs = 10'000'000'000;
constexpr std::int64_t kMaxRunNs = 24LL * 3600 * 1'000'000'000;

std::string boundText(double bound) {
  std::ostringstream text;
  text << bound;
  return text.str();
}

class DocumentReader {
 public:
  explicit DocumentReader(const ConfigDocument& document) : document_(document) {}

  const Setting* find(const std::string& key) const {
    auto found = document_.settings.find(key);
    return found == document_.settings.end() ? nullptr : &found->second;
  }

  // Where `key` was written or, when it was left out, where its table begins.
  Location where(const std::string& key) const {
    if (const Setting* setting = find(key)) return setting->where;
    for (std::string table = key; !table.empty();) {
      const std::size_t dot = table.rfind('.');
      table = dot == std::string::npos ? "" : table.substr(0, dot);
      if (auto found = document_.tables.find(table); found != document_.tables.end())
        return found->second;
    }
    return Location{document_.origin, 1};
  }

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    experiment::fail(where(key), key, problem);
  }

  bool has(const std::string& key) const { return find(key) != nullptr; }

  std::int64_t integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const {
    const Setting* setting = find(key);
    if (setting == nullptr) return fallback;
    const std::int64_t value = std::get<std::int64_t>(setting->value);
    if (value < min || value > max) {
      fail(key, std::to_string(value) + " is out of range: expected " + std::to_string(min) +
                    " to " + std::to_string(max));
    }
    return value;
  }

  std::int64_t requiredInteger(const std::string& key, std::int64_t min, std::int64_t max,
                               const std::string& why) const {
    if (!has(key)) fail(key, "missing: " + why);
    return integer(key, 0, min, max);
  }

  // A number in [min, max]; above min only when `exclusiveMin`.
  double number(const std::string& key, double fallback, double min, double max,
                bool exclusiveMin = false) const {
    const Setting* setting = find(key);
    if (setting == nullptr) return fallback;
    const double value = std::holds_alternative<double>(setting->value)
                             ? std::get<double>(setting->value)
                             : static_cast<double>(std::get<std::int64_t>(setting->value));
    const bool low = exclusiveMin ? !(value > min) : !(value >= min);
    if (low || !(value <= max)) {
      fail(key, valueText(setting->value) + " is out of range: expected " +
                    (exclusiveMin ? "above " + boundText(min) : boundText(min)) + " to " +
                    boundText(max));
    }
    return value;
  }

  std::string string(const std::string& key, const std::string& fallback) const {
    const Setting* setting = find(key);
    return setting == nullptr ? fallback : std::get<std::string>(setting->value);
  }

  bool boolean(const std::string& key, bool fallback) const {
    const Setting* setting = find(key);
    return setting == nullptr ? fallback : std::get<bool>(setting->value);
  }

  // One of `choices` (the first is the default); its index.
  std::size_t choice(const std::string& key,
                     std::initializer_list<std::string_view> choices) const {
    const std::string value = string(key, std::string(*choices.begin()));
    std::string list;
    std::size_t index = 0;
    for (std::string_view option : choices) {
      if (option == value) return index;
      list += (index == 0                    ? ""
               : index + 1 == choices.size() ? " or "
                                             : ", ") +
              std::string("\"") + std::string(option) + "\"";
      ++index;
    }
    fail(key, "'" + value + "' is not one of " + list);
  }

  std::int64_t durationNs(const std::string& key, std::int64_t fallback, std::int64_t max) const {
    const Setting* setting = find(key);
    if (setting == nullptr) return fallback;
    std::optional<std::int64_t> ns;
    if (const auto* text = std::get_if<std::string>(&setting->value)) {
      if (text->starts_with('-')) fail(key, "'" + *text + "': a duration cannot be negative");
      ns = load::parseDurationNs(*text);
      if (!ns) fail(key, "'" + *text + "' is not a duration: write e.g. \"10s\", \"500ms\" or 2");
    } else {
      const double seconds = std::holds_alternative<double>(setting->value)
                                 ? std::get<double>(setting->value)
                                 : static_cast<double>(std::get<std::int64_t>(setting->value));
      if (seconds < 0) fail(key, valueText(setting->value) + ": a duration cannot be negative");
      if (!(seconds <= 1e6)) fail(key, valueText(setting->value) + " seconds is not a duration");
      ns = static_cast<std::int64_t>(std::llround(seconds * 1e9));
    }
    if (*ns > max) fail(key, "longer than " + durationText(max));
    return *ns;
  }

  // tc's delay syntax: a number and us, ms or s.
  std::int64_t delayNs(const std::string& key, std::string& text) const {
    if (!has(key)) return 0;
    text = string(key, "0ms");
    const std::size_t unit = text.find_first_not_of("0123456789.");
    const std::string suffix = unit == std::string::npos ? "" : text.substr(unit);
    const std::optional<std::int64_t> ns = load::parseDurationNs(text);
    if (!ns || (suffix != "us" && suffix != "ms" && suffix != "s")) {
      fail(key, "'" + text + "' is not a delay: write e.g. \"5ms\", \"250us\" or \"0ms\"");
    }
    if (*ns > kMaxDelayNs) fail(key, "longer than " + durationText(kMaxDelayNs));
    return *ns;
  }

  const ConfigDocument& document() const { return document_; }

 private:
  const ConfigDocument& document_;
};

bool validName(const std::string& name) {
  return !name.empty() && name.size() <= 64 && name.front() != '-' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

struct KindParameters {
  TopologyKind kind;
  std::vector<std::string> keys;
};

const std::vector<KindParameters>& topologyParameters() {
  static const std::vector<KindParameters> parameters = {
      {TopologyKind::campus, {"clusters", "hosts_per_cluster", "client_bw", "core_bw"}},
      {TopologyKind::single, {}},
      {TopologyKind::linear, {"switches"}},
      {TopologyKind::tree, {"depth", "fanout"}},
      {TopologyKind::dumbbell, {"bottleneck_bw", "bottleneck_delay"}},
  };
  return parameters;
}

TopologySettings readTopology(const DocumentReader& reader) {
  TopologySettings topology;
  topology.kind = static_cast<TopologyKind>(
      reader.choice("topology.kind", {"campus", "single", "linear", "tree", "dumbbell"}));
  const std::vector<std::string>& keys =
      topologyParameters()[static_cast<std::size_t>(topology.kind)].keys;
  for (const auto& [key, setting] : reader.document().settings) {
    if (!key.starts_with("topology.") || key == "topology.kind" ||
        key.starts_with("topology.link."))
      continue;
    const std::string parameter = key.substr(9);
    if (std::find(keys.begin(), keys.end(), parameter) != keys.end()) continue;
    std::string takes;
    for (const std::string& name : keys)
      takes += (takes.empty() ? "" : ", ") + name;
    reader.fail(key, "not a parameter of a " + toString(topology.kind) + " topology (" +
                         toString(topology.kind) + " takes " +
                         (takes.empty() ? std::string("none") : takes) + ")");
  }
  switch (topology.kind) {
    case TopologyKind::campus: {
      const std::string needs = "a campus topology needs clusters, hosts_per_cluster, client_bw";
      topology.clusters =
          static_cast<int>(reader.requiredInteger("topology.clusters", 1, kMaxClientHosts, needs));
      topology.hostsPerCluster = static_cast<int>(
          reader.requiredInteger("topology.hosts_per_cluster", 1, kMaxClientHosts, needs));
      if (!reader.has("topology.client_bw")) reader.fail("topology.client_bw", "missing: " + needs);
      topology.clientBwMbps = reader.number("topology.client_bw", 0, 0, kMaxBandwidthMbps, true);
      topology.coreBwMbps = reader.number("topology.core_bw", 1000, 0, kMaxBandwidthMbps, true);
      break;
    }
    case TopologyKind::single:
      break;
    case TopologyKind::linear:
      topology.switches = static_cast<int>(
          reader.requiredInteger("topology.switches", 1, 100, "a linear topology needs switches"));
      break;
    case TopologyKind::tree: {
      const std::string needs = "a tree topology needs depth and fanout";
      topology.depth = static_cast<int>(reader.requiredInteger("topology.depth", 1, 10, needs));
      topology.fanout = static_cast<int>(reader.requiredInteger("topology.fanout", 1, 100, needs));
      break;
    }
    case TopologyKind::dumbbell:
      if (!reader.has("topology.bottleneck_bw"))
        reader.fail("topology.bottleneck_bw", "missing: a dumbbell topology needs bottleneck_bw");
      topology.bottleneckBwMbps =
          reader.number("topology.bottleneck_bw", 0, 0, kMaxBandwidthMbps, true);
      topology.bottleneckDelayNs =
          reader.delayNs("topology.bottleneck_delay", topology.bottleneckDelay);
      break;
  }
  LinkSettings& link = topology.link;
  link.delayNs = reader.delayNs("topology.link.delay", link.delay);
  link.lossPercent = reader.number("topology.link.loss", 0, 0, 100);
  if (reader.has("topology.link.max_queue_size"))
    link.maxQueueSize = reader.integer("topology.link.max_queue_size", 0, 1, 10'000'000);
  if (reader.has("topology.link.bw")) {
    if (topology.kind == TopologyKind::campus) {
      reader.fail("topology.link.bw", "a campus sets its client links' bandwidth with client_bw");
    }
    link.bwMbps = reader.number("topology.link.bw", 0, 0, kMaxBandwidthMbps, true);
  }
  return topology;
}

int clientHosts(const DocumentReader& reader, const TopologySettings& topology) {
  if (topology.kind != TopologyKind::campus) {
    return static_cast<int>(reader.requiredInteger(
        "clients.hosts", 1, kMaxClientHosts,
        "how many client hosts (only a campus topology derives it from its clusters)"));
  }
  const std::int64_t campusHosts =
      static_cast<std::int64_t>(topology.clusters) * topology.hostsPerCluster;
  if (campusHosts > kMaxClientHosts) {
    reader.fail("topology.clusters", std::to_string(topology.clusters) + " clusters of " +
                                         std::to_string(topology.hostsPerCluster) + " hosts are " +
                                         std::to_string(campusHosts) + " client hosts: at most " +
                                         std::to_string(kMaxClientHosts));
  }
  const std::int64_t hosts = reader.integer("clients.hosts", campusHosts, 1, kMaxClientHosts);
  if (hosts != campusHosts) {
    reader.fail("clients.hosts", std::to_string(hosts) +
                                     " client hosts, but the campus topology has clusters * "
                                     "hosts_per_cluster = " +
                                     std::to_string(topology.clusters) + " * " +
                                     std::to_string(topology.hostsPerCluster) + " = " +
                                     std::to_string(campusHosts) +
                                     ": leave clients.hosts out or make them agree");
  }
  return static_cast<int>(hosts);
}

// The scenario as the load client is to be given it (a name, or a scenario file's
// normalized path) and, in `settings`, what it amounts to: a file's own settings.
std::string readScenario(const DocumentReader& reader, load::ScenarioSettings& settings) {
  const std::string key = "workload.scenario";
  std::string scenario = reader.string(key, "original");
  const bool isFile = scenario.find('/') != std::string::npos || scenario.ends_with(".toml");
  if (!isFile) {
    if (!load::scenarioNameProblem(scenario).empty()) {
      reader.fail(key, "'" + scenario +
                           "' is not a scenario: expected \"original\", \"mixed\", \"static\", "
                           "\"live\" or the path of a scenario file (.toml)");
    }
    settings.name = scenario;
    return scenario;
  }
  // Relative to the config file that names it; a --set one (line 0) to the working folder.
  const Location where = reader.where(key);
  std::filesystem::path path = scenario;
  if (path.is_relative()) {
    path = (where.line > 0 ? reader.document().baseDir : std::filesystem::current_path()) / path;
  }
  path = path.lexically_normal();
  try {
    settings = load::readScenarioFile(path.string(), load::ScenarioSettings{});
  } catch (const std::invalid_argument& error) {
    reader.fail(key, std::string("the scenario file does not work: ") + error.what());
  }
  return path.string();
}

// live: the population's first `posters` users post and every other user subscribes to
// them all, so the posters must leave at least one subscriber. The load client reads
// --posters as global user indices: they are the first client host's (and the next
// ones' when they outnumber its users).
std::optional<int> readPosters(const DocumentReader& reader, const load::ScenarioSettings& scenario,
                               int usersPerHost, int clientHosts) {
  const std::string key = "workload.posters";
  if (scenario.name != "live") {
    if (reader.has(key)) {
      reader.fail(key,
                  "posters are for the live scenario (workload.scenario = \"live\" or a "
                  "live scenario file); '" +
                      scenario.name + "' has none");
    }
    return std::nullopt;
  }
  const std::int64_t users = static_cast<std::int64_t>(usersPerHost) * clientHosts;
  const std::int64_t posters =
      reader.integer(key, static_cast<std::int64_t>(scenario.posters), 0, 100'000);
  if (posters >= users) {
    reader.fail(reader.has(key) ? key : "workload.users_per_host",
                std::to_string(posters) + " poster(s) leave no subscriber: the " +
                    std::to_string(clientHosts) + " client host(s) × " +
                    std::to_string(usersPerHost) + " users = " + std::to_string(users) +
                    " users in all, the first posters of them post and the rest subscribe");
  }
  return static_cast<int>(posters);
}

WorkloadSettings readWorkload(const DocumentReader& reader, int clientHosts) {
  WorkloadSettings workload;
  load::ScenarioSettings scenario;
  workload.scenario = readScenario(reader, scenario);
  workload.usersPerHost =
      static_cast<int>(reader.integer("workload.users_per_host", 5, 1, 100'000));
  workload.posters = readPosters(reader, scenario, workload.usersPerHost, clientHosts);
  workload.connectionsPerHost = static_cast<int>(
      reader.integer("workload.connections_per_host", workload.usersPerHost, 1, 100'000));
  workload.loop = static_cast<LoopKind>(reader.choice("workload.loop", {"closed", "open"}));
  workload.ratePerHost = reader.number("workload.rate_per_host", 0, 0, 1e7);
  workload.thinkTimeNs = reader.durationNs("workload.think_time", 0, 3600'000'000'000);
  workload.warmupNs = reader.durationNs("workload.warmup", 0, kMaxRunNs);
  workload.durationNs = reader.durationNs("workload.duration", 10'000'000'000, kMaxRunNs);
  workload.timeoutNs = reader.durationNs("workload.timeout", 10'000'000'000, 3600'000'000'000);
  if (workload.durationNs == 0) reader.fail("workload.duration", "a run needs a duration above 0");
  if (workload.timeoutNs == 0) reader.fail("workload.timeout", "a timeout must be above 0");
  if (workload.loop == LoopKind::open) {
    if (!(workload.ratePerHost > 0)) {
      reader.fail(reader.has("workload.rate_per_host") ? "workload.rate_per_host" : "workload.loop",
                  "an open loop needs workload.rate_per_host above 0 (requests/s per client host)");
    }
    if (workload.thinkTimeNs > 0) {
      reader.fail("workload.think_time",
                  "think time is for the closed loop; an open loop sends at its rate");
    }
  } else if (reader.has("workload.rate_per_host") && workload.ratePerHost > 0) {
    reader.fail(
        "workload.rate_per_host",
        "a rate is for the open loop: set workload.loop = \"open\" (or leave the rate out)");
  }
  return workload;
}

}  // namespace

ExperimentConfig toExperimentConfig(const ConfigDocument& document) {
  const DocumentReader reader(document);
  ExperimentConfig config;
  if (!reader.has("name")) reader.fail("name", "missing: every experiment needs a name");
  config.name = reader.string("name", "");
  if (!validName(config.name)) {
    reader.fail("name", "'" + config.name +
                            "' is not a name: lower-case letters, digits and '-', at most 64");
  }
  config.description = reader.string("description", "");
  config.repetitions = static_cast<int>(reader.integer("repetitions", 1, 1, 1000));
  config.topology = readTopology(reader);
  config.database =
      static_cast<DatabaseKind>(reader.choice("database.kind", {"postgresql", "sqlite"}));

  ServerSettings& servers = config.servers;
  servers.instances = static_cast<int>(reader.integer("servers.instances", 1, 1, kMaxInstances));
  servers.threads = static_cast<int>(reader.integer("servers.threads", 0, 0, 256));
  servers.workers = static_cast<int>(reader.integer("servers.workers", 4, 1, 1024));
  reader.choice("servers.password_cost", {"cheap", "moderate", "interactive"});
  servers.passwordCost = reader.string("servers.password_cost", "cheap");
  servers.port = static_cast<int>(reader.integer("servers.port", 8080, 1, 65535));
  if (servers.port + servers.instances > 65535) {
    reader.fail("servers.port", "server i listens on port + i: " + std::to_string(servers.port) +
                                    " + " + std::to_string(servers.instances) + " is beyond 65535");
  }
  servers.accessLog = reader.boolean("servers.access_log", false);
  if (config.database == DatabaseKind::sqlite && servers.instances > 1) {
    reader.fail("servers.instances",
                std::to_string(servers.instances) +
                    " instances cannot share SQLite (database.kind = \"sqlite\" is for one "
                    "instance): use database.kind = \"postgresql\"");
  }

  config.clients.reach =
      static_cast<Reach>(reader.choice("clients.reach", {"round-robin", "haproxy"}));
  config.clients.hosts = clientHosts(reader, config.topology);
  config.workload = readWorkload(reader, config.clients.hosts);
  return config;
}

}  // namespace mt::experiment
