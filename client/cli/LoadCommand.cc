// `load` and `merge-results`: the load client on the command line (docs/client.md).
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "Commands.h"
#include "Durations.h"
#include "LoadRun.h"
#include "Summary.h"
#include "UsageError.h"

namespace mt::client::cli {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) {
  interrupted.store(true);
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
  std::signal(SIGTERM, SIG_DFL);
}

struct LoadOptions {
  std::vector<std::string> targets;
  std::string scenario = "mixed";
  std::uint64_t users = 0;
  std::uint64_t connections = 16;
  unsigned threads = 0;
  double rate = 0;
  std::string thinkTime = "0";
  std::string warmup = "0";
  std::string duration = "10s";
  std::uint64_t requests = 0;
  std::string timeout = "10s";
  std::string output;
  bool progress = isatty(STDERR_FILENO) != 0;
  std::string userPrefix;
  std::uint64_t userOffset = 0;
  std::uint64_t population = 0;
  std::string password;
  std::uint64_t clusterSize = 0;
  std::uint64_t posters = 0;
  std::string weights;
  std::string path;
  std::uint64_t seed = 0;
  std::string hostName;

  // The options given on the command line, which win over a scenario file.
  std::map<std::string, const CLI::Option*> given;
  bool has(const std::string& name) const {
    auto it = given.find(name);
    return it != given.end() && it->second->count() > 0;
  }
};

bool isScenarioFile(const std::string& scenario) {
  return scenario.find('/') != std::string::npos ||
         (scenario.size() > 5 && scenario.substr(scenario.size() - 5) == ".toml");
}

std::map<std::string, unsigned, std::less<>> parseWeights(const std::string& text) {
  std::map<std::string, unsigned, std::less<>> weights;
  std::stringstream items(text);
  std::string item;
  while (std::getline(items, item, ',')) {
    const auto equals = item.find('=');
    unsigned weight = 0;
    const std::string number = equals == std::string::npos ? "" : item.substr(equals + 1);
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), weight);
    if (equals == std::string::npos || number.empty() || error != std::errc() ||
        end != number.data() + number.size()) {
      throw UsageError("--weights: '" + item + "' is not operation=weight (e.g. timeline=60)");
    }
    weights[item.substr(0, equals)] = weight;
  }
  return weights;
}

load::ScenarioSettings scenarioSettings(const LoadOptions& options) {
  load::ScenarioSettings settings;
  try {
    if (isScenarioFile(options.scenario)) {
      settings = load::readScenarioFile(options.scenario, settings);
    } else {
      settings.name = options.scenario;
    }
  } catch (const std::invalid_argument& error) {
    throw UsageError(error.what());
  }
  if (options.has("--user-prefix")) settings.userPrefix = options.userPrefix;
  if (options.has("--user-offset")) settings.userOffset = options.userOffset;
  if (options.has("--population")) settings.population = options.population;
  if (options.has("--password")) settings.password = options.password;
  if (options.has("--cluster-size")) settings.clusterSize = options.clusterSize;
  if (options.has("--posters")) settings.posters = options.posters;
  if (options.has("--weights")) settings.weights = parseWeights(options.weights);
  if (options.has("--path")) settings.staticPath = options.path;
  if (options.has("--seed")) settings.seed = options.seed;
  if (options.has("--think-time")) {
    settings.thinkTimeNs = parseDuration(options.thinkTime, "--think-time");
  }
  return settings;
}

