// Experiment configs: every key read, and every kind of mistake named with its file,
// line and key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ConfigTestSupport.h"

namespace mt::experiment {
namespace {

using ::testing::HasSubstr;

TEST(ConfigValidationTest, ReadsEveryKey) {
  const std::string text = R"(name = "every-key-2"
description = "all of them"
repetitions = 3

[topology]
kind = "campus"
clusters = 3
hosts_per_cluster = 4
client_bw = 7
core_bw = 100.5
[topology.link]
delay = "5ms"
loss = 0.5
max_queue_size = 100

[database]
kind = "postgresql"

[servers]
instances = 4
threads = 2
workers = 8
password_cost = "moderate"
port = 9000
access_log = true

[clients]
reach = "haproxy"
hosts = 12

[workload]
scenario = "mixed"
users_per_host = 7
connections_per_host = 3
loop = "open"
rate_per_host = 12.5
think_time = 0
warmup = 1.5
duration = "1m"
timeout = "500ms"
)";
  const ExperimentConfig config = readExperimentConfigText(text, "e.toml");
  EXPECT_EQ(config.name, "every-key-2");
  EXPECT_EQ(config.description, "all of them");
  EXPECT_EQ(config.repetitions, 3);
  EXPECT_EQ(config.topology.kind, TopologyKind::campus);
  EXPECT_EQ(config.topology.clusters, 3);
  EXPECT_EQ(config.topology.hostsPerCluster, 4);
  EXPECT_DOUBLE_EQ(config.topology.clientBwMbps, 7.0);
  EXPECT_DOUBLE_EQ(config.topology.coreBwMbps, 100.5);
  EXPECT_EQ(config.topology.link.delay, "5ms");
  EXPECT_EQ(config.topology.link.delayNs, 5'000'000);
  EXPECT_DOUBLE_EQ(config.topology.link.lossPercent, 0.5);
  EXPECT_EQ(config.topology.link.maxQueueSize, 100);
  EXPECT_EQ(config.database, DatabaseKind::postgresql);
  EXPECT_EQ(config.servers.instances, 4);
  EXPECT_EQ(config.servers.threads, 2);
  EXPECT_EQ(config.servers.workers, 8);
  EXPECT_EQ(config.servers.passwordCost, "moderate");
  EXPECT_EQ(config.servers.port, 9000);
  EXPECT_TRUE(config.servers.accessLog);
  EXPECT_EQ(config.clients.reach, Reach::haproxy);
  EXPECT_EQ(config.clients.hosts, 12);
  EXPECT_EQ(config.workload.scenario, "mixed");
  EXPECT_EQ(config.workload.usersPerHost, 7);
  EXPECT_EQ(config.workload.connectionsPerHost, 3);
  EXPECT_EQ(config.workload.loop, LoopKind::open);
  EXPECT_DOUBLE_EQ(config.workload.ratePerHost, 12.5);
  EXPECT_EQ(config.workload.thinkTimeNs, 0);
  EXPECT_EQ(config.workload.warmupNs, 1'500'000'000);
  EXPECT_EQ(config.workload.durationNs, 60'000'000'000);
  EXPECT_EQ(config.workload.timeoutNs, 500'000'000);
  EXPECT_EQ(netemSettings(config),
            (std::vector<std::string>{"topology.link.delay", "topology.link.loss"}));
}

TEST(ConfigValidationTest, LeftOutKeysTakeTheDefaults) {
  const ExperimentConfig config = readExperimentConfigText(
      "name = \"small\"\n[topology]\nkind = \"single\"\n[clients]\nhosts = 3\n", "e.toml");
  EXPECT_EQ(config.repetitions, 1);
  EXPECT_EQ(config.topology.kind, TopologyKind::single);
  EXPECT_EQ(config.topology.link.delay, "0ms");
  EXPECT_FALSE(config.topology.link.maxQueueSize);
  EXPECT_EQ(config.database, DatabaseKind::postgresql);
  EXPECT_EQ(config.servers.instances, 1);
  EXPECT_EQ(config.servers.threads, 0);
  EXPECT_EQ(config.servers.workers, 4);
  EXPECT_EQ(config.servers.passwordCost, "cheap");
  EXPECT_EQ(config.servers.port, 8080);
  EXPECT_FALSE(config.servers.accessLog);
  EXPECT_EQ(config.clients.reach, Reach::roundRobin);
  EXPECT_EQ(config.clients.hosts, 3);
  EXPECT_EQ(config.workload.scenario, "original");
  EXPECT_EQ(config.workload.usersPerHost, 5);
  EXPECT_EQ(config.workload.connectionsPerHost, 5);
  EXPECT_EQ(config.workload.loop, LoopKind::closed);
  EXPECT_EQ(config.workload.warmupNs, 0);
  EXPECT_EQ(config.workload.durationNs, 10'000'000'000);
  EXPECT_EQ(config.workload.timeoutNs, 10'000'000'000);
  EXPECT_TRUE(netemSettings(config).empty());
}

TEST(ConfigValidationTest, TheValidConfigIsValid) {
  EXPECT_EQ(problemOf(kValidConfig), "");
  EXPECT_EQ(readExperimentConfigText(kValidConfig, "e.toml").clients.hosts, 4);
}

TEST(ConfigValidationTest, NotToml) {
  EXPECT_THAT(problemOf("name = \"x\"\n[servers\n"), HasSubstr("e.toml:2: not valid TOML: "));
}

TEST(ConfigValidationTest, UnknownTopLevelKey) {
  EXPECT_EQ(problemOf(withLine("repetitions = 1", "repetition = 1")),
            "e.toml:3: unknown key 'repetition': the keys of the top level are name, "
            "description, repetitions, [topology], [database], [servers], [clients], "
            "[workload], [sweep]");
}

TEST(ConfigValidationTest, UnknownTable) {
  EXPECT_THAT(problemOf(withLine("[servers]", "[server]")),
              HasSubstr("e.toml:14: unknown key 'server': the keys of the top level are "));
}

TEST(ConfigValidationTest, UnknownKeyInATable) {
  EXPECT_EQ(problemOf(withLine("instances = 2", "instance = 2")),
            "e.toml:15: unknown key 'instance': the keys of [servers] are instances, threads, "
            "workers, password_cost, port, access_log");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", "client_bw = 7.0\n[topology.link]\nrate = 3")),
            "e.toml:11: unknown key 'rate': the keys of [topology.link] are delay, loss, "
            "max_queue_size, bw");
}

TEST(ConfigValidationTest, WrongTypes) {
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = \"2\"")),
            "e.toml:15: servers.instances: expected an integer, found a string");
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = 2.0")),
            "e.toml:15: servers.instances: expected an integer, found a number with a fraction");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", "client_bw = \"7M\"")),
            "e.toml:9: topology.client_bw: expected a number, found a string");
  EXPECT_EQ(problemOf(withLine("reach = \"round-robin\"", "reach = 1")),
            "e.toml:18: clients.reach: expected a string, found an integer");
  EXPECT_EQ(problemOf(withLine("warmup = \"2s\"", "warmup = true")),
            "e.toml:23: workload.warmup: expected a duration (\"10s\", \"500ms\" or seconds), "
            "found a boolean");
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = 2\naccess_log = \"yes\"")),
            "e.toml:16: servers.access_log: expected true or false, found a string");
  EXPECT_EQ(problemOf(withLine("repetitions = 1", "repetitions = 1979-05-27")),
            "e.toml:3: repetitions: expected a single value, found a date or time");
}

