#include "PlanSummary.h"

#include <map>
#include <sstream>

namespace mt::experiment::app {

namespace {

using nlohmann::json;

std::string scalarText(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// The value after `option` in argv, or "".
std::string optionValue(const json& argv, const std::string& option) {
  for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] == option) return argv[i + 1].get<std::string>();
  }
  return {};
}

// "http://{ip:s1}:8081" → "s1:8081".
std::string targetName(const std::string& url) {
  const std::size_t open = url.find("{ip:");
  const std::size_t close = url.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return url;
  return url.substr(open + 4, close - open - 4) + url.substr(close + 1);
}

}  // namespace

std::string describePlan(const json& plan) {
  std::ostringstream out;
  out << plan["point"].get<std::string>() << " r" << plan["repetition"].get<int>();
  if (!plan["assignments"].empty()) {
    std::string sets;
    for (const auto& [key, value] : plan["assignments"].items())
      sets += (sets.empty() ? "" : ", ") + key + " = " + value.get<std::string>();
    out << "  (" << sets << ")";
  }
  out << "\n";

  const json& topology = plan["topology"];
  out << "  topology  " << topology["kind"].get<std::string>();
  for (const auto& [key, value] : topology["params"].items())
    out << " " << key << "=" << scalarText(value);
  const json& link = plan["link"];
  out << "; client links: delay " << link["delay"].get<std::string>() << ", loss "
      << link["loss"].dump() << "%";
  if (!link["max_queue_size"].is_null()) out << ", queue " << link["max_queue_size"].dump();
  out << "\n";

  const json& database = plan["database"];
  out << "  database  " << database["kind"].get<std::string>();
  if (database["kind"] == "postgresql") out << " on db, port " << database["port"].dump();
  out << "\n";

  out << "  servers  ";
  for (const json& server : plan["servers"])
    out << " " << server["host"].get<std::string>() << ":" << server["port"].dump();
  const json& firstServer = plan["servers"].front()["argv"];
  out << " (threads " << optionValue(firstServer, "--threads") << ", workers "
      << optionValue(firstServer, "--workers") << ", password cost "
      << optionValue(firstServer, "--password-cost") << ")\n";
  if (!plan["haproxy"].is_null()) {
    out << "  haproxy   lb:" << plan["haproxy"]["port"].dump() << " in front of "
        << plan["haproxy"]["backends"].size() << " servers\n";
  }

  const json& clients = plan["clients"];
  const json& firstClient = clients.front()["argv"];
  std::map<std::string, int> hostsPerTarget;
  for (const json& client : clients)
    ++hostsPerTarget[targetName(optionValue(client["argv"], "--target"))];
  out << "  clients   " << clients.size() << " hosts c1…c" << clients.size() << " × "
      << optionValue(firstClient, "--users") << " users, "
      << optionValue(firstClient, "--connections") << " connections, scenario "
      << optionValue(firstClient, "--scenario") << ", ";
  const std::string posters = optionValue(firstClient, "--posters");
  if (!posters.empty()) out << posters << " poster(s) in all, ";
  const std::string rate = optionValue(firstClient, "--rate");
  out << (rate.empty() ? "closed loop" : "open loop at " + rate + " req/s per host");
  const std::string think = optionValue(firstClient, "--think-time");
  if (!think.empty()) out << ", think time " << think;
  out << "\n            targets:";
  const char* separator = " ";
  for (const auto& [target, count] : hostsPerTarget) {
    out << separator << target << " ← " << count << (count == 1 ? " host" : " hosts");
    separator = ", ";
  }
  out << "\n";
  out << "  timing    warm-up " << optionValue(firstClient, "--warmup") << ", duration "
      << optionValue(firstClient, "--duration") << ", clients' deadline "
      << plan["timing"]["deadlineSeconds"].dump() << "s\n";
  out << "  output    " << plan["outDir"].get<std::string>() << "\n";
  return out.str();
}

}  // namespace mt::experiment::app
