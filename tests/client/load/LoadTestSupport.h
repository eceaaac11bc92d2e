#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "CliRunner.h"
#include "RunResults.h"
#include "TwitterTestServer.h"

// What the end-to-end tests of `minitwitter-client load` share: running the real
// binary, reading its results document back, and reading what the server saw. Their
// own namespace keeps them apart from the helpers of tests/client/cli's CliRunner.
namespace mt::testing::loadtests {

// A temporary folder, removed with everything in it.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// One `load` run: what the process did and, when it wrote one, its results document.
struct LoadOutcome {
  CliResult cli;
  std::optional<load::RunResults> results;
  std::string problem;  // why `results` is empty

  // Exit code, standard error and the problem: for assertion messages.
  std::string describe() const;
};

// Runs `minitwitter-client --server <cli's server> load <args> --output <file>` with a
// fresh file in `folder`, and reads the document back with RunResults::fromJsonText
// (which also checks it: per-second series adding up, counts matching histograms).
LoadOutcome runLoad(const CliRunner& cli, const TempFolder& folder,
                    const std::vector<std::string>& args);

// Reads and checks a results document; the problem goes into `problem`.
std::optional<load::RunResults> readResults(const std::filesystem::path& file,
                                            std::string& problem);

// "http://127.0.0.1:<port>".
std::string urlOf(std::uint16_t port);
std::string urlOf(TwitterTestServer& server);

// Static files the server has answered so far (hits and misses of its file cache).
double staticFilesServed(TwitterTestServer& server);

// Recorded operations whose latency was at least `ns` (bucket-exact: counts the
// buckets whose lower bound is at least `ns`).
std::uint64_t countAtLeast(const load::LatencyHistogram& histogram, std::int64_t ns);

// Sum of `completed` over an operation's per-second series.
std::uint64_t perSecondTotal(const load::OperationStats& stats);

// Names of the operations in a results document, in order.
std::vector<std::string> operationNames(const load::RunResults& results);

}  // namespace mt::testing::loadtests