TEST(ConfigValidationTest, AListOutsideTheSweep) {
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = [1, 2]")),
            "e.toml:15: servers.instances: expected a single value, found a list (lists of "
            "values to run belong in [sweep])");
}

TEST(ConfigValidationTest, AValueWhereATableBelongs) {
  EXPECT_EQ(problemOf("name = \"x\"\ntopology = 3\n"),
            "e.toml:2: topology: expected a table, found an integer");
  EXPECT_EQ(problemOf("name = \"x\"\nsweep = 3\n"),
            "e.toml:2: sweep: expected a table, found an integer");
}

TEST(ConfigValidationTest, TheName) {
  EXPECT_EQ(problemOf(withLine("name = \"test\"", "")),
            "e.toml:1: name: missing: every experiment needs a name");
  EXPECT_EQ(problemOf(withLine("name = \"test\"", "name = \"Quick Start\"")),
            "e.toml:1: name: 'Quick Start' is not a name: lower-case letters, digits and '-', "
            "at most 64");
  EXPECT_NE(problemOf(withLine("name = \"test\"", "name = \"-x\"")), "");
  EXPECT_NE(problemOf(withLine("name = \"test\"", "name = \"../x\"")), "");
}

TEST(ConfigValidationTest, ImpossibleValues) {
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = 0")),
            "e.toml:15: servers.instances: 0 is out of range: expected 1 to 64");
  EXPECT_EQ(problemOf(withLine("repetitions = 1", "repetitions = 0")),
            "e.toml:3: repetitions: 0 is out of range: expected 1 to 1000");
  EXPECT_EQ(problemOf(withLine("users_per_host = 5", "users_per_host = -1")),
            "e.toml:22: workload.users_per_host: -1 is out of range: expected 1 to 100000");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", "client_bw = 0")),
            "e.toml:9: topology.client_bw: 0 is out of range: expected above 0 to 1000");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", "client_bw = 7.0\ncore_bw = 10000")),
            "e.toml:10: topology.core_bw: 10000 is out of range: expected above 0 to 1000");
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = 2\nport = 65534")),
            "e.toml:16: servers.port: server i listens on port + i: 65534 + 2 is beyond 65535");
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = 2\nworkers = 0")),
            "e.toml:16: servers.workers: 0 is out of range: expected 1 to 1024");
}

