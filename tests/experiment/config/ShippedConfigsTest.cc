// The configs shipped in experiments/: every one validates, and each is what it says.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "Sweep.h"

namespace mt::experiment {
namespace {

const std::filesystem::path kExperiments = std::filesystem::path(MT_SOURCE_DIR) / "experiments";

std::vector<SweepPoint> shipped(const std::string& name) {
  return loadExperiment((kExperiments / (name + ".toml")).string(), {});
}

TEST(ShippedConfigsTest, EveryConfigValidates) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kExperiments)) {
    if (entry.path().extension() != ".toml") continue;
    SCOPED_TRACE(entry.path().string());
    std::vector<SweepPoint> points;
    ASSERT_NO_THROW(points = loadExperiment(entry.path().string(), {}));
    ASSERT_FALSE(points.empty());
    EXPECT_EQ(points.front().config.name, entry.path().stem().string());
    EXPECT_FALSE(points.front().config.description.empty());
    names.insert(entry.path().stem().string());
  }
  for (const char* name :
       {"quickstart", "original", "scale-servers", "scale-clients", "load-balancer"}) {
    EXPECT_TRUE(names.contains(name)) << name;
  }
}

// A small sweep, so that its report has something to compare: 1 and 2 servers, twice.
TEST(ShippedConfigsTest, Quickstart) {
  const std::vector<SweepPoint> points = shipped("quickstart");
  ASSERT_EQ(points.size(), 2u);
  for (std::size_t i = 0; i < points.size(); ++i) {
    SCOPED_TRACE(points[i].id);
    const ExperimentConfig& config = points[i].config;
    EXPECT_EQ(config.repetitions, 2);
    EXPECT_EQ(config.topology.kind, TopologyKind::campus);
    EXPECT_EQ(config.topology.clusters, 2);
    EXPECT_EQ(config.topology.hostsPerCluster, 2);
    EXPECT_DOUBLE_EQ(config.topology.clientBwMbps, 7.0);
    EXPECT_EQ(config.servers.instances, static_cast<int>(i) + 1);
    EXPECT_EQ(config.clients.reach, Reach::roundRobin);
    EXPECT_EQ(config.database, DatabaseKind::postgresql);
    EXPECT_EQ(config.workload.scenario, "original");
    EXPECT_EQ(config.workload.usersPerHost, 5);
    EXPECT_EQ(config.workload.warmupNs, 2'000'000'000);
    EXPECT_EQ(config.workload.durationNs, 6'000'000'000);
    // Runs on kernels without netem.
    EXPECT_TRUE(netemSettings(config).empty());
  }
  EXPECT_EQ(points[0].assignments,
            (std::vector<std::pair<std::string, std::string>>{{"servers.instances", "1"}}));
  EXPECT_EQ(points[1].assignments,
            (std::vector<std::pair<std::string, std::string>>{{"servers.instances", "2"}}));
}

// The end-to-end tests (tests/experiment/runner) shorten quickstart to one run this way:
// a single value for a swept key replaces its sweep.
TEST(ShippedConfigsTest, QuickstartAsOneRun) {
  const std::vector<SweepPoint> points = loadExperiment((kExperiments / "quickstart.toml").string(),
                                                        {"servers.instances=2", "repetitions=1"});
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].id, "p01");
  EXPECT_TRUE(points[0].assignments.empty());
  EXPECT_EQ(points[0].config.servers.instances, 2);
  EXPECT_EQ(points[0].config.repetitions, 1);
}

TEST(ShippedConfigsTest, Original) {
  const std::vector<SweepPoint> points = shipped("original");
  ASSERT_EQ(points.size(), 1u);
  const ExperimentConfig& config = points[0].config;
  EXPECT_EQ(config.servers.instances, 4);
  EXPECT_EQ(config.topology.clusters, 20);
  EXPECT_EQ(config.topology.hostsPerCluster, 5);
  EXPECT_EQ(config.clients.hosts, 100);
  EXPECT_DOUBLE_EQ(config.topology.clientBwMbps, 7.0);
  EXPECT_EQ(config.clients.reach, Reach::roundRobin);
}

TEST(ShippedConfigsTest, ScaleServers) {
  const std::vector<SweepPoint> points = shipped("scale-servers");
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].config.servers.instances, 1);
  EXPECT_EQ(points[1].config.servers.instances, 2);
  EXPECT_EQ(points[2].config.servers.instances, 4);
}

TEST(ShippedConfigsTest, ScaleClients) {
  const std::vector<SweepPoint> points = shipped("scale-clients");
  ASSERT_GE(points.size(), 2u);
  EXPECT_EQ(points.front().config.clients.hosts, 10);
  EXPECT_EQ(points.back().config.clients.hosts, 200);
  for (std::size_t i = 1; i < points.size(); ++i)
    EXPECT_GT(points[i].config.clients.hosts, points[i - 1].config.clients.hosts);
}

TEST(ShippedConfigsTest, LoadBalancer) {
  const std::vector<SweepPoint> points = shipped("load-balancer");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].config.clients.reach, Reach::roundRobin);
  EXPECT_EQ(points[1].config.clients.reach, Reach::haproxy);
  EXPECT_EQ(points[0].config.servers.instances, points[1].config.servers.instances);
}

TEST(ShippedConfigsTest, LivePush) {
  const std::vector<SweepPoint> points = shipped("live-push");
  ASSERT_EQ(points.size(), 3u);
  const int subscribers[] = {10, 50, 200};
  for (std::size_t i = 0; i < points.size(); ++i) {
    const ExperimentConfig& config = points[i].config;
    EXPECT_EQ(config.workload.scenario, "live");
    EXPECT_EQ(config.workload.usersPerHost, subscribers[i]);
    EXPECT_EQ(config.workload.posters, 2);
    // Subscribers on two instances: deliveries cross them through LISTEN/NOTIFY.
    EXPECT_EQ(config.servers.instances, 2);
    EXPECT_EQ(config.database, DatabaseKind::postgresql);
    EXPECT_EQ(config.clients.hosts, 2);
  }
}

}  // namespace
}  // namespace mt::experiment
