// Plans: what the Mininet driver gets for a point and repetition.
#include <gtest/gtest.h>

#include "ConfigTestSupport.h"
#include "Plan.h"
#include "Sweep.h"

namespace mt::experiment {
namespace {

using nlohmann::json;

SweepPoint pointOf(const std::vector<std::string>& overrides,
                   const std::string& text = kValidConfig) {
  ConfigDocument document = parseConfigDocument(text, "e.toml");
  for (const std::string& assignment : overrides)
    applyOverride(document, assignment);
  std::vector<SweepPoint> points = expandSweep(document);
  return points.front();
}

PlanContext testContext() {
  PlanContext context;
  context.outDir = "/results/test/t/p01/r1";
  context.serverBinary = "/bin/minitwitter";
  context.clientBinary = "/bin/minitwitter-client";
  context.postgresBin = "/pg/bin";
  context.topologiesDir = "/src/topologies";
  context.databasePassword = "secret-password";
  return context;
}

// The value after `option` in argv ("" when absent), and whether `flag` is there.
std::string optionOf(const json& argv, const std::string& option) {
  for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] == option) return argv[i + 1];
  }
  return {};
}

bool hasArgument(const json& argv, const std::string& flag) {
  for (const json& item : argv) {
    if (item == flag) return true;
  }
  return false;
}

TEST(PlanTest, TheDocument) {
  const json plan = buildPlan(pointOf({}), 2, testContext());
  EXPECT_EQ(plan["schema"], "minitwitter-experiment-plan/1");
  EXPECT_EQ(plan["experiment"], "test");
  EXPECT_EQ(plan["point"], "p01");
  EXPECT_EQ(plan["repetition"], 2);
  EXPECT_EQ(plan["assignments"], json::object());
  EXPECT_EQ(plan["outDir"], "/results/test/t/p01/r1");
  EXPECT_EQ(plan["backend"], "mininet");
  EXPECT_EQ(plan["binaries"], (json{{"minitwitter", "/bin/minitwitter"},
                                    {"client", "/bin/minitwitter-client"},
                                    {"postgres", "/pg/bin"}}));
  EXPECT_TRUE(plan["haproxy"].is_null());
}

TEST(PlanTest, Topology) {
  const json plan =
      buildPlan(pointOf({"topology.link.delay=5ms", "topology.link.loss=1"}), 1, testContext());
  const json& topology = plan["topology"];
  EXPECT_EQ(topology["kind"], "campus");
  EXPECT_EQ(topology["file"], "/src/topologies/campus.py");
  EXPECT_EQ(topology["params"], (json{{"clusters", 2},
                                      {"hosts_per_cluster", 2},
                                      {"client_bw", 7.0},
                                      {"core_bw", 1000.0},
                                      {"servers", 2},
                                      {"clients", 4},
                                      {"haproxy", false}}));
  const json link = {{"delay", "5ms"}, {"loss", 1.0}, {"max_queue_size", nullptr}};
  EXPECT_EQ(topology["link"], link);
  EXPECT_EQ(plan["link"], link);

  const std::string tree =
      "name = \"t\"\n[topology]\nkind = \"tree\"\ndepth = 2\nfanout = 3\n[clients]\nhosts = 9\n";
  EXPECT_EQ(
      buildPlan(pointOf({}, tree), 1, testContext())["topology"]["params"],
      (json{{"depth", 2}, {"fanout", 3}, {"servers", 1}, {"clients", 9}, {"haproxy", false}}));

  const json treeLink =
      buildPlan(pointOf({}, tree + "[topology.link]\nbw = 25.0\n"), 1, testContext())["link"];
  EXPECT_EQ(treeLink["bw"], 25.0);
}

TEST(PlanTest, PostgreSql) {
  const json plan = buildPlan(pointOf({}), 1, testContext());
  EXPECT_EQ(plan["database"], (json{{"kind", "postgresql"},
                                    {"host", "db"},
                                    {"port", 5432},
                                    {"name", "twitter"},
                                    {"user", "minitwitter"},
                                    {"password", "secret-password"},
                                    {"bin", "/pg/bin"}}));
}