TEST(ConfigValidationTest, Choices) {
  EXPECT_EQ(problemOf(withLine("kind = \"campus\"", "kind = \"star\"")),
            "e.toml:6: topology.kind: 'star' is not one of \"campus\", \"single\", \"linear\", "
            "\"tree\" or \"dumbbell\"");
  EXPECT_EQ(problemOf(withLine("kind = \"postgresql\"", "kind = \"mysql\"")),
            "e.toml:12: database.kind: 'mysql' is not one of \"postgresql\" or \"sqlite\"");
  EXPECT_EQ(problemOf(withLine("reach = \"round-robin\"", "reach = \"random\"")),
            "e.toml:18: clients.reach: 'random' is not one of \"round-robin\" or \"haproxy\"");
  EXPECT_EQ(problemOf(withLine("instances = 2", "instances = 2\npassword_cost = \"free\"")),
            "e.toml:16: servers.password_cost: 'free' is not one of \"cheap\", \"moderate\" or "
            "\"interactive\"");
  EXPECT_EQ(problemOf(withLine("users_per_host = 5", "loop = \"half-open\"")),
            "e.toml:22: workload.loop: 'half-open' is not one of \"closed\" or \"open\"");
}

TEST(ConfigValidationTest, SqliteOnlyWithOneInstance) {
  EXPECT_EQ(problemOf(withLine("kind = \"postgresql\"", "kind = \"sqlite\"")),
            "e.toml:15: servers.instances: 2 instances cannot share SQLite (database.kind = "
            "\"sqlite\" is for one instance): use database.kind = \"postgresql\"");
  std::string text = withLine("kind = \"postgresql\"", "kind = \"sqlite\"");
  text.replace(text.find("instances = 2"), 13, "instances = 1");
  EXPECT_EQ(readExperimentConfigText(text, "e.toml").database, DatabaseKind::sqlite);
}

TEST(ConfigValidationTest, CampusHostsMustAgree) {
  EXPECT_EQ(problemOf(withLine("reach = \"round-robin\"", "hosts = 5")),
            "e.toml:18: clients.hosts: 5 client hosts, but the campus topology has clusters * "
            "hosts_per_cluster = 2 * 2 = 4: leave clients.hosts out or make them agree");
  EXPECT_EQ(problemOf(withLine("reach = \"round-robin\"", "hosts = 4")), "");
  EXPECT_EQ(problemOf(withLine("clusters = 2", "clusters = 600")),
            "e.toml:7: topology.clusters: 600 clusters of 2 hosts are 1200 client hosts: at "
            "most 1000");
}

