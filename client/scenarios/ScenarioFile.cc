// Scenario files: TOML over a base ScenarioSettings. The keys (docs/client.md):
//
//   scenario     = "mixed"            # original | mixed | static | live
//   think_time   = "100ms"            # ns/us/ms/s/m/h, or a number of seconds
//   user_prefix  = "load"             # user i is <user_prefix><i>
//   password     = "load-password"    # 8 to 128 characters
//   user_offset  = 0                  # this process's first global user index
//   population   = 1000               # users in the whole experiment (0: the engine's)
//   cluster_size = 5                  # original: users [k*n, (k+1)*n) follow each other
//   posters      = 1                  # live: users [0, n) post, the others subscribe
//   seed         = 1                  # every user's random choices
//   [weights]                         # mixed; replaces all weights, missing ones are 0
//   timeline = 60
//   profile  = 15
//   post     = 10
//   like     = 10
//   follow   = 5
//   [static]
//   path = "/files/hello-100.txt"     # static: the path each request GETs
//
// Anything else, a wrong type or a bad value is an error naming the file and line.
#include <toml++/toml.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "Duration.h"
#include "Scenario.h"
#include "SettingsChecks.h"

namespace mt::load {
namespace {

constexpr std::int64_t kMaxThinkTimeNs = 3'600'000'000'000;  // 1h

class FileReader {
 public:
  explicit FileReader(const std::string& origin) : origin_(origin) {}

  [[noreturn]] void fail(const toml::source_region& where, std::string_view key,
                         const std::string& problem) const {
    std::string message = origin_ + ":" + std::to_string(where.begin.line) + ": ";
    if (!key.empty()) message.append(key).append(": ");
    throw std::invalid_argument(message + problem);
  }

  void check(const toml::node& node, std::string_view key, const std::string& problem) const {
    if (!problem.empty()) fail(node.source(), key, problem);
  }

  std::string string(const toml::node& node, std::string_view key) const {
    const toml::value<std::string>* value = node.as_string();
    if (value == nullptr) fail(node.source(), key, "expected a string, found " + typeName(node));
    return value->get();
  }

  std::int64_t integer(const toml::node& node, std::string_view key, std::int64_t min,
                       std::int64_t max) const {
    const toml::value<std::int64_t>* value = node.as_integer();
    if (value == nullptr) fail(node.source(), key, "expected an integer, found " + typeName(node));
    const std::int64_t number = value->get();
    if (number < min || number > max) {
      fail(node.source(), key,
           std::to_string(number) + " is out of range: expected " + std::to_string(min) + " to " +
               std::to_string(max));
    }
    return number;
  }

  std::int64_t durationNs(const toml::node& node, std::string_view key) const {
    std::optional<std::int64_t> ns;
    if (const toml::value<std::string>* text = node.as_string()) {
      ns = parseDurationNs(text->get());
      if (!ns) {
        fail(node.source(), key,
             "'" + text->get() + "' is not a duration: write e.g. \"100ms\", \"2s\" or 0.5");
      }
    } else if (const toml::value<std::int64_t>* whole = node.as_integer()) {
      ns = parseDurationNs(std::to_string(whole->get()));
      if (!ns)
        fail(node.source(), key, std::to_string(whole->get()) + " seconds is not a duration");
    } else if (const toml::value<double>* seconds = node.as_floating_point()) {
      const double value = seconds->get();
      if (!(value >= 0 && value <= 1e6)) fail(node.source(), key, "not a duration in seconds");
      ns = static_cast<std::int64_t>(value * 1e9 + 0.5);
    } else {
      fail(node.source(), key,
           "expected a duration (\"100ms\" or seconds), found " + typeName(node));
    }
    if (*ns > kMaxThinkTimeNs) fail(node.source(), key, "more than an hour: write a shorter one");
    return *ns;
  }

  const toml::table& table(const toml::node& node, std::string_view key) const {
    const toml::table* value = node.as_table();
    if (value == nullptr) fail(node.source(), key, "expected a table, found " + typeName(node));
    return *value;
  }

  [[noreturn]] void unknown(const toml::key& key, std::string_view known) const {
    fail(key.source(), {},
         "unknown key '" + std::string(key.str()) + "': the keys here are " + std::string(known));
  }

