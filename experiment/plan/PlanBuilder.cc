#include <cmath>

#include "Plan.h"

namespace mt::experiment {

namespace {

using nlohmann::json;

std::string serverHost(int index) {
  return "s" + std::to_string(index + 1);
}

std::string clientHost(int index) {
  return "c" + std::to_string(index + 1);
}

std::string numberText(double value) {
  std::string text = valueText(value);
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

json topologyParams(const ExperimentConfig& config) {
  const TopologySettings& topology = config.topology;
  json params = json::object();
  switch (topology.kind) {
    case TopologyKind::campus:
      params["clusters"] = topology.clusters;
      params["hosts_per_cluster"] = topology.hostsPerCluster;
      params["client_bw"] = topology.clientBwMbps;
      params["core_bw"] = topology.coreBwMbps;
      break;
    case TopologyKind::single:
      break;
    case TopologyKind::linear:
      params["switches"] = topology.switches;
      break;
    case TopologyKind::tree:
      params["depth"] = topology.depth;
      params["fanout"] = topology.fanout;
      break;
    case TopologyKind::dumbbell:
      params["bottleneck_bw"] = topology.bottleneckBwMbps;
      params["bottleneck_delay"] = topology.bottleneckDelay;
      break;
  }
  params["servers"] = config.servers.instances;
  params["clients"] = config.clients.hosts;
  params["haproxy"] = config.clients.reach == Reach::haproxy;
  return params;
}

json linkJson(const LinkSettings& link) {
  json result = {{"delay", link.delay}, {"loss", link.lossPercent}, {"max_queue_size", nullptr}};
  if (link.maxQueueSize) result["max_queue_size"] = *link.maxQueueSize;
  if (link.bwMbps) result["bw"] = *link.bwMbps;
  return result;
}

json databaseJson(const ExperimentConfig& config, const PlanContext& context) {
  if (config.database == DatabaseKind::sqlite) return {{"kind", "sqlite"}};
  return {{"kind", "postgresql"},         {"host", "db"},
          {"port", context.postgresPort}, {"name", kDatabaseName},
          {"user", kDatabaseUser},        {"password", context.databasePassword},
          {"bin", context.postgresBin}};
}

int serverPort(const ExperimentConfig& config, int index) {
  return config.servers.port + index + 1;
}

json serverJson(const ExperimentConfig& config, const PlanContext& context, int index) {
  const ServerSettings& servers = config.servers;
  const std::string host = serverHost(index);
  const int port = serverPort(config, index);
  // Mininet hosts live in a network namespace of their own; on loopback, listening on
  // every interface would open the experiment to the machine's network.
  const std::string bind = context.backend == Backend::loopback ? "127.0.0.1" : "0.0.0.0";
  json argv = {context.serverBinary,
               "serve",
               "--bind",
               bind,
               "--port",
               std::to_string(port),
               "--threads",
               std::to_string(servers.threads),
               "--workers",
               std::to_string(servers.workers),
               "--password-cost",
               servers.passwordCost};
  if (servers.passwordCost == "cheap") argv.push_back("--allow-cheap-passwords");
  if (servers.accessLog) {
    argv.push_back("--access-log");
    argv.push_back("{out}/" + host + ".access.log");
  }
  json env = json::object();
  if (config.database == DatabaseKind::sqlite) {
    argv.push_back("--database");
    argv.push_back("sqlite:{out}/twitter.db");
  } else {
    env = {{"HOST", "{ip:db}"},
           {"DB", kDatabaseName},
           {"USER", kDatabaseUser},
           {"PASS", context.databasePassword},
           {"PGPORT", std::to_string(context.postgresPort)}};
  }
  return {{"host", host}, {"port", port},         {"argv", argv},
          {"env", env},   {"log", host + ".log"}, {"metrics", host + ".metrics"}};
}

json clientJson(const ExperimentConfig& config, const PlanContext& context, int index) {
  const WorkloadSettings& workload = config.workload;
  const std::string host = clientHost(index);
  // As the original: client host i loads server i mod N; with HAProxy, HAProxy does.
  const std::string target =
      config.clients.reach == Reach::haproxy
          ? "http://{ip:lb}:" + std::to_string(config.servers.port)
          : "http://{ip:" + serverHost(index % config.servers.instances) +
                "}:" + std::to_string(serverPort(config, index % config.servers.instances));
  const std::int64_t users = workload.usersPerHost;
  json argv = {context.clientBinary,
               "load",
               "--target",
               target,
               "--scenario",
               workload.scenario,
               "--users",
               std::to_string(users),
               "--connections",
               std::to_string(workload.connectionsPerHost)};
  if (workload.posters) {
    argv.push_back("--posters");
    argv.push_back(std::to_string(*workload.posters));
  }
  if (workload.loop == LoopKind::open) {
    argv.push_back("--rate");
    argv.push_back(numberText(workload.ratePerHost));
  } else if (workload.thinkTimeNs > 0) {
    argv.push_back("--think-time");
    argv.push_back(durationText(workload.thinkTimeNs));
  }
  const std::vector<std::string> rest = {
      "--warmup",      durationText(workload.warmupNs),
      "--duration",    durationText(workload.durationNs),
      "--timeout",     durationText(workload.timeoutNs),
      "--user-offset", std::to_string(index * users),
      "--population",  std::to_string(config.clients.hosts * users),
      "--output",      "{out}/" + host + ".json",
      "--host-name",   host,
      "--no-progress"};
  for (const std::string& item : rest)
    argv.push_back(item);
  return {{"host", host}, {"argv", argv}, {"output", host + ".json"}, {"log", host + ".log"}};
}

}  // namespace

int clientDeadlineSeconds(const ExperimentConfig& config) {
  const WorkloadSettings& workload = config.workload;
  // Sign-up costs of one account per password cost (Argon2id on a slow core), spread
  // over the instances; generous on purpose: the deadline only catches hung clients.
  const double signUpSeconds = config.servers.passwordCost == "cheap"      ? 0.02
                               : config.servers.passwordCost == "moderate" ? 2.0
                                                                           : 0.5;
  const double accounts = static_cast<double>(config.clients.hosts) * workload.usersPerHost;
  const double setUp = accounts * signUpSeconds / config.servers.instances;
  const double seconds = static_cast<double>(workload.warmupNs + workload.durationNs) / 1e9 +
                         static_cast<double>(workload.timeoutNs) / 1e9 + setUp + 60;
  return static_cast<int>(std::ceil(seconds));
}

nlohmann::json buildPlan(const SweepPoint& point, int repetition, const PlanContext& context) {
  const ExperimentConfig& config = point.config;
  json assignments = json::object();
  for (const auto& [key, value] : point.assignments)
    assignments[key] = value;
  const json link = linkJson(config.topology.link);
  const std::string kind = toString(config.topology.kind);

  json servers = json::array();
  json backends = json::array();
  for (int i = 0; i < config.servers.instances; ++i) {
    servers.push_back(serverJson(config, context, i));
    backends.push_back({{"host", serverHost(i)}, {"port", serverPort(config, i)}});
  }
  json haproxy = nullptr;
  if (config.clients.reach == Reach::haproxy)
    haproxy = {{"host", "lb"}, {"port", config.servers.port}, {"backends", backends}};
  json clients = json::array();
  for (int i = 0; i < config.clients.hosts; ++i)
    clients.push_back(clientJson(config, context, i));

  return {
      {"schema", kPlanSchema},
      {"experiment", config.name},
      {"point", point.id},
      {"assignments", assignments},
      {"repetition", repetition},
      {"outDir", context.outDir.string()},
      {"backend", context.backend == Backend::mininet ? "mininet" : "loopback"},
      {"topology",
       {{"kind", kind},
        {"file", (context.topologiesDir / (kind + ".py")).string()},
        {"params", topologyParams(config)},
        {"link", link}}},
      {"link", link},
      {"database", databaseJson(config, context)},
      {"servers", servers},
      {"haproxy", haproxy},
      {"clients", clients},
      {"timing",
       {{"startDelaySeconds", context.startDelaySeconds},
        {"deadlineSeconds", clientDeadlineSeconds(config)}}},
      {"binaries",
       {{"minitwitter", context.serverBinary},
        {"client", context.clientBinary},
        {"postgres", context.postgresBin}}},
  };
}

}  // namespace mt::experiment