TEST(ConfigValidationTest, TopologyParameters) {
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", "")),
            "e.toml:5: topology.client_bw: missing: a campus topology needs clusters, "
            "hosts_per_cluster, client_bw");
  EXPECT_EQ(problemOf(withLine("kind = \"campus\"", "kind = \"single\"")),
            "e.toml:9: topology.client_bw: not a parameter of a single topology (single takes "
            "none)");
  const std::string linear =
      "name = \"x\"\n[topology]\nkind = \"linear\"\nclusters = 2\n[clients]\nhosts = 2\n";
  EXPECT_EQ(problemOf(linear),
            "e.toml:4: topology.clusters: not a parameter of a linear topology (linear takes "
            "switches)");
  EXPECT_EQ(problemOf("name = \"x\"\n[topology]\nkind = \"linear\"\n[clients]\nhosts = 2\n"),
            "e.toml:2: topology.switches: missing: a linear topology needs switches");
  EXPECT_EQ(problemOf("name = \"x\"\n[topology]\nkind = \"tree\"\ndepth = 2\nfanout = 3\n"),
            "e.toml:1: clients.hosts: missing: how many client hosts (only a campus topology "
            "derives it from its clusters)");
  const ExperimentConfig tree = readExperimentConfigText(
      "name = \"x\"\n[topology]\nkind = \"tree\"\ndepth = 2\nfanout = 3\n[clients]\nhosts = 9\n",
      "e.toml");
  EXPECT_EQ(tree.topology.depth, 2);
  EXPECT_EQ(tree.topology.fanout, 3);
  const ExperimentConfig dumbbell = readExperimentConfigText(
      "name = \"x\"\n[topology]\nkind = \"dumbbell\"\nbottleneck_bw = 10\nbottleneck_delay = "
      "\"20ms\"\n[clients]\nhosts = 2\n",
      "e.toml");
  EXPECT_DOUBLE_EQ(dumbbell.topology.bottleneckBwMbps, 10);
  EXPECT_EQ(dumbbell.topology.bottleneckDelayNs, 20'000'000);
  EXPECT_EQ(netemSettings(dumbbell), std::vector<std::string>{"topology.bottleneck_delay"});
  EXPECT_EQ(problemOf("name = \"x\"\n[topology]\nkind = \"dumbbell\"\n[clients]\nhosts = 2\n"),
            "e.toml:2: topology.bottleneck_bw: missing: a dumbbell topology needs bottleneck_bw");
}

TEST(ConfigValidationTest, LinkDelayAndLoss) {
  const std::string link = "client_bw = 7.0\n[topology.link]\n";
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", link + "delay = \"5\"")),
            "e.toml:11: topology.link.delay: '5' is not a delay: write e.g. \"5ms\", \"250us\" "
            "or \"0ms\"");
  EXPECT_NE(problemOf(withLine("client_bw = 7.0", link + "delay = \"5 ms\"")), "");
  EXPECT_NE(problemOf(withLine("client_bw = 7.0", link + "delay = \"1m\"")), "");
  EXPECT_NE(problemOf(withLine("client_bw = 7.0", link + "delay = \"-5ms\"")), "");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", link + "delay = \"250us\"")), "");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", link + "delay = \"11s\"")),
            "e.toml:11: topology.link.delay: longer than 10s");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", link + "loss = 150")),
            "e.toml:11: topology.link.loss: 150 is out of range: expected 0 to 100");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", link + "max_queue_size = 0")),
            "e.toml:11: topology.link.max_queue_size: 0 is out of range: expected 1 to 10000000");
}

TEST(ConfigValidationTest, LinkBandwidth) {
  const std::string single =
      "name = \"s\"\n[topology]\nkind = \"single\"\n[clients]\nhosts = 2\n[topology.link]\n";
  EXPECT_EQ(problemOf(single + "bw = 10.0\n"), "");
  EXPECT_EQ(problemOf(single + "bw = 0\n"),
            "e.toml:7: topology.link.bw: 0 is out of range: expected above 0 to 1000");
  EXPECT_EQ(problemOf(withLine("client_bw = 7.0", "client_bw = 7.0\n[topology.link]\nbw = 5.0")),
            "e.toml:11: topology.link.bw: a campus sets its client links' bandwidth with "
            "client_bw");
}

