// --set key=value: through the same document as the file, so the same checks apply.
#include <gtest/gtest.h>

#include "ConfigTestSupport.h"
#include "Sweep.h"

namespace mt::experiment {
namespace {

ConfigDocument documentWith(const std::vector<std::string>& overrides,
                            const std::string& text = kValidConfig) {
  ConfigDocument document = parseConfigDocument(text, "e.toml");
  for (const std::string& assignment : overrides)
    applyOverride(document, assignment);
  return document;
}

std::string overrideProblem(const std::vector<std::string>& overrides,
                            const std::string& text = kValidConfig) {
  try {
    expandSweep(documentWith(overrides, text));
    return {};
  } catch (const ConfigError& error) {
    return error.what();
  }
}

TEST(OverrideTest, SetsValuesOfEveryType) {
  const ExperimentConfig config = toExperimentConfig(documentWith({
      "servers.instances=4",
      "workload.scenario=mixed",
      "clients.reach = \"haproxy\"",
      "workload.warmup=500ms",
      "workload.duration=3",
      "topology.client_bw=2.5",
      "servers.access_log=true",
      "name='renamed'",
  }));
  EXPECT_EQ(config.servers.instances, 4);
  EXPECT_EQ(config.workload.scenario, "mixed");
  EXPECT_EQ(config.clients.reach, Reach::haproxy);
  EXPECT_EQ(config.workload.warmupNs, 500'000'000);
  EXPECT_EQ(config.workload.durationNs, 3'000'000'000);
  EXPECT_DOUBLE_EQ(config.topology.clientBwMbps, 2.5);
  EXPECT_TRUE(config.servers.accessLog);
  EXPECT_EQ(config.name, "renamed");
}

TEST(OverrideTest, SetsKeysTheFileLeftOut) {
  const ExperimentConfig config =
      toExperimentConfig(documentWith({"servers.threads=3", "topology.link.delay=5ms",
                                       "workload.loop=open", "workload.rate_per_host=20"}));
  EXPECT_EQ(config.servers.threads, 3);
  EXPECT_EQ(config.topology.link.delayNs, 5'000'000);
  EXPECT_EQ(config.workload.loop, LoopKind::open);
  EXPECT_DOUBLE_EQ(config.workload.ratePerHost, 20);
}

TEST(OverrideTest, UnknownKeys) {
  EXPECT_EQ(overrideProblem({"servers.instance=4"}),
            "--set servers.instance=4: unknown key 'instance': the keys of [servers] are "
            "instances, threads, workers, password_cost, port, access_log");
  EXPECT_EQ(overrideProblem({"server.instances=4"}),
            "--set server.instances=4: unknown key 'server.instances': the keys of the top "
            "level are name, description, repetitions, [topology], [database], [servers], "
            "[clients], [workload], [sweep]");
  EXPECT_EQ(overrideProblem({"servers=4"}),
            "--set servers=4: unknown key 'servers': the keys of the top level are name, "
            "description, repetitions, [topology], [database], [servers], [clients], "
            "[workload], [sweep]");
}

TEST(OverrideTest, NotAnAssignment) {
  EXPECT_EQ(overrideProblem({"servers.instances"}),
            "--set servers.instances: expected key=value, as in servers.instances=4");
}

TEST(OverrideTest, WrongTypesAndValues) {
  EXPECT_EQ(overrideProblem({"servers.instances=two"}),
            "--set servers.instances=two: servers.instances: expected an integer, found a string");
  EXPECT_EQ(overrideProblem({"servers.access_log=yes"}),
            "--set servers.access_log=yes: servers.access_log: expected true or false, found a "
            "string");
  EXPECT_EQ(overrideProblem({"servers.instances=0"}),
            "--set servers.instances=0: servers.instances: 0 is out of range: expected 1 to 64");
  EXPECT_EQ(overrideProblem({"database.kind=sqlite"}),
            "e.toml:15: servers.instances: 2 instances cannot share SQLite (database.kind = "
            "\"sqlite\" is for one instance): use database.kind = \"postgresql\"");
  EXPECT_EQ(overrideProblem({"database.kind=sqlite", "servers.instances=1"}), "");
  EXPECT_EQ(overrideProblem({"workload.scenario=fancy"}),
            "--set workload.scenario=fancy: workload.scenario: 'fancy' is not a scenario: "
            "expected \"original\", \"mixed\", \"static\", \"live\" or the path of a scenario "
            "file (.toml)");
  // --set workload.posters=2 on the original scenario: named by its option.
  EXPECT_EQ(overrideProblem({"workload.posters=2"}),
            "--set workload.posters=2: workload.posters: posters are for the live scenario "
            "(workload.scenario = \"live\" or a live scenario file); 'original' has none");
  EXPECT_EQ(overrideProblem({"workload.scenario=live", "workload.posters=2"}), "");
}

TEST(OverrideTest, ALaterSetWins) {
  EXPECT_EQ(toExperimentConfig(documentWith({"servers.instances=3", "servers.instances=1"}))
                .servers.instances,
            1);
}

TEST(OverrideTest, AValueReplacesASweep) {
  const std::string text = kValidConfig +
                           "[sweep]\n\"servers.instances\" = [1, 2]\n"
                           "\"workload.users_per_host\" = [5, 10]\n";
  const ConfigDocument document = documentWith({"servers.instances=4"}, text);
  ASSERT_EQ(document.sweep.size(), 1u);
  EXPECT_EQ(document.sweep[0].key, "workload.users_per_host");
  const std::vector<SweepPoint> points = expandSweep(document);
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].config.servers.instances, 4);
  EXPECT_EQ(points[1].config.servers.instances, 4);
}

TEST(OverrideTest, AListSweeps) {
  const std::string text = kValidConfig +
                           "[sweep]\n\"servers.instances\" = [1, 2]\n"
                           "\"workload.users_per_host\" = [5, 10]\n";
  // A list for a swept key replaces its list in place; for another key it sweeps last.
  const ConfigDocument document = documentWith(
      {"servers.instances=[1, 2, 4]", "clients.reach=[\"round-robin\", \"haproxy\"]"}, text);
  ASSERT_EQ(document.sweep.size(), 3u);
  EXPECT_EQ(document.sweep[0].key, "servers.instances");
  EXPECT_EQ(document.sweep[0].values.size(), 3u);
  EXPECT_EQ(document.sweep[1].key, "workload.users_per_host");
  EXPECT_EQ(document.sweep[2].key, "clients.reach");
  EXPECT_EQ(expandSweep(document).size(), 12u);
}

TEST(OverrideTest, BadLists) {
  EXPECT_EQ(overrideProblem({"servers.instances=[]"}),
            "--set servers.instances=[]: sweep.servers.instances: an empty list: give at least "
            "one value");
  EXPECT_EQ(overrideProblem({"servers.instances=[1, \"2\"]"}),
            "--set servers.instances=[1, \"2\"]: servers.instances: expected an integer, found a "
            "string");
  EXPECT_EQ(overrideProblem({"servers.instances=[1, 0]"}),
            "--set servers.instances=[1, 0]: servers.instances: 0 is out of range: expected 1 "
            "to 64 (in sweep point p02: servers.instances = 0)");
}

}  // namespace
}  // namespace mt::experiment