 private:
  static std::string typeName(const toml::node& node) {
    switch (node.type()) {
      case toml::node_type::table:
        return "a table";
      case toml::node_type::array:
        return "an array";
      case toml::node_type::string:
        return "a string";
      case toml::node_type::integer:
        return "an integer";
      case toml::node_type::floating_point:
        return "a number with a fraction";
      case toml::node_type::boolean:
        return "a boolean";
      case toml::node_type::date:
      case toml::node_type::time:
      case toml::node_type::date_time:
        return "a date or time";
      case toml::node_type::none:
        break;
    }
    return "nothing";
  }

  const std::string& origin_;
};

constexpr std::string_view kTopKeys =
    "scenario, think_time, user_prefix, password, user_offset, population, cluster_size, posters, "
    "seed, "
    "[weights], [static]";
constexpr std::int64_t kMaxInteger = std::numeric_limits<std::int64_t>::max();

void readWeights(const FileReader& reader, const toml::table& table, ScenarioSettings& settings) {
  std::map<std::string, unsigned, std::less<>> weights;
  for (auto&& [key, node] : table) {
    const std::string name = "weights." + std::string(key.str());
    if (!weightNameProblem(key.str()).empty()) {
      reader.unknown(key, "timeline, profile, post, like, follow");
    }
    weights[std::string(key.str())] =
        static_cast<unsigned>(reader.integer(node, name, 0, std::numeric_limits<unsigned>::max()));
  }
  reader.check(table, "weights",
               weights.empty() ? "no operation has a weight: give at least one a positive weight"
                               : weightsProblem(weights));
  settings.weights = std::move(weights);
}

void readStatic(const FileReader& reader, const toml::table& table, ScenarioSettings& settings) {
  for (auto&& [key, node] : table) {
    if (key.str() != "path") reader.unknown(key, "path");
    settings.staticPath = reader.string(node, "static.path");
    reader.check(node, "static.path", staticPathProblem(settings.staticPath));
  }
}

}  // namespace

ScenarioSettings readScenarioText(std::string_view text, const std::string& origin,
                                  ScenarioSettings base) {
  toml::table document;
  try {
    document = toml::parse(text, origin);
  } catch (const toml::parse_error& error) {
    throw std::invalid_argument(origin + ":" + std::to_string(error.source().begin.line) +
                                ": not valid TOML: " + std::string(error.description()));
  }
  const FileReader reader(origin);
  ScenarioSettings settings = std::move(base);
  for (auto&& [key, node] : document) {
    const std::string_view name = key.str();
    if (name == "scenario") {
      settings.name = reader.string(node, name);
      reader.check(node, name, scenarioNameProblem(settings.name));
    } else if (name == "think_time") {
      settings.thinkTimeNs = reader.durationNs(node, name);
    } else if (name == "user_prefix") {
      settings.userPrefix = reader.string(node, name);
      reader.check(node, name, userPrefixProblem(settings.userPrefix));
    } else if (name == "password") {
      settings.password = reader.string(node, name);
      reader.check(node, name, passwordProblem(settings.password));
    } else if (name == "user_offset") {
      settings.userOffset = static_cast<std::uint64_t>(reader.integer(node, name, 0, kMaxInteger));
    } else if (name == "population") {
      settings.population = static_cast<std::uint64_t>(reader.integer(node, name, 0, kMaxInteger));
    } else if (name == "cluster_size") {
      settings.clusterSize = static_cast<std::uint64_t>(reader.integer(node, name, 1, kMaxInteger));
    } else if (name == "posters") {
      settings.posters = static_cast<std::uint64_t>(reader.integer(node, name, 0, kMaxInteger));
    } else if (name == "seed") {
      settings.seed = static_cast<std::uint64_t>(reader.integer(node, name, 0, kMaxInteger));
    } else if (name == "weights") {
      readWeights(reader, reader.table(node, name), settings);
    } else if (name == "static") {
      readStatic(reader, reader.table(node, name), settings);
    } else {
      reader.unknown(key, kTopKeys);
    }
  }
  return settings;
}

ScenarioSettings readScenarioFile(const std::string& path, ScenarioSettings base) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw std::invalid_argument(path + ": cannot read the scenario file: it is a folder");
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw std::invalid_argument(path + ": cannot read the scenario file: " + std::strerror(errno));
  }
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) throw std::invalid_argument(path + ": cannot read the scenario file");
  return readScenarioText(text.str(), path, std::move(base));
}

}  // namespace mt::load
