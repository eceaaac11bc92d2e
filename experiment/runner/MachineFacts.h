#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "RunnerPaths.h"

// The machine a run was made on (machine.json): results from another machine or
// another build are only comparable when these say so.
namespace mt::experiment::runner {

// kernel, cores, memory, OS release, host name, this program's compiler, and the
// versions of the tools a run uses (null where a tool is missing or has no
// --version): minitwitter, minitwitter-client, PostgreSQL, Python, Mininet, HAProxy.
nlohmann::json collectMachineFacts(const RunnerPaths& paths, const std::string& postgresBin);

}  // namespace mt::experiment::runner
