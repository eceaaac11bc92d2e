// The server outlives its database going away: while PostgreSQL is down, requests fail
// quickly and cleanly (DATABASE_UNAVAILABLE or 503, never a crash or a hang), and once
// it is back they succeed again, without restarting the server. Uses a private
// PostgreSQL cluster, since the test stops and starts it.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "TwitterApiFixture.h"

#ifndef MT_POSTGRES_CLUSTER_SCRIPT
#error "MT_POSTGRES_CLUSTER_SCRIPT must name tools/postgres-cluster.sh"
#endif

namespace mt::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kPgCtl = "/usr/lib/postgresql/15/bin/pg_ctl";

// Runs tools/postgres-cluster.sh with `arguments`; its standard output. Throws when
// it fails.
std::string clusterScript(const std::string& arguments) {
  std::string command = std::string("bash ") + MT_POSTGRES_CLUSTER_SCRIPT + " " + arguments;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed");
  std::string output;
  char chunk[1024];
  while (std::size_t n = std::fread(chunk, 1, sizeof(chunk), pipe))
    output.append(chunk, n);
  int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(command + " failed:\n" + output);
  }
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r'))
    output.pop_back();
  return output;
}

// A private cluster in a temporary folder, destroyed with the test whatever happens.
class PrivateCluster {
 public:
  PrivateCluster() {
    char folder[] = "/tmp/mt-reconnect-XXXXXX";
    if (!::mkdtemp(folder)) throw std::runtime_error("mkdtemp failed");
    folder_ = folder;
    url_ = clusterScript("start " + folder_);
  }
  ~PrivateCluster() {
    try {
      clusterScript("destroy " + folder_);
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
    std::filesystem::remove_all(folder_);
  }
  const std::string& url() const { return url_; }
  void stop() { clusterScript("stop " + folder_); }
  void start() { clusterScript("start " + folder_); }
  void restart() { clusterScript("restart " + folder_); }

 private:
  std::string folder_;
  std::string url_;
};

// What one request of the loop saw.
enum class Outcome { Success, CleanFailure, DirtyFailure };

struct Observation {
  Clock::time_point at;
  Outcome outcome;
  std::string detail;  // for a failure: the answer or the exception
};

// Posts and reads the timeline in a loop on one keep-alive connection, recording each
// outcome, until told to stop.
class RequestLoop {
 public:
  RequestLoop(std::uint16_t port, TwitterAccount account)
      : account_(std::move(account)), thread_([this, port] { run(port); }) {}
  ~RequestLoop() {
    stop_ = true;
    thread_.join();
  }

  // Waits up to `timeout` for an observation after `since` with `outcome`; how long
  // after `since` it came, or nullopt.
  std::optional<std::chrono::milliseconds> waitFor(Outcome outcome, Clock::time_point since,
                                                   std::chrono::seconds timeout) {
    auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      {
        std::lock_guard lock(mutex_);
        for (const Observation& o : observations_) {
          if (o.at >= since && o.outcome == outcome) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(o.at - since);
          }
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
  }
  std::vector<Observation> observations() {
    std::lock_guard lock(mutex_);
    return observations_;
  }

 private:
  void run(std::uint16_t port) {
    GraphQLClient client(port);
    // A request that takes longer than this counts as a hang.
    client.setTimeout(std::chrono::seconds(5));
    for (int i = 0; !stop_; ++i) {
      Observation o{Clock::now(), Outcome::Success, {}};
      try {
        GraphQLResponse response =
            i % 2 == 0 ? client.execute("mutation($t: String!) { postTweet(text: $t) { id } }",
                                        {{"t", "loop " + std::to_string(i)}}, account_.token)
                       : client.execute("{ timeline(first: 5) { nodes { id text } } }",
                                        json::object(), account_.token);
        o = classify(response);
      } catch (const std::exception& e) {
        o.outcome = Outcome::DirtyFailure;
        o.detail = std::string("no answer: ") + e.what();
      }
      o.at = Clock::now();
      {
        std::lock_guard lock(mutex_);
        observations_.push_back(o);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  static Observation classify(const GraphQLResponse& response) {
    Observation o{Clock::now(), Outcome::Success, {}};
    if (response.status() == 200 && !response.hasErrors()) return o;
    o.detail = response.describe();
    bool unavailable = response.status() == 503 ||
                       (response.status() == 200 && response.errorCode() == "DATABASE_UNAVAILABLE");
    o.outcome = unavailable ? Outcome::CleanFailure : Outcome::DirtyFailure;
    return o;
  }

  TwitterAccount account_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<Observation> observations_;
  std::thread thread_;
};

// Fails the test for every dirty failure among `observations`.
void expectNoDirtyFailures(const std::vector<Observation>& observations) {
  int dirty = 0;
  for (const Observation& o : observations) {
    if (o.outcome == Outcome::DirtyFailure && ++dirty <= 3) {
      ADD_FAILURE() << "not a clean failure:\n" << o.detail;
    }
  }
  EXPECT_EQ(dirty, 0);
}

TEST(TwitterReconnectTest, ServesAgainOncePostgresIsBack) {
  if (::access(kPgCtl, X_OK) != 0) GTEST_SKIP() << "no PostgreSQL 15 (" << kPgCtl << ")";
  PrivateCluster cluster;
  // The server inherits this: see the file for the leak inside libpqxx it suppresses.
  ::setenv("LSAN_OPTIONS", "suppressions=" MT_LSAN_SUPPRESSIONS, 1);
  TwitterTestServer server(cluster.url());
  TwitterApi api(server.port());
  TwitterAccount account = api.newAccount("survivor");

  RequestLoop loop(server.port(), account);
  ASSERT_TRUE(loop.waitFor(Outcome::Success, Clock::now(), std::chrono::seconds(10)));

  // Down for a while: requests fail, cleanly and quickly.
  cluster.stop();
  auto stoppedAt = Clock::now();
  EXPECT_TRUE(loop.waitFor(Outcome::CleanFailure, stoppedAt, std::chrono::seconds(10)))
      << "no request failed while the database was down";
  std::this_thread::sleep_for(std::chrono::seconds(1));  // a few more failures

  // Back: the same server serves again.
  cluster.start();
  auto recovery = loop.waitFor(Outcome::Success, Clock::now(), std::chrono::seconds(10));
  EXPECT_TRUE(recovery) << "still failing 10 s after the database came back";
  if (recovery) RecordProperty("recovery_ms", static_cast<int>(recovery->count()));

  // A quick restart (stop and start at once) is survived as well.
  cluster.restart();
  auto afterRestart = loop.waitFor(Outcome::Success, Clock::now(), std::chrono::seconds(10));
  EXPECT_TRUE(afterRestart) << "still failing 10 s after a restart";

  std::vector<Observation> observations = loop.observations();
  expectNoDirtyFailures(observations);
  EXPECT_EQ(server.troubleInOutput(), "") << "in the server's output";
  EXPECT_EQ(server.process().stop(SIGTERM), 0) << "the server is alive and stops cleanly:\n"
                                               << server.process().output();
  int clean = 0;
  for (const Observation& o : observations)
    clean += o.outcome == Outcome::CleanFailure;
  RecordProperty("requests", static_cast<int>(observations.size()));
  RecordProperty("clean_failures", clean);
}

}  // namespace
}  // namespace mt::testing
