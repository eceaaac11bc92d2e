#include "LoadTestSupport.h"

#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mt::testing::loadtests {

TempFolder::TempFolder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "mt-load-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string LoadOutcome::describe() const {
  std::ostringstream text;
  text << "exit code " << cli.exitCode << "\nstderr: " << cli.err;
  if (!problem.empty()) text << "\nproblem: " << problem;
  return text.str();
}

std::optional<load::RunResults> readResults(const std::filesystem::path& file,
                                            std::string& problem) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problem = "no results file " + file.string();
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return load::RunResults::fromJsonText(text.str());
  } catch (const std::exception& e) {
    problem = std::string("results file does not parse: ") + e.what();
    return std::nullopt;
  }
}

LoadOutcome runLoad(const CliRunner& cli, const TempFolder& folder,
                    const std::vector<std::string>& args) {
  static std::atomic<int> next{0};
  const auto file = folder / ("results-" + std::to_string(next++) + ".json");
  std::vector<std::string> argv = {"load"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--output", file.string()});
  LoadOutcome outcome;
  outcome.cli = cli.run(argv);
  if (outcome.cli.exitCode != 0) {
    outcome.problem = "load failed";
    return outcome;
  }
  outcome.results = readResults(file, outcome.problem);
  return outcome;
}

std::string urlOf(std::uint16_t port) {
  return "http://127.0.0.1:" + std::to_string(port);
}

std::string urlOf(TwitterTestServer& server) {
  return urlOf(server.port());
}

double staticFilesServed(TwitterTestServer& server) {
  return server.metric("static_cache_hits_total") + server.metric("static_cache_misses_total");
}

std::uint64_t countAtLeast(const load::LatencyHistogram& histogram, std::int64_t ns) {
  std::uint64_t count = 0;
  for (std::size_t i = histogram.firstIndex(); i <= histogram.lastIndex(); ++i) {
    if (histogram.layout().bucketLowerBound(i) >= ns) count += histogram.bucketCount(i);
  }
  return count;
}

std::uint64_t perSecondTotal(const load::OperationStats& stats) {
  std::uint64_t total = 0;
  for (const auto& [second, entry] : stats.perSecond())
    total += entry.completed;
  return total;
}

std::vector<std::string> operationNames(const load::RunResults& results) {
  std::vector<std::string> names;
  for (const auto& [name, stats] : results.operations)
    names.push_back(name);
  return names;
}

}  // namespace mt::testing::loadtests
