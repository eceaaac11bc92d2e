#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ConfigDocument.h"
#include "ConfigError.h"

// An experiment config (experiments/*.toml, docs/experiments.md): one point of a sweep,
// validated. Defaults are those of the design (notes/issue6-design.md).
namespace mt::experiment {

enum class TopologyKind { campus, single, linear, tree, dumbbell };
enum class DatabaseKind { postgresql, sqlite };
enum class Reach { roundRobin, haproxy };
enum class LoopKind { closed, open };

std::string toString(TopologyKind kind);
std::string toString(DatabaseKind kind);
std::string toString(Reach reach);
std::string toString(LoopKind loop);

// Applied to every client link (Mininet TCLink options). Delay and loss need netem in
// the kernel; a queue size alone does not (the topologies use a pfifo limit then).
struct LinkSettings {
  std::string delay = "0ms";  // as written: tc's syntax ("5ms", "100us")
  std::int64_t delayNs = 0;
  double lossPercent = 0;
  std::optional<std::int64_t> maxQueueSize;  // packets
  // Mbit/s of every client link; campus sets it with topology.client_bw instead.
  std::optional<double> bwMbps;
};

// The parameters of the kind chosen; the others keep their defaults and mean nothing.
struct TopologySettings {
  TopologyKind kind = TopologyKind::campus;
  // campus: `clusters` switches of `hostsPerCluster` client hosts each.
  int clusters = 0;
  int hostsPerCluster = 0;
  double clientBwMbps = 0;
  double coreBwMbps = 1000;
  // linear
  int switches = 0;
  // tree
  int depth = 0;
  int fanout = 0;
  // dumbbell
  double bottleneckBwMbps = 0;
  std::string bottleneckDelay = "0ms";
  std::int64_t bottleneckDelayNs = 0;
  LinkSettings link;
};

struct ServerSettings {
  int instances = 1;
  int threads = 0;  // 0: one per core
  int workers = 4;
  std::string passwordCost = "cheap";  // interactive | moderate | cheap
  int port = 8080;                     // HAProxy's; server i (1-based) listens on port + i
  bool accessLog = false;
};

struct ClientSettings {
  Reach reach = Reach::roundRobin;
  int hosts = 0;  // campus: clusters * hosts_per_cluster
};

struct WorkloadSettings {
  // original | mixed | static | live, or an absolute path to a scenario file.
  std::string scenario = "original";
  int usersPerHost = 5;
  // live (by name or by its file) only: users [0, posters) of the whole population post,
  // the others subscribe (the load client's --posters). Default: the file's, else 1.
  std::optional<int> posters;
  int connectionsPerHost = 5;  // default: users_per_host
  LoopKind loop = LoopKind::closed;
  double ratePerHost = 0;  // open loop: requests/s per client host
  std::int64_t thinkTimeNs = 0;
  std::int64_t warmupNs = 0;
  std::int64_t durationNs = 10'000'000'000;
  std::int64_t timeoutNs = 10'000'000'000;
};

struct ExperimentConfig {
  std::string name;  // [a-z0-9-]+: the results folder's name
  std::string description;
  int repetitions = 1;
  TopologySettings topology;
  DatabaseKind database = DatabaseKind::postgresql;
  ServerSettings servers;
  ClientSettings clients;
  WorkloadSettings workload;
};

// Turns one point's document (no sweep left to expand: the document's sweep is
// ignored) into a config, checking values and how they fit together. Throws
// ConfigError naming origin:line (or the --set option) and the key.
ExperimentConfig toExperimentConfig(const ConfigDocument& document);

// A config without a sweep, read and validated; a config with one is an error here
// (use Sweep.h).
ExperimentConfig readExperimentConfig(const std::string& path);
ExperimentConfig readExperimentConfigText(std::string_view text, const std::string& origin);

// The settings that need netem in the kernel ("topology.link.delay", …), empty when a
// run needs none: the runner refuses those on a kernel without netem.
std::vector<std::string> netemSettings(const ExperimentConfig& config);

// "10s", "500ms", "250us", "7ns": the shortest exact form, which parseDurationNs
// and the load client read back.
std::string durationText(std::int64_t ns);

}  // namespace mt::experiment