TEST(ConfigValidationTest, Durations) {
  EXPECT_EQ(problemOf(withLine("warmup = \"2s\"", "warmup = \"-1s\"")),
            "e.toml:23: workload.warmup: '-1s': a duration cannot be negative");
  EXPECT_EQ(problemOf(withLine("warmup = \"2s\"", "warmup = -2")),
            "e.toml:23: workload.warmup: -2: a duration cannot be negative");
  EXPECT_EQ(problemOf(withLine("warmup = \"2s\"", "warmup = \"soon\"")),
            "e.toml:23: workload.warmup: 'soon' is not a duration: write e.g. \"10s\", "
            "\"500ms\" or 2");
  EXPECT_EQ(problemOf(withLine("duration = \"10s\"", "duration = \"0s\"")),
            "e.toml:24: workload.duration: a run needs a duration above 0");
  EXPECT_EQ(problemOf(withLine("duration = \"10s\"", "duration = 10\ntimeout = 0")),
            "e.toml:25: workload.timeout: a timeout must be above 0");
  EXPECT_EQ(problemOf(withLine("duration = \"10s\"", "duration = \"25h\"")),
            "e.toml:24: workload.duration: longer than 24h");
}

TEST(ConfigValidationTest, LoopRules) {
  EXPECT_EQ(problemOf(withLine("users_per_host = 5", "users_per_host = 5\nloop = \"open\"")),
            "e.toml:23: workload.loop: an open loop needs workload.rate_per_host above 0 "
            "(requests/s per client host)");
  EXPECT_EQ(problemOf(withLine("users_per_host = 5", "loop = \"open\"\nrate_per_host = 0")),
            "e.toml:23: workload.rate_per_host: an open loop needs workload.rate_per_host above 0 "
            "(requests/s per client host)");
  EXPECT_EQ(problemOf(withLine("users_per_host = 5", "rate_per_host = 5")),
            "e.toml:22: workload.rate_per_host: a rate is for the open loop: set workload.loop "
            "= \"open\" (or leave the rate out)");
  EXPECT_EQ(problemOf(withLine("users_per_host = 5",
                               "loop = \"open\"\nrate_per_host = 5\nthink_time = \"1s\"")),
            "e.toml:24: workload.think_time: think time is for the closed loop; an open loop "
            "sends at its rate");
  EXPECT_EQ(problemOf(withLine("users_per_host = 5", "think_time = \"100ms\"")), "");
}

TEST(ConfigValidationTest, Scenarios) {
  EXPECT_EQ(problemOf(withLine("scenario = \"original\"", "scenario = \"fancy\"")),
            "e.toml:21: workload.scenario: 'fancy' is not a scenario: expected \"original\", "
            "\"mixed\", \"static\", \"live\" or the path of a scenario file (.toml)");
  EXPECT_EQ(problemOf(withLine("scenario = \"original\"", "scenario = \"static\"")), "");
  EXPECT_EQ(problemOf(withLine("scenario = \"original\"", "scenario = \"live\"")), "");
  EXPECT_THAT(problemOf(withLine("scenario = \"original\"", "scenario = \"/nonexistent/s.toml\"")),
              HasSubstr("e.toml:21: workload.scenario: the scenario file does not work: "
                        "/nonexistent/s.toml: cannot read the scenario file"));
}

