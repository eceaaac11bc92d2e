// Scenario files: every key, and every kind of mistake named with its file and line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "Duration.h"
#include "Scenario.h"

namespace mt::load {
namespace {

// The message of readScenarioText's invalid_argument, or "" when it succeeds.
std::string problemOf(const std::string& text) {
  try {
    readScenarioText(text, "s.toml", ScenarioSettings{});
    return {};
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
}

TEST(ScenarioFileTest, ReadsEveryKey) {
  const std::string text = R"(# a scenario
scenario = "original"
think_time = "250ms"
user_prefix = "bench_"
password = "a long password"
user_offset = 1000
population = 5000
cluster_size = 10
seed = 77

[weights]
timeline = 70
profile = 10
post = 10
like = 5
follow = 5

[static]
path = "/files/hello-1000.txt"
)";
  ScenarioSettings settings = readScenarioText(text, "s.toml", ScenarioSettings{});
  EXPECT_EQ(settings.name, "original");
  EXPECT_EQ(settings.thinkTimeNs, 250'000'000);
  EXPECT_EQ(settings.userPrefix, "bench_");
  EXPECT_EQ(settings.password, "a long password");
  EXPECT_EQ(settings.userOffset, 1000u);
  EXPECT_EQ(settings.population, 5000u);
  EXPECT_EQ(settings.clusterSize, 10u);
  EXPECT_EQ(settings.seed, 77u);
  EXPECT_EQ(settings.weights,
            (std::map<std::string, unsigned, std::less<>>{
                {"timeline", 70}, {"profile", 10}, {"post", 10}, {"like", 5}, {"follow", 5}}));
  EXPECT_EQ(settings.staticPath, "/files/hello-1000.txt");
  EXPECT_NO_THROW(makeScenario(settings));
}

TEST(ScenarioFileTest, KeysLeftOutKeepTheBase) {
  ScenarioSettings base;
  base.name = "static";
  base.population = 9;
  base.weights = {{"post", 1}};
  base.thinkTimeNs = 5;
  ScenarioSettings settings = readScenarioText("seed = 3\n", "s.toml", base);
  EXPECT_EQ(settings.name, "static");
  EXPECT_EQ(settings.population, 9u);
  EXPECT_EQ(settings.thinkTimeNs, 5);
  EXPECT_EQ(settings.seed, 3u);
  EXPECT_EQ(settings.weights, base.weights);
  EXPECT_EQ(readScenarioText("", "empty.toml", base).name, "static");
}

TEST(ScenarioFileTest, FileWeightsReplaceAllWeights) {
  ScenarioSettings base;
  base.weights = {{"post", 1}, {"like", 2}};
  ScenarioSettings settings = readScenarioText("[weights]\ntimeline = 3\n", "s.toml", base);
  EXPECT_EQ(settings.weights, (std::map<std::string, unsigned, std::less<>>{{"timeline", 3}}));
  // Dotted keys are the same table.
  settings = readScenarioText("weights.follow = 2\n", "s.toml", base);
  EXPECT_EQ(settings.weights, (std::map<std::string, unsigned, std::less<>>{{"follow", 2}}));
}

TEST(ScenarioFileTest, ThinkTimes) {
  auto thinkTime = [](const std::string& value) {
    return readScenarioText("think_time = " + value + "\n", "s.toml", ScenarioSettings{})
        .thinkTimeNs;
  };
  EXPECT_EQ(thinkTime(R"("100ms")"), 100'000'000);
  EXPECT_EQ(thinkTime(R"("2s")"), 2'000'000'000);
  EXPECT_EQ(thinkTime(R"("1.5m")"), 90'000'000'000);
  EXPECT_EQ(thinkTime(R"("250us")"), 250'000);
  EXPECT_EQ(thinkTime(R"("7ns")"), 7);
  EXPECT_EQ(thinkTime(R"("1h")"), 3'600'000'000'000);
  EXPECT_EQ(thinkTime(R"("0.2")"), 200'000'000);
  EXPECT_EQ(thinkTime("3"), 3'000'000'000);
  EXPECT_EQ(thinkTime("0.05"), 50'000'000);
  EXPECT_EQ(thinkTime("0"), 0);
}

TEST(ScenarioFileTest, ParseDuration) {
  EXPECT_EQ(parseDurationNs("10s"), 10'000'000'000);
  EXPECT_EQ(parseDurationNs("500ms"), 500'000'000);
  EXPECT_EQ(parseDurationNs("2m"), 120'000'000'000);
  EXPECT_EQ(parseDurationNs("12"), 12'000'000'000);
  for (const char* bad : {"", "ms", "-1s", "1e3", "inf", "nan", ".5s", "5.s", "1.2.3s", "5 s",
                          "5sec", "1d", "2000000s", " 5s"}) {
    EXPECT_EQ(parseDurationNs(bad), std::nullopt) << bad;
  }
}

TEST(ScenarioFileTest, SyntaxErrorsNameTheLine) {
  EXPECT_TRUE(problemOf("seed = 1\n\nscenario = \n").starts_with("s.toml:3: not valid TOML: "))
      << problemOf("seed = 1\n\nscenario = \n");
  EXPECT_TRUE(problemOf("seed = 1\nseed = 2\n").starts_with("s.toml:2: not valid TOML: "))
      << problemOf("seed = 1\nseed = 2\n");
  EXPECT_TRUE(problemOf("[weights\n").starts_with("s.toml:1: not valid TOML: "));
}

TEST(ScenarioFileTest, UnknownKeys) {
  EXPECT_EQ(problemOf("seed = 1\nspeed = 2\n"),
            "s.toml:2: unknown key 'speed': the keys here are scenario, think_time, user_prefix, "
            "password, user_offset, population, cluster_size, posters, seed, [weights], [static]");
  EXPECT_EQ(problemOf("[weights]\ntimeline = 1\nretweet = 2\n"),
            "s.toml:3: unknown key 'retweet': the keys here are timeline, profile, post, like, "
            "follow");
  EXPECT_EQ(problemOf("[static]\npath = \"/x\"\nfile = \"/y\"\n"),
            "s.toml:3: unknown key 'file': the keys here are path");
  EXPECT_EQ(problemOf("\n[mixed]\nx = 1\n"),
            "s.toml:2: unknown key 'mixed': the keys here are scenario, think_time, user_prefix, "
            "password, user_offset, population, cluster_size, posters, seed, [weights], [static]");
}

TEST(ScenarioFileTest, WrongTypes) {
  EXPECT_EQ(problemOf("scenario = 3\n"), "s.toml:1: scenario: expected a string, found an integer");
  EXPECT_EQ(problemOf("\nseed = \"7\"\n"), "s.toml:2: seed: expected an integer, found a string");
  EXPECT_EQ(problemOf("population = 1.5\n"),
            "s.toml:1: population: expected an integer, found a number with a fraction");
  EXPECT_EQ(problemOf("user_offset = true\n"),
            "s.toml:1: user_offset: expected an integer, found a boolean");
  EXPECT_EQ(problemOf("cluster_size = [5]\n"),
            "s.toml:1: cluster_size: expected an integer, found an array");
  EXPECT_EQ(problemOf("password = 1979-05-27\n"),
            "s.toml:1: password: expected a string, found a date or time");
  EXPECT_EQ(problemOf("user_prefix = {a = 1}\n"),
            "s.toml:1: user_prefix: expected a string, found a table");
  EXPECT_EQ(problemOf("think_time = false\n"),
            "s.toml:1: think_time: expected a duration (\"100ms\" or seconds), found a boolean");
  EXPECT_EQ(problemOf("weights = 5\n"), "s.toml:1: weights: expected a table, found an integer");
  EXPECT_EQ(problemOf("static = \"/x\"\n"), "s.toml:1: static: expected a table, found a string");
  EXPECT_EQ(problemOf("[weights]\n\nlike = \"5\"\n"),
            "s.toml:3: weights.like: expected an integer, found a string");
  EXPECT_EQ(problemOf("[static]\npath = 5\n"),
            "s.toml:2: static.path: expected a string, found an integer");
}

TEST(ScenarioFileTest, BadValues) {
  EXPECT_EQ(problemOf("scenario = \"chaos\"\n"),
            "s.toml:1: scenario: unknown scenario 'chaos': choose original, mixed, static or live");
  EXPECT_EQ(problemOf("think_time = \"fast\"\n"),
            "s.toml:1: think_time: 'fast' is not a duration: write e.g. \"100ms\", \"2s\" or 0.5");
  EXPECT_EQ(problemOf("think_time = \"2h\"\n"),
            "s.toml:1: think_time: more than an hour: write a shorter one");
  EXPECT_EQ(problemOf("think_time = -1\n"), "s.toml:1: think_time: -1 seconds is not a duration");
  EXPECT_EQ(problemOf("think_time = -0.5\n"), "s.toml:1: think_time: not a duration in seconds");
  EXPECT_EQ(problemOf("think_time = nan\n"), "s.toml:1: think_time: not a duration in seconds");
  EXPECT_EQ(problemOf("user_prefix = \"a b\"\n"),
            "s.toml:1: user_prefix: user prefix 'a b' has characters usernames cannot: use ASCII "
            "letters, digits and '_'");
  EXPECT_EQ(problemOf("password = \"short\"\n"),
            "s.toml:1: password: the password has 5 characters: passwords have 8 to 128 "
            "characters");
  EXPECT_EQ(problemOf("user_offset = -1\n"),
            "s.toml:1: user_offset: -1 is out of range: expected 0 to 9223372036854775807");
  EXPECT_EQ(problemOf("population = -5\n"),
            "s.toml:1: population: -5 is out of range: expected 0 to 9223372036854775807");
  EXPECT_EQ(problemOf("cluster_size = 0\n"),
            "s.toml:1: cluster_size: 0 is out of range: expected 1 to 9223372036854775807");
  EXPECT_EQ(problemOf("seed = -3\n"),
            "s.toml:1: seed: -3 is out of range: expected 0 to 9223372036854775807");
  EXPECT_EQ(problemOf("[weights]\nlike = -1\n"),
            "s.toml:2: weights.like: -1 is out of range: expected 0 to 4294967295");
  EXPECT_EQ(problemOf("[weights]\nlike = 4294967296\n"),
            "s.toml:2: weights.like: 4294967296 is out of range: expected 0 to 4294967295");
  EXPECT_EQ(problemOf("\n[weights]\nlike = 0\npost = 0\n"),
            "s.toml:2: weights: every weight is 0: give at least one operation a positive weight");
  EXPECT_EQ(problemOf("[weights]\n"),
            "s.toml:1: weights: no operation has a weight: give at least one a positive weight");
  EXPECT_EQ(problemOf("[static]\npath = \"files/x\"\n"),
            "s.toml:2: static.path: static path 'files/x' does not start with '/': write e.g. "
            "/files/hello-100.txt");
}

TEST(ScenarioFileTest, ReadsAFile) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("scenario-test-" + std::to_string(::getpid()) + ".toml");
  {
    std::ofstream out(path);
    out << "scenario = \"static\"\n[static]\npath = \"/x\"\nbogus = 1\n";
  }
  try {
    readScenarioFile(path.string(), ScenarioSettings{});
    ADD_FAILURE() << "no error";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()),
              path.string() + ":4: unknown key 'bogus': the keys here are path");
  }
  {
    std::ofstream out(path);
    out << "scenario = \"static\"\n[static]\npath = \"/x\"\n";
  }
  ScenarioSettings settings = readScenarioFile(path.string(), ScenarioSettings{});
  EXPECT_EQ(settings.name, "static");
  EXPECT_EQ(settings.staticPath, "/x");
  std::filesystem::remove(path);

  try {
    readScenarioFile(path.string(), ScenarioSettings{});
    ADD_FAILURE() << "no error";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()),
              path.string() + ": cannot read the scenario file: No such file or directory");
  }
  EXPECT_THROW(
      readScenarioFile(std::filesystem::temp_directory_path().string(), ScenarioSettings{}),
      std::invalid_argument);
}

TEST(ScenarioFileTest, TheSampleFileWorks) {
  ScenarioSettings settings =
      readScenarioFile(MT_SOURCE_DIR "/experiments/scenarios/read-heavy.toml", ScenarioSettings{});
  EXPECT_EQ(settings.name, "mixed");
  EXPECT_NO_THROW(makeScenario(settings));
}

}  // namespace
}  // namespace mt::load
