#include "ConfigJson.h"

namespace mt::experiment::runner {

namespace {

using nlohmann::json;

json topologyJson(const TopologySettings& topology) {
  json result = {{"kind", toString(topology.kind)}};
  switch (topology.kind) {
    case TopologyKind::campus:
      result["clusters"] = topology.clusters;
      result["hosts_per_cluster"] = topology.hostsPerCluster;
      result["client_bw"] = topology.clientBwMbps;
      result["core_bw"] = topology.coreBwMbps;
      break;
    case TopologyKind::single:
      break;
    case TopologyKind::linear:
      result["switches"] = topology.switches;
      break;
    case TopologyKind::tree:
      result["depth"] = topology.depth;
      result["fanout"] = topology.fanout;
      break;
    case TopologyKind::dumbbell:
      result["bottleneck_bw"] = topology.bottleneckBwMbps;
      result["bottleneck_delay"] = topology.bottleneckDelay;
      break;
  }
  json link = {{"delay", topology.link.delay}, {"loss", topology.link.lossPercent}};
  link["max_queue_size"] =
      topology.link.maxQueueSize ? json(*topology.link.maxQueueSize) : json(nullptr);
  result["link"] = link;
  return result;
}

}  // namespace

json configJson(const ExperimentConfig& config) {
  const ServerSettings& servers = config.servers;
  const WorkloadSettings& workload = config.workload;
  json result = {
      {"name", config.name},
      {"description", config.description},
      {"repetitions", config.repetitions},
      {"topology", topologyJson(config.topology)},
      {"database", {{"kind", toString(config.database)}}},
      {"servers",
       {{"instances", servers.instances},
        {"threads", servers.threads},
        {"workers", servers.workers},
        {"password_cost", servers.passwordCost},
        {"port", servers.port},
        {"access_log", servers.accessLog}}},
      {"clients", {{"reach", toString(config.clients.reach)}, {"hosts", config.clients.hosts}}},
      {"workload",
       {{"scenario", workload.scenario},
        {"users_per_host", workload.usersPerHost},
        {"connections_per_host", workload.connectionsPerHost},
        {"loop", toString(workload.loop)},
        {"rate_per_host", workload.ratePerHost},
        {"think_time", durationText(workload.thinkTimeNs)},
        {"warmup", durationText(workload.warmupNs)},
        {"duration", durationText(workload.durationNs)},
        {"timeout", durationText(workload.timeoutNs)}}},
  };
  // Only where it means something, so that other scenarios' expanded.json stay as they were.
  if (workload.posters) result["workload"]["posters"] = *workload.posters;
  return result;
}

json pointsJson(const std::vector<SweepPoint>& points) {
  json result = json::array();
  for (const SweepPoint& point : points) {
    json assignments = json::object();
    for (const auto& [key, value] : point.assignments)
      assignments[key] = value;
    result.push_back(
        {{"id", point.id}, {"assignments", assignments}, {"config", configJson(point.config)}});
  }
  return result;
}

}  // namespace mt::experiment::runner
