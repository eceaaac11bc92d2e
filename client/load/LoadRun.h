#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include "LoadSettings.h"
#include "RunResults.h"
#include "Scenario.h"

namespace mt::load {

// No virtual user could finish its set-up (no target reachable, every sign-up
// refused …): there is nothing to measure.
class SetupFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What the progress line shows, once a second.
struct ProgressSnapshot {
  enum class Phase { setup, warmup, measuring, draining };
  Phase phase = Phase::setup;
  double elapsedSeconds = 0;  // of the phase
  double phaseSeconds = 0;    // its planned length; 0 when open-ended
  std::uint64_t usersReady = 0;
  std::uint64_t usersFailed = 0;
  std::uint64_t usersTotal = 0;
  std::uint64_t completed = 0;  // requests answered or failed since the run started
  std::uint64_t errors = 0;
  double requestsPerSecond = 0;  // over the last second
};

using ProgressCallback = std::function<void(const ProgressSnapshot&)>;

// Runs a load: resolves the targets, makes the users (set-up first, not recorded),
// then warm-up and the measured phase, and returns the merged results of every
// engine thread. `stop` (may be null) ends the run early: what was measured is kept.
// Throws std::invalid_argument for bad settings, std::runtime_error when a target does
// not resolve, SetupFailed when no user could finish its set-up.
RunResults runLoad(const LoadSettings& settings, const ScenarioSettings& scenarioSettings,
                   const std::atomic<bool>* stop = nullptr,
                   const ProgressCallback& progress = nullptr);

}  // namespace mt::load