load::LoadSettings loadSettings(const LoadOptions& options, const CommandContext& context) {
  load::LoadSettings settings;
  settings.targets = options.targets;
  if (settings.targets.empty()) settings.targets.push_back(context.api.serverName());
  if (options.has("--rate")) {
    if (!(options.rate > 0)) throw UsageError("--rate must be above 0 requests/s");
    settings.loop = load::LoopKind::open;
    settings.ratePerSecond = options.rate;
    if (options.has("--think-time")) {
      throw UsageError("--think-time is for the closed loop; an open loop (--rate) has none");
    }
  }
  settings.virtualUsers = options.users;
  settings.connections = options.connections;
  settings.threads = options.threads;
  settings.warmupNs = parseDuration(options.warmup, "--warmup");
  settings.durationNs = parseDuration(options.duration, "--duration");
  settings.requests = options.requests;
  if (options.has("--requests") && options.has("--duration")) {
    throw UsageError("give --duration or --requests, not both");
  }
  if (settings.requests == 0 && settings.durationNs == 0) {
    throw UsageError("--duration must be above 0");
  }
  settings.timeoutNs = parseDuration(options.timeout, "--timeout");
  if (settings.timeoutNs == 0) throw UsageError("--timeout must be above 0");
  settings.hostName = options.hostName;
  if (isScenarioFile(options.scenario)) {
    settings.scenarioLabel = std::filesystem::path(options.scenario).filename().string();
  }
  return settings;
}

void printProgress(const load::ProgressSnapshot& snapshot) {
  using Phase = load::ProgressSnapshot::Phase;
  char line[200];
  if (snapshot.phase == Phase::setup) {
    std::snprintf(line, sizeof line, "setting up users: %llu/%llu ready%s",
                  static_cast<unsigned long long>(snapshot.usersReady),
                  static_cast<unsigned long long>(snapshot.usersTotal),
                  snapshot.usersFailed > 0 ? " (some failed)" : "");
  } else {
    const char* phase = snapshot.phase == Phase::warmup      ? "warm-up"
                        : snapshot.phase == Phase::measuring ? "measuring"
                                                             : "draining";
    char clock[48] = "";
    if (snapshot.phase != Phase::draining) {
      if (snapshot.phaseSeconds > 0) {
        std::snprintf(clock, sizeof clock, " %.0f/%.0fs", snapshot.elapsedSeconds,
                      snapshot.phaseSeconds);
      } else {
        std::snprintf(clock, sizeof clock, " %.0fs", snapshot.elapsedSeconds);
      }
    }
    std::snprintf(line, sizeof line, "%s%s · %llu requests · %.0f req/s · %llu errors", phase,
                  clock, static_cast<unsigned long long>(snapshot.completed),
                  snapshot.requestsPerSecond, static_cast<unsigned long long>(snapshot.errors));
  }
  std::cerr << "\r\033[K" << line << std::flush;
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) throw std::runtime_error("cannot write " + path);
}

void runLoadCommand(const LoadOptions& options, const CommandContext& context) {
  const load::ScenarioSettings scenario = scenarioSettings(options);
  const load::LoadSettings settings = loadSettings(options, context);
  if (!options.output.empty()) {
    // Fails now, not after a ten-minute run.
    std::ofstream probe(options.output, std::ios::app);
    if (!probe) throw std::runtime_error("cannot write the results to " + options.output);
  }

  interrupted.store(false);
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  load::RunResults results;
  try {
    results = load::runLoad(settings, scenario, &interrupted,
                            options.progress ? load::ProgressCallback(printProgress) : nullptr);
  } catch (const load::SetupFailed& error) {
    if (options.progress) std::cerr << "\n";
    throw ServerError(error.what());
  } catch (const std::invalid_argument& error) {
    throw UsageError(error.what());
  } catch (const std::runtime_error& error) {
    if (options.progress) std::cerr << "\n";
    throw ServerError(error.what());  // a target that does not resolve
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (options.progress) std::cerr << "\r\033[K" << std::flush;

  if (!options.output.empty()) writeFile(options.output, results.toJsonText());
  if (context.json) {
    std::cout << results.toJsonText();
  } else {
    std::cout << load::formatSummary(results);
  }
}

std::string readFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

void mergeResults(const std::vector<std::string>& files, const std::string& output) {
  std::optional<load::RunResults> merged;
  for (const auto& path : files) {
    load::RunResults results;
    try {
      results = load::RunResults::fromJsonText(readFile(path));
    } catch (const std::invalid_argument& error) {
      throw std::runtime_error(path + " is not a load results document: " + error.what());
    }
    try {
      merged = merged ? load::merge(*merged, results) : results;
    } catch (const std::invalid_argument& error) {
      throw std::runtime_error("cannot merge " + path + ": " + error.what());
    }
  }
  if (output.empty()) {
    std::cout << merged->toJsonText();
  } else {
    writeFile(output, merged->toJsonText());
  }
}

}  // namespace

