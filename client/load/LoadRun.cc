#include "LoadRun.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <thread>

#include "EngineThread.h"
#include "Target.h"

namespace mt::load {

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
// Between "every user is set up" and the first request: every thread is back in its
// loop by then, so none starts late.
constexpr std::int64_t kStartDelayNs = 20'000'000;

std::string localHostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

void validate(const LoadSettings& settings) {
  if (settings.targets.empty()) throw std::invalid_argument("no target to load");
  if (settings.connections < settings.targets.size()) {
    throw std::invalid_argument("--connections must be at least the number of targets (" +
                                std::to_string(settings.targets.size()) + ")");
  }
  if (settings.loop == LoopKind::open && !(settings.ratePerSecond > 0)) {
    throw std::invalid_argument("an open loop needs a rate above 0 requests/s");
  }
  if (settings.durationNs <= 0 && settings.requests == 0) {
    throw std::invalid_argument("the duration must be above 0");
  }
  if (settings.warmupNs < 0) throw std::invalid_argument("the warm-up cannot be negative");
  if (settings.timeoutNs <= 0) throw std::invalid_argument("the timeout must be above 0");
}

// Spreads users and connections over threads: user u runs on thread u mod T and talks
// to target (global index) mod targets; each thread gets a near-equal share of the
// connections, spread over the targets its users talk to.
std::vector<EngineThread::Assignment> assign(const LoadSettings& settings,
                                             const ScenarioSettings& scenario, const Scenario& kind,
                                             std::uint64_t users, unsigned threads) {
  const std::size_t targets = settings.targets.size();
  std::vector<EngineThread::Assignment> plan(threads);
  for (unsigned t = 0; t < threads; ++t) {
    plan[t].index = t;
    plan[t].threads = threads;
    plan[t].connections.assign(targets, 0);
  }
  for (std::uint64_t u = 0; u < users; ++u) {
    auto& thread = plan[u % threads];
    const std::uint64_t global = scenario.userOffset + u;
    thread.users.push_back(global);
    thread.userTargets.push_back(global % targets);
  }
  // Round-robin over (thread, target) pairs that have users, so no connection sits
  // where no user will ever ask for it.
  std::vector<std::pair<unsigned, std::size_t>> slots;
  for (unsigned t = 0; t < threads; ++t) {
    std::vector<bool> used(targets, false);
    for (std::size_t target : plan[t].userTargets)
      used[target] = true;
    for (std::size_t target = 0; target < targets; ++target) {
      if (used[target]) slots.emplace_back(t, target);
    }
  }
  for (std::uint64_t c = 0; c < settings.connections; ++c) {
    const auto [t, target] = slots[c % slots.size()];
    ++plan[t].connections[target];
  }
  // Open-loop arrivals go to the threads with users that make requests (not only
  // subscribers), each taking an equal share.
  std::vector<unsigned> issuing;
  for (unsigned t = 0; t < threads; ++t) {
    const auto& globals = plan[t].users;
    if (std::any_of(globals.begin(), globals.end(),
                    [&](std::uint64_t g) { return !kind.subscribes(g); })) {
      issuing.push_back(t);
    }
  }
  for (unsigned t = 0; t < threads; ++t)
    plan[t].arrivalThreads = 0;
  for (unsigned i = 0; i < issuing.size(); ++i) {
    plan[issuing[i]].arrivalIndex = i;
    plan[issuing[i]].arrivalThreads = static_cast<unsigned>(issuing.size());
  }
  return plan;
}

}  // namespace

