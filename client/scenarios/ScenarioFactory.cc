#include <stdexcept>

#include "ScenarioKinds.h"
#include "SettingsChecks.h"

namespace mt::load {
namespace {

void require(const std::string& problem) {
  if (!problem.empty()) throw std::invalid_argument(problem);
}

}  // namespace

std::map<std::string, unsigned, std::less<>> defaultMixedWeights() {
  return {{"timeline", 60}, {"profile", 15}, {"post", 10}, {"like", 10}, {"follow", 5}};
}

std::unique_ptr<Scenario> makeScenario(const ScenarioSettings& settings) {
  require(scenarioNameProblem(settings.name));
  if (settings.thinkTimeNs < 0) throw std::invalid_argument("the think time is negative");
  if (settings.name == "static") {
    require(staticPathProblem(settings.staticPath));
    return makeStaticScenario(settings);
  }
  require(usernamesProblem(settings.userPrefix, settings.userOffset, settings.population));
  require(passwordProblem(settings.password));
  require(passwordIsUsernameProblem(settings.password, settings.userPrefix, settings.userOffset,
                                    settings.population));
  if (settings.name == "original") {
    require(clusterSizeProblem(settings.clusterSize));
    return makeOriginalScenario(settings);
  }
  if (settings.name == "live") return makeLiveScenario(settings);
  require(weightsProblem(settings.weights));
  return makeMixedScenario(settings);
}

}  // namespace mt::load