void addLoadCommands(CLI::App& app, Action& chosen) {
  auto options = std::make_shared<LoadOptions>();
  auto* load = app.add_subcommand(
      "load", "Run many virtual users against servers and measure throughput and latency");
  auto remember = [&](CLI::Option* option) { options->given[option->get_name()] = option; };
  load->add_option("--target", options->targets,
                   "A server to load (repeatable; users are assigned round-robin). "
                   "Default: --server");
  load->add_option("--scenario", options->scenario,
                   "original, mixed, static, live, or a scenario file (.toml)")
      ->capture_default_str();
  load->add_option("--users", options->users, "Virtual users (default: as many as connections)")
      ->check(CLI::PositiveNumber);
  load->add_option("--connections,-c", options->connections, "TCP connections")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  load->add_option("--threads", options->threads, "Engine threads (default: one per core)")
      ->check(CLI::PositiveNumber);
  remember(load->add_option("--rate", options->rate,
                            "Open loop: this many requests per second in total; latency counts "
                            "from when each request was due. Without it: closed loop"));
  remember(load->add_option("--think-time", options->thinkTime,
                            "Closed loop: pause after each response (e.g. 100ms)"));
  load->add_option("--warmup", options->warmup, "Run this long before recording (e.g. 2s)")
      ->capture_default_str();
  remember(load->add_option("--duration,-d", options->duration, "How long to record")
               ->capture_default_str());
  remember(load->add_option("--requests,-n", options->requests,
                            "Stop after recording this many requests instead of a duration")
               ->check(CLI::PositiveNumber));
  load->add_option("--timeout", options->timeout, "A request unanswered this long is an error")
      ->capture_default_str();
  load->add_option("--output,-o", options->output,
                   "Write the results (JSON, docs/load-results.md) to this file");
  load->add_flag("--progress,!--no-progress", options->progress,
                 "Show a live progress line on standard error (default: on a terminal)");
  remember(load->add_option("--user-prefix", options->userPrefix,
                            "User i is <prefix><i> (default: load)"));
  remember(load->add_option("--user-offset", options->userOffset,
                            "Index of this process's first user (several load processes)"));
  remember(load->add_option("--population", options->population,
                            "Users in the whole experiment, whom users may follow"));
  remember(load->add_option("--password", options->password, "The users' password"));
  remember(load->add_option("--cluster-size", options->clusterSize,
                            "original: users per cluster, who follow each other (default 5)"));
  remember(load->add_option("--posters", options->posters,
                            "live: users [0, n) post, all others follow them and subscribe to "
                            "their tweets (default 1; 0: idle subscribers)"));
  remember(load->add_option("--weights", options->weights,
                            "mixed: e.g. timeline=60,profile=15,post=10,like=10,follow=5"));
  remember(load->add_option("--path", options->path,
                            "static: the path to GET (default /files/hello-100.txt)"));
  remember(load->add_option("--seed", options->seed, "Seed of the users' random choices"));
  load->add_option("--host-name", options->hostName,
                   "This host's name in the results (default: the system's)");
  load->callback([&chosen, options] {
    chosen = [options](const CommandContext& context) { runLoadCommand(*options, context); };
  });

  auto files = std::make_shared<std::vector<std::string>>();
  auto output = std::make_shared<std::string>();
  auto* merge = app.add_subcommand(
      "merge-results", "Merge the results files of several load processes into one, exactly");
  merge->add_option("FILES", *files, "Results files (JSON) of `load --output`")->required();
  merge->add_option("--output,-o", *output, "Write the merged document here, not to stdout");
  merge->callback([&chosen, files, output] {
    chosen = [files, output](const CommandContext&) { mergeResults(*files, *output); };
  });
}

}  // namespace mt::client::cli