TEST(PlanTest, ServersGetPortsAndTheDatabaseInTheirEnvironment) {
  const json plan = buildPlan(
      pointOf({"servers.instances=3", "servers.threads=2", "servers.workers=6"}), 1, testContext());
  ASSERT_EQ(plan["servers"].size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const json& server = plan["servers"][static_cast<std::size_t>(i)];
    const std::string host = "s" + std::to_string(i + 1);
    EXPECT_EQ(server["host"], host);
    EXPECT_EQ(server["port"], 8081 + i);
    EXPECT_EQ(server["log"], host + ".log");
    EXPECT_EQ(server["metrics"], host + ".metrics");
    EXPECT_EQ(server["argv"], (json{"/bin/minitwitter", "serve", "--bind", "0.0.0.0", "--port",
                                    std::to_string(8081 + i), "--threads", "2", "--workers", "6",
                                    "--password-cost", "cheap", "--allow-cheap-passwords"}));
    EXPECT_EQ(server["env"], (json{{"HOST", "{ip:db}"},
                                   {"DB", "twitter"},
                                   {"USER", "minitwitter"},
                                   {"PASS", "secret-password"},
                                   {"PGPORT", "5432"}}));
  }
}

TEST(PlanTest, ServerOptions) {
  const json plan = buildPlan(pointOf({"servers.password_cost=interactive",
                                       "servers.access_log=true", "servers.port=9000"}),
                              1, testContext());
  const json& argv = plan["servers"][1]["argv"];
  EXPECT_EQ(optionOf(argv, "--port"), "9002");
  EXPECT_EQ(optionOf(argv, "--password-cost"), "interactive");
  EXPECT_FALSE(hasArgument(argv, "--allow-cheap-passwords"));
  EXPECT_EQ(optionOf(argv, "--access-log"), "{out}/s2.access.log");
}

TEST(PlanTest, ClientHostsLoadServersRoundRobin) {
  const json plan =
      buildPlan(pointOf({"topology.clusters=5", "servers.instances=3"}), 1, testContext());
  ASSERT_EQ(plan["clients"].size(), 10u);
  for (int i = 0; i < 10; ++i) {
    const json& client = plan["clients"][static_cast<std::size_t>(i)];
    const std::string host = "c" + std::to_string(i + 1);
    const int server = i % 3;
    EXPECT_EQ(client["host"], host);
    EXPECT_EQ(client["output"], host + ".json");
    EXPECT_EQ(client["log"], host + ".log");
    EXPECT_EQ(client["argv"][0], "/bin/minitwitter-client");
    EXPECT_EQ(client["argv"][1], "load");
    EXPECT_EQ(optionOf(client["argv"], "--target"),
              "http://{ip:s" + std::to_string(server + 1) + "}:" + std::to_string(8081 + server));
    EXPECT_EQ(optionOf(client["argv"], "--user-offset"), std::to_string(i * 5));
    EXPECT_EQ(optionOf(client["argv"], "--population"), "50");
    EXPECT_EQ(optionOf(client["argv"], "--output"), "{out}/" + host + ".json");
    EXPECT_EQ(optionOf(client["argv"], "--host-name"), host);
  }
}

TEST(PlanTest, TheClientsWholeCommandLine) {
  const json plan = buildPlan(pointOf({"workload.think_time=100ms", "workload.timeout=5s",
                                       "workload.connections_per_host=2"}),
                              1, testContext());
  EXPECT_EQ(plan["clients"][1]["argv"], (json{"/bin/minitwitter-client",
                                              "load",
                                              "--target",
                                              "http://{ip:s2}:8082",
                                              "--scenario",
                                              "original",
                                              "--users",
                                              "5",
                                              "--connections",
                                              "2",
                                              "--think-time",
                                              "100ms",
                                              "--warmup",
                                              "2s",
                                              "--duration",
                                              "10s",
                                              "--timeout",
                                              "5s",
                                              "--user-offset",
                                              "5",
                                              "--population",
                                              "20",
                                              "--output",
                                              "{out}/c2.json",
                                              "--host-name",
                                              "c2",
                                              "--no-progress"}));
}

TEST(PlanTest, LivePassesItsPosters) {
  const json plan = buildPlan(pointOf({"workload.scenario=live", "workload.posters=2",
                                       "workload.loop=open", "workload.rate_per_host=20"}),
                              1, testContext());
  for (const json& client : plan["clients"]) {
    EXPECT_EQ(optionOf(client["argv"], "--scenario"), "live");
    EXPECT_EQ(optionOf(client["argv"], "--posters"), "2");  // the population's, on every host
    EXPECT_EQ(optionOf(client["argv"], "--rate"), "20");
  }
  EXPECT_EQ(optionOf(buildPlan(pointOf({"workload.scenario=live"}), 1,
                               testContext())["clients"][0]["argv"],
                     "--posters"),
            "1");
  EXPECT_FALSE(
      hasArgument(buildPlan(pointOf({}), 1, testContext())["clients"][0]["argv"], "--posters"));
}

