#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "Scenario.h"

// The checks of ScenarioSettings, shared by makeScenario and the scenario-file reader
// (which adds the file and line). Each answers the problem for people, or "" when fine.
namespace mt::load {

std::string scenarioNameProblem(std::string_view name);
std::string weightNameProblem(std::string_view operation);
// Unknown operations, or every weight zero (an empty map means the defaults: fine).
std::string weightsProblem(const std::map<std::string, unsigned, std::less<>>& weights);
// The prefix alone: only characters usernames allow.
std::string userPrefixProblem(std::string_view prefix);
// Every username of [offset, population) is 3 to 20 characters (population 0: just the
// user at `offset`, the engine has not said yet).
std::string usernamesProblem(std::string_view prefix, std::uint64_t offset,
                             std::uint64_t population);
// 8 to 128 characters of valid UTF-8, not only white space.
std::string passwordProblem(std::string_view password);
// The server refuses a password equal to the username, in any case.
std::string passwordIsUsernameProblem(std::string_view password, std::string_view prefix,
                                      std::uint64_t offset, std::uint64_t population);
std::string staticPathProblem(std::string_view path);
std::string clusterSizeProblem(std::uint64_t clusterSize);

}  // namespace mt::load
