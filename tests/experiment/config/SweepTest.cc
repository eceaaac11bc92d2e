// Sweeps: the cartesian product in the order the keys were written, ids, and every
// kind of mistake in [sweep].
#include <gtest/gtest.h>

#include "ConfigTestSupport.h"
#include "Sweep.h"

namespace mt::experiment {
namespace {

using Assignments = std::vector<std::pair<std::string, std::string>>;

std::vector<SweepPoint> pointsOf(const std::string& sweep) {
  return expandSweep(parseConfigDocument(kValidConfig + "\n[sweep]\n" + sweep, "e.toml"));
}

std::string sweepProblem(const std::string& sweep) {
  try {
    pointsOf(sweep);
    return {};
  } catch (const ConfigError& error) {
    return error.what();
  }
}

TEST(SweepTest, NoSweepIsOnePoint) {
  const std::vector<SweepPoint> points = expandSweep(parseConfigDocument(kValidConfig, "e.toml"));
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].id, "p01");
  EXPECT_TRUE(points[0].assignments.empty());
  EXPECT_EQ(points[0].config.servers.instances, 2);
}

TEST(SweepTest, TheProductInTheOrderWritten) {
  // Written out of alphabetical order: the order written decides, the first slowest.
  const std::vector<SweepPoint> points = pointsOf(
      "\"workload.users_per_host\" = [5, 10]\n"
      "\"servers.instances\" = [1, 2, 4]\n");
  ASSERT_EQ(points.size(), 6u);
  const std::vector<Assignments> expected = {
      {{"workload.users_per_host", "5"}, {"servers.instances", "1"}},
      {{"workload.users_per_host", "5"}, {"servers.instances", "2"}},
      {{"workload.users_per_host", "5"}, {"servers.instances", "4"}},
      {{"workload.users_per_host", "10"}, {"servers.instances", "1"}},
      {{"workload.users_per_host", "10"}, {"servers.instances", "2"}},
      {{"workload.users_per_host", "10"}, {"servers.instances", "4"}},
  };
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].id, "p0" + std::to_string(i + 1));
    EXPECT_EQ(points[i].assignments, expected[i]);
  }
  EXPECT_EQ(points[4].config.workload.usersPerHost, 10);
  EXPECT_EQ(points[4].config.servers.instances, 2);
  EXPECT_EQ(points[4].config.workload.connectionsPerHost, 10);
}

TEST(SweepTest, NestedTablesNameKeysToo) {
  const std::vector<SweepPoint> points = expandSweep(parseConfigDocument(
      kValidConfig + "[sweep.servers]\ninstances = [1, 2]\n[sweep.clients]\nreach = "
                     "[\"round-robin\", \"haproxy\"]\n",
      "e.toml"));
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[1].assignments,
            (Assignments{{"servers.instances", "1"}, {"clients.reach", "haproxy"}}));
  EXPECT_EQ(points[1].config.clients.reach, Reach::haproxy);
}

TEST(SweepTest, ValuesAsText) {
  const std::vector<SweepPoint> points = pointsOf(
      "\"topology.client_bw\" = [7, 7.0, 0.5]\n\"workload.warmup\" = [\"2s\", 1]\n"
      "\"servers.access_log\" = [true]\n");
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[0].assignments, (Assignments{{"topology.client_bw", "7"},
                                                {"workload.warmup", "2s"},
                                                {"servers.access_log", "true"}}));
  EXPECT_EQ(points[3].assignments[0].second, "7.0");
  EXPECT_EQ(points[5].assignments[0].second, "0.5");
  EXPECT_EQ(points[5].assignments[1].second, "1");
}

TEST(SweepTest, CampusClustersDecideTheClientHosts) {
  const std::vector<SweepPoint> points = pointsOf("\"topology.clusters\" = [2, 40]\n");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].config.clients.hosts, 4);
  EXPECT_EQ(points[1].config.clients.hosts, 80);
}

TEST(SweepTest, MoreDigitsPastNinetyNinePoints) {
  std::string values;
  for (int i = 1; i <= 101; ++i)
    values += (i == 1 ? "" : ", ") + std::to_string(i);
  const std::vector<SweepPoint> points =
      pointsOf("\"workload.users_per_host\" = [" + values + "]\n");
  ASSERT_EQ(points.size(), 101u);
  EXPECT_EQ(points.front().id, "p001");
  EXPECT_EQ(points[9].id, "p010");
  EXPECT_EQ(points.back().id, "p101");
}

TEST(SweepTest, KeysThatDoNotExist) {
  EXPECT_EQ(sweepProblem("\"servers.instance\" = [1, 2]\n"),
            "e.toml:27: sweep.servers.instance: 'servers.instance' is not a key of the config (a "
            "sweep names keys by their dotted path, as in \"servers.instances\")");
  EXPECT_EQ(sweepProblem("topology = [1, 2]\n"),
            "e.toml:27: sweep.topology: 'topology' is not a key of the config (a sweep names "
            "keys by their dotted path, as in \"servers.instances\")");
}

TEST(SweepTest, EmptyLists) {
  EXPECT_EQ(sweepProblem("\"servers.instances\" = []\n"),
            "e.toml:27: sweep.servers.instances: an empty list: give at least one value");
}

TEST(SweepTest, ValuesOfTheWrongType) {
  EXPECT_EQ(sweepProblem("\"servers.instances\" = [\n  1,\n  \"2\",\n]\n"),
            "e.toml:29: servers.instances: expected an integer, found a string");
  EXPECT_EQ(sweepProblem("\"clients.reach\" = [\"haproxy\", [\"round-robin\"]]\n"),
            "e.toml:27: clients.reach: expected a single value, found a list");
  EXPECT_EQ(sweepProblem("\"servers.instances\" = 2\n"),
            "e.toml:27: sweep.servers.instances: expected a list of values, as in [1, 2, 4]");
}

TEST(SweepTest, NamesAreNotSwept) {
  EXPECT_EQ(sweepProblem("name = [\"a\", \"b\"]\n"), "e.toml:27: sweep.name: name cannot be swept");
}

TEST(SweepTest, AKeySweptTwice) {
  EXPECT_EQ(sweepProblem("\"servers.instances\" = [1]\nservers.instances = [2]\n"),
            "e.toml:28: sweep.servers.instances: swept twice");
}

TEST(SweepTest, APointThatDoesNotWorkIsNamed) {
  const std::string text = withLine("kind = \"postgresql\"", "kind = \"sqlite\"") +
                           "[sweep]\n\"servers.instances\" = [1, 2]\n";
  try {
    expandSweep(parseConfigDocument(text, "e.toml"));
    ADD_FAILURE() << "sqlite with two instances passed";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              "e.toml:26: servers.instances: 2 instances cannot share SQLite (database.kind = "
              "\"sqlite\" is for one instance): use database.kind = \"postgresql\" (in sweep "
              "point p02: servers.instances = 2)");
  }
}

TEST(SweepTest, ValuesAreCheckedPerPoint) {
  EXPECT_EQ(sweepProblem("\"workload.warmup\" = [\"1s\", \"later\"]\n"),
            "e.toml:27: workload.warmup: 'later' is not a duration: write e.g. \"10s\", "
            "\"500ms\" or 2 (in sweep point p02: workload.warmup = later)");
}

}  // namespace
}  // namespace mt::experiment
