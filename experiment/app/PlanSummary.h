#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace mt::experiment::app {

// A plan for people (--dry-run): a few lines naming the point, topology, database,
// servers, which client host loads which server, the workload and the deadline.
std::string describePlan(const nlohmann::json& plan);

}  // namespace mt::experiment::app