RunResults runLoad(const LoadSettings& settings, const ScenarioSettings& scenarioSettings,
                   const std::atomic<bool>* stop, const ProgressCallback& progress) {
  validate(settings);
  ScenarioSettings scenarioConfig = scenarioSettings;
  const std::uint64_t users =
      settings.virtualUsers > 0 ? settings.virtualUsers : settings.connections;
  if (scenarioConfig.population == 0) {
    scenarioConfig.population = scenarioConfig.userOffset + users;
  } else if (scenarioConfig.population < scenarioConfig.userOffset + users) {
    throw std::invalid_argument(
        "the population (" + std::to_string(scenarioConfig.population) +
        ") must hold this process's users: at least the user offset plus the users (" +
        std::to_string(scenarioConfig.userOffset + users) + ")");
  }
  const std::unique_ptr<Scenario> scenario = makeScenario(scenarioConfig);

  std::vector<Target> targets;
  for (const auto& url : settings.targets) {
    targets.push_back(resolveTarget(url));
    const std::string reason =
        probeTarget(targets.back(), std::min(settings.timeoutNs, 5 * kSecond));
    if (!reason.empty()) {
      throw SetupFailed("cannot reach the server at " + targets.back().url + " (" + reason +
                        "): is it running?");
    }
  }

  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  std::uint64_t threadCount = settings.threads > 0 ? settings.threads : cores;
  threadCount = std::min<std::uint64_t>(threadCount, users);
  threadCount = std::min<std::uint64_t>(threadCount, settings.connections);
  threadCount = std::max<std::uint64_t>(threadCount, 1);

  RunControl control;
  control.requestLimit = settings.requests;
  std::vector<std::unique_ptr<EngineThread>> engines;
  for (auto& assignment :
       assign(settings, scenarioConfig, *scenario, users, static_cast<unsigned>(threadCount))) {
    engines.push_back(std::make_unique<EngineThread>(settings, scenarioConfig.thinkTimeNs, targets,
                                                     *scenario, std::move(assignment), control));
  }

  // Forwards Ctrl-C to the engines; both waiting loops below call it on every tick.
  auto forwardStop = [&] {
    if (stop && stop->load()) control.stop.store(true);
  };
  std::vector<std::thread> threads;
  threads.reserve(engines.size());
  for (auto& engine : engines)
    threads.emplace_back([&engine] { engine->run(); });

  auto sum = [&](auto member) {
    std::uint64_t total = 0;
    for (const auto& engine : engines)
      total += (engine->progress().*member).load(std::memory_order_relaxed);
    return total;
  };
  auto all = [&](auto member) {
    return std::all_of(engines.begin(), engines.end(),
                       [&](const auto& engine) { return (engine->progress().*member).load(); });
  };

  // Set-up: wait for every thread, reporting how many users are ready.
  const std::int64_t setupStart = steadyNowNs();
  std::int64_t nextReport = setupStart + kSecond;
  while (!all(&ThreadProgress::setupDone)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    forwardStop();
    if (progress && steadyNowNs() >= nextReport) {
      nextReport += kSecond;
      ProgressSnapshot snapshot;
      snapshot.elapsedSeconds = static_cast<double>(steadyNowNs() - setupStart) / kSecond;
      snapshot.usersReady = sum(&ThreadProgress::usersReady);
      snapshot.usersFailed = sum(&ThreadProgress::usersFailed);
      snapshot.usersTotal = users;
      progress(snapshot);
    }
  }
  const std::uint64_t ready = sum(&ThreadProgress::usersReady);

  {
    std::lock_guard lock(control.mutex);
    control.anchor = ClockAnchor::now();
    control.runStartNs = control.anchor.steadyNs + kStartDelayNs;
    control.measureStartNs = control.runStartNs + settings.warmupNs;
    control.measureEndNs = settings.requests > 0 ? std::numeric_limits<std::int64_t>::max()
                                                 : control.measureStartNs + settings.durationNs;
    if (ready == 0) control.stop.store(true);
    control.go = true;
  }
  control.goSignal.notify_all();

  std::uint64_t lastCompleted = 0;
  nextReport = control.runStartNs + kSecond;
  while (!all(&ThreadProgress::finished)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    forwardStop();
    const std::int64_t now = steadyNowNs();
    if (!progress || now < nextReport || ready == 0) continue;
    nextReport += kSecond;
    ProgressSnapshot snapshot;
    snapshot.usersReady = ready;
    snapshot.usersFailed = sum(&ThreadProgress::usersFailed);
    snapshot.usersTotal = users;
    snapshot.completed = sum(&ThreadProgress::completed);
    snapshot.errors = sum(&ThreadProgress::errors);
    snapshot.requestsPerSecond = static_cast<double>(snapshot.completed - lastCompleted);
    lastCompleted = snapshot.completed;
    if (now < control.measureStartNs) {
      snapshot.phase = ProgressSnapshot::Phase::warmup;
      snapshot.elapsedSeconds = static_cast<double>(now - control.runStartNs) / kSecond;
      snapshot.phaseSeconds = static_cast<double>(settings.warmupNs) / kSecond;
    } else if (now < control.measureEndNs && !control.stop.load() && !control.limitReached()) {
      snapshot.phase = ProgressSnapshot::Phase::measuring;
      snapshot.elapsedSeconds = static_cast<double>(now - control.measureStartNs) / kSecond;
      snapshot.phaseSeconds =
          settings.requests > 0 ? 0 : static_cast<double>(settings.durationNs) / kSecond;
    } else {
      snapshot.phase = ProgressSnapshot::Phase::draining;
    }
    progress(snapshot);
  }
  const std::int64_t endNs = steadyNowNs();
  for (auto& thread : threads)
    thread.join();

  for (const auto& engine : engines) {
    if (!engine->fatalError().empty()) {
      throw std::runtime_error("the load engine failed: " + engine->fatalError());
    }
  }
  if (ready == 0) {
    std::string reason;
    for (const auto& engine : engines)
      if (reason.empty()) reason = engine->lastSetupError();
    throw SetupFailed("no virtual user could " +
                      std::string(scenario->needsAccounts() ? "sign up or log in" : "start") +
                      (reason.empty() ? "" : " (last error: " + reason + ")"));
  }

  RunResults results;
  RunMetadata& metadata = results.metadata;
  metadata.toolVersion = MT_LOAD_VERSION;
  metadata.scenario =
      settings.scenarioLabel.empty() ? std::string(scenario->name()) : settings.scenarioLabel;
  metadata.loop = settings.loop;
  metadata.ratePerSecond = settings.loop == LoopKind::open ? settings.ratePerSecond : 0;
  metadata.virtualUsers = users;
  metadata.connections = settings.connections;
  for (const auto& target : targets)
    metadata.targets.push_back(target.url);
  metadata.hosts.push_back(settings.hostName.empty() ? localHostName() : settings.hostName);
  metadata.startUnixNs = control.anchor.toUnix(control.measureStartNs);
  metadata.warmupNs = settings.warmupNs;
  const std::int64_t measuredEnd =
      std::min(control.measureEndNs, std::max(endNs, control.measureStartNs));
  metadata.durationNs = settings.requests > 0 || control.stop.load()
                            ? measuredEnd - control.measureStartNs
                            : settings.durationNs;
  for (auto& engine : engines) {
    for (auto& [name, stats] : engine->takeStats())
      results.operations[name].merge(stats);
  }
  if (scenario->hasSubscribers()) {
    PushStats push;
    for (auto& engine : engines)
      push.merge(engine->takePushStats());
    push.subscribersPeak = control.streams.peak.load();
    for (std::uint64_t u = 0; u < users; ++u)
      push.subscribers += scenario->subscribes(scenarioConfig.userOffset + u) ? 1 : 0;
    results.push = std::move(push);
  }
  return results;
}

}  // namespace mt::load
