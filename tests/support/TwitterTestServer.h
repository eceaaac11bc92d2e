#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ServerProcess.h"
#include "TestDatabases.h"

namespace mt::testing {

// The real `minitwitter serve` on a database of its own, with what every Twitter test
// wants: cheap password hashing (sign-ups in microseconds, not 64 MiB each) and a
// small worker pool. The database outlives the process, so a test can kill the server
// and start another on the same data.
class TwitterTestServer {
 public:
  // On a fresh scratch database of `backend`.
  explicit TwitterTestServer(Backend backend, std::vector<std::string> extraArgs = {});
  // On the database `databaseUrl` (what --database takes), which the caller owns.
  explicit TwitterTestServer(std::string databaseUrl, std::vector<std::string> extraArgs = {});
  ~TwitterTestServer();
  TwitterTestServer(const TwitterTestServer&) = delete;
  TwitterTestServer& operator=(const TwitterTestServer&) = delete;

  std::uint16_t port() const { return process_->port(); }
  ServerProcess& process() { return *process_; }
  const std::string& databaseUrl() const { return databaseUrl_; }

  // SIGKILLs the running process (if it still runs) and starts a new one on the same
  // database with the same arguments.
  void restart();

  // The sum of every sample of the metric `name` on /metrics (all label sets);
  // throws when the metric is not exposed.
  double metric(const std::string& name) const;

  // What the server wrote that no test may let pass: sanitizer reports (UBSan's go on
  // running, so only the output shows them) and failed assertions. Empty when clean.
  std::string troubleInOutput();

  // The arguments after `serve` that every test server gets.
  static std::vector<std::string> defaultArgs(const std::string& databaseUrl);

 private:
  std::unique_ptr<ScratchDatabase> scratch_;  // null when the caller owns the database
  std::string databaseUrl_;
  std::vector<std::string> extraArgs_;
  std::unique_ptr<ServerProcess> process_;
};

}  // namespace mt::testing
