#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "Scenario.h"

// The scenarios, made by makeScenario once the settings are checked.
namespace mt::load {

std::unique_ptr<Scenario> makeStaticScenario(const ScenarioSettings& settings);
std::unique_ptr<Scenario> makeOriginalScenario(const ScenarioSettings& settings);
std::unique_ptr<Scenario> makeMixedScenario(const ScenarioSettings& settings);
std::unique_ptr<Scenario> makeLiveScenario(const ScenarioSettings& settings);

// The operations of mixed, in the order its weights are drawn.
inline constexpr std::array<std::string_view, 5> kMixedOperations = {"timeline", "profile", "post",
                                                                     "like", "follow"};

// The username of the user with global index `index`.
inline std::string usernameOf(std::string_view prefix, std::uint64_t index) {
  std::string name(prefix);
  name += std::to_string(index);
  return name;
}

}  // namespace mt::load