TEST(ConfigValidationTest, LivePosters) {
  const std::string live = withLine("scenario = \"original\"", "scenario = \"live\"");
  // Without the key, the load client's default: one poster.
  EXPECT_EQ(readExperimentConfigText(live, "e.toml").workload.posters, 1);
  const auto withPosters = [&](const std::string& posters) {
    std::string text = live;
    text.replace(text.find("users_per_host = 5\n"), 18, "users_per_host = 5\nposters = " + posters);
    return text;
  };
  EXPECT_EQ(readExperimentConfigText(withPosters("4"), "e.toml").workload.posters, 4);
  EXPECT_EQ(readExperimentConfigText(withPosters("0"), "e.toml").workload.posters, 0);
  // 4 client hosts × 5 users: 19 posters leave one subscriber, 20 none.
  EXPECT_EQ(problemOf(withPosters("19")), "");
  EXPECT_EQ(problemOf(withPosters("20")),
            "e.toml:23: workload.posters: 20 poster(s) leave no subscriber: the 4 client host(s) "
            "× 5 users = 20 users in all, the first posters of them post and the rest subscribe");
  EXPECT_EQ(problemOf(withPosters("-1")),
            "e.toml:23: workload.posters: -1 is out of range: expected 0 to 100000");
  EXPECT_EQ(problemOf(withPosters("\"two\"")),
            "e.toml:23: workload.posters: expected an integer, found a string");
  // One user in all: the default poster leaves no subscriber; the message names the users.
  std::string single = live;
  single.replace(single.find("clusters = 2"), 12, "clusters = 1");
  single.replace(single.find("hosts_per_cluster = 2"), 21, "hosts_per_cluster = 1");
  single.replace(single.find("users_per_host = 5"), 18, "users_per_host = 1");
  EXPECT_EQ(problemOf(single),
            "e.toml:22: workload.users_per_host: 1 poster(s) leave no subscriber: the 1 client "
            "host(s) × 1 users = 1 users in all, the first posters of them post and the rest "
            "subscribe");
  std::string original = kValidConfig;
  original.replace(original.find("users_per_host = 5\n"), 18, "users_per_host = 5\nposters = 1");
  EXPECT_EQ(problemOf(original),
            "e.toml:23: workload.posters: posters are for the live scenario (workload.scenario = "
            "\"live\" or a live scenario file); 'original' has none");
  EXPECT_FALSE(readExperimentConfigText(kValidConfig, "e.toml").workload.posters.has_value());
}

TEST(ConfigValidationTest, ALiveScenarioFileGivesItsPosters) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("mt-experiment-live-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "live.toml") << "scenario = \"live\"\nposters = 3\n";
  std::ofstream(folder / "e.toml")
      << withLine("scenario = \"original\"", "scenario = \"live.toml\"");
  EXPECT_EQ(readExperimentConfig((folder / "e.toml").string()).workload.posters, 3);
  std::filesystem::remove_all(folder);
}

TEST(ConfigValidationTest, ScenarioFilesAreFoundFromTheConfigsFolder) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("mt-experiment-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder / "scenarios");
  std::ofstream(folder / "scenarios" / "mine.toml") << "scenario = \"mixed\"\n";
  std::ofstream(folder / "bad.toml") << "scenario = \"mixed\"\nweights = 3\n";
  std::ofstream(folder / "e.toml")
      << withLine("scenario = \"original\"", "scenario = \"scenarios/mine.toml\"");
  std::ofstream(folder / "f.toml")
      << withLine("scenario = \"original\"", "scenario = \"bad.toml\"");
  const ExperimentConfig config = readExperimentConfig((folder / "e.toml").string());
  EXPECT_EQ(config.workload.scenario, (folder / "scenarios" / "mine.toml").string());
  try {
    readExperimentConfig((folder / "f.toml").string());
    ADD_FAILURE() << "a bad scenario file passed";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              (folder / "f.toml").string() +
                  ":21: workload.scenario: the scenario file does not work: " +
                  (folder / "bad.toml").string() +
                  ":2: weights: expected a table, found an "
                  "integer");
  }
  std::filesystem::remove_all(folder);
}

TEST(ConfigValidationTest, AFileThatCannotBeRead) {
  try {
    readExperimentConfig("/nonexistent/e.toml");
    ADD_FAILURE() << "read a missing file";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              "/nonexistent/e.toml: cannot read the experiment config: No such file or "
              "directory");
  }
}

TEST(ConfigValidationTest, ASweepIsNotOneConfig) {
  EXPECT_EQ(problemOf(kValidConfig + "[sweep]\n\"servers.instances\" = [1, 2]\n"),
            "e.toml:26: sweep.servers.instances: this config is a sweep: expand it into its "
            "points (Sweep.h)");
}

TEST(ConfigValidationTest, DurationText) {
  EXPECT_EQ(durationText(0), "0s");
  EXPECT_EQ(durationText(10'000'000'000), "10s");
  EXPECT_EQ(durationText(1'500'000'000), "1500ms");
  EXPECT_EQ(durationText(120'000'000'000), "2m");
  EXPECT_EQ(durationText(3600'000'000'000), "1h");
  EXPECT_EQ(durationText(250'000), "250us");
  EXPECT_EQ(durationText(7), "7ns");
}

}  // namespace
}  // namespace mt::experiment