TEST(PlanTest, OpenLoop) {
  const json plan =
      buildPlan(pointOf({"workload.loop=open", "workload.rate_per_host=12.5"}), 1, testContext());
  const json& argv = plan["clients"][0]["argv"];
  EXPECT_EQ(optionOf(argv, "--rate"), "12.5");
  EXPECT_FALSE(hasArgument(argv, "--think-time"));
  EXPECT_EQ(optionOf(buildPlan(pointOf({"workload.loop=open", "workload.rate_per_host=20.0"}), 1,
                               testContext())["clients"][0]["argv"],
                     "--rate"),
            "20");
}

TEST(PlanTest, HaProxy) {
  const json plan =
      buildPlan(pointOf({"clients.reach=haproxy", "servers.instances=3"}), 1, testContext());
  EXPECT_EQ(plan["haproxy"], (json{{"host", "lb"},
                                   {"port", 8080},
                                   {"backends",
                                    {{{"host", "s1"}, {"port", 8081}},
                                     {{"host", "s2"}, {"port", 8082}},
                                     {{"host", "s3"}, {"port", 8083}}}}}));
  EXPECT_EQ(plan["topology"]["params"]["haproxy"], true);
  for (const json& client : plan["clients"])
    EXPECT_EQ(optionOf(client["argv"], "--target"), "http://{ip:lb}:8080");
}

TEST(PlanTest, Sqlite) {
  const json plan =
      buildPlan(pointOf({"database.kind=sqlite", "servers.instances=1"}), 1, testContext());
  EXPECT_EQ(plan["database"], (json{{"kind", "sqlite"}}));
  ASSERT_EQ(plan["servers"].size(), 1u);
  EXPECT_EQ(plan["servers"][0]["env"], json::object());
  EXPECT_EQ(optionOf(plan["servers"][0]["argv"], "--database"), "sqlite:{out}/twitter.db");
}

TEST(PlanTest, Loopback) {
  PlanContext context = testContext();
  context.backend = Backend::loopback;
  context.postgresPort = 15432;
  const json plan = buildPlan(pointOf({}), 1, context);
  EXPECT_EQ(plan["backend"], "loopback");
  EXPECT_EQ(plan["database"]["port"], 15432);
  EXPECT_EQ(plan["servers"][0]["env"]["PGPORT"], "15432");
  // Nothing listens beyond this host; the ports stay distinct so one host holds all.
  EXPECT_EQ(optionOf(plan["servers"][0]["argv"], "--bind"), "127.0.0.1");
  EXPECT_EQ(plan["servers"][0]["port"], 8081);
  EXPECT_EQ(plan["servers"][1]["port"], 8082);
}

TEST(PlanTest, TheAssignmentsOfTheSweepPoint) {
  const std::vector<SweepPoint> points =
      expandSweep(parseConfigDocument(kValidConfig + "[sweep]\n\"servers.instances\" = [1, 3]\n"
                                                     "\"workload.warmup\" = [\"1s\"]\n",
                                      "e.toml"));
  const json plan = buildPlan(points[1], 1, testContext());
  EXPECT_EQ(plan["point"], "p02");
  EXPECT_EQ(plan["assignments"], (json{{"servers.instances", "3"}, {"workload.warmup", "1s"}}));
  EXPECT_EQ(plan["servers"].size(), 3u);
}

TEST(PlanTest, TheDeadlineLeavesRoomForSetUp) {
  const json plan = buildPlan(pointOf({}), 1, testContext());
  EXPECT_EQ(plan["timing"]["startDelaySeconds"], 2);
  const int deadline = plan["timing"]["deadlineSeconds"];
  // Warm-up and duration (12 s) at least, with a margin for sign-ups and start-up.
  EXPECT_GE(deadline, 12 + 60);
  const int slowHashing = clientDeadlineSeconds(pointOf({"servers.password_cost=moderate"}).config);
  EXPECT_GT(slowHashing, deadline);
  const int longerRun = clientDeadlineSeconds(pointOf({"workload.duration=100s"}).config);
  EXPECT_EQ(longerRun, deadline + 90);
}

}  // namespace
}  // namespace mt::experiment
