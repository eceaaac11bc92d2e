// makeScenario refuses settings that cannot work, with a message that says why.
#include <gtest/gtest.h>

#include <stdexcept>

#include "Scenario.h"

namespace mt::load {
namespace {

// The message of makeScenario's invalid_argument, or "" when it succeeds.
std::string problemOf(const ScenarioSettings& settings) {
  try {
    makeScenario(settings);
    return {};
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
}

ScenarioSettings mixed() {
  ScenarioSettings settings;
  settings.name = "mixed";
  settings.population = 100;
  return settings;
}

TEST(ScenarioValidationTest, TheDefaultsWork) {
  EXPECT_EQ(problemOf(ScenarioSettings{}), "");
  for (const char* name : {"original", "mixed", "static"}) {
    ScenarioSettings settings = mixed();
    settings.name = name;
    EXPECT_EQ(problemOf(settings), "") << name;
    EXPECT_EQ(makeScenario(settings)->name(), name);
  }
}

TEST(ScenarioValidationTest, UnknownScenario) {
  ScenarioSettings settings = mixed();
  settings.name = "chaos";
  EXPECT_EQ(problemOf(settings),
            "unknown scenario 'chaos': choose original, mixed, static or live");
}

TEST(ScenarioValidationTest, Weights) {
  ScenarioSettings settings = mixed();
  settings.weights = {{"timeline", 1}, {"retweet", 2}};
  EXPECT_EQ(problemOf(settings),
            "unknown operation 'retweet' in the weights: choose among timeline, profile, post, "
            "like, follow");
  settings.weights = {{"timeline", 0}, {"like", 0}};
  EXPECT_EQ(problemOf(settings),
            "every weight is 0: give at least one operation a positive weight");
  settings.weights = {{"post", 4'000'000'000u}, {"like", 4'000'000'000u}};
  EXPECT_EQ(problemOf(settings), "");
  // Weights matter only to mixed.
  settings.weights = {{"bogus", 1}};
  settings.name = "original";
  EXPECT_EQ(problemOf(settings), "");
}

TEST(ScenarioValidationTest, UsernamesMustFitForTheWholePopulation) {
  ScenarioSettings settings = mixed();
  settings.userPrefix = "bad-name";
  EXPECT_EQ(problemOf(settings),
            "user prefix 'bad-name' has characters usernames cannot: use ASCII letters, digits "
            "and '_'");
  settings.userPrefix = "a";
  settings.userOffset = 5;
  EXPECT_EQ(problemOf(settings),
            "user prefix 'a' makes username 'a5', shorter than 3 characters: use a longer prefix");
  settings.userPrefix = "ab";
  EXPECT_EQ(problemOf(settings), "");  // ab5: 3
  settings.userOffset = 0;
  settings.userPrefix = "x";
  EXPECT_EQ(problemOf(settings),
            "user prefix 'x' makes username 'x0', shorter than 3 characters: use a longer prefix");
  settings.userOffset = 10;
  EXPECT_EQ(problemOf(settings), "");  // x10 … x99
  settings.userPrefix = "a_fifteen_chars";
  settings.population = 100'000;
  EXPECT_EQ(problemOf(settings), "");  // a_fifteen_chars99999: 20
  settings.population = 100'001;
  EXPECT_EQ(problemOf(settings),
            "user prefix 'a_fifteen_chars' makes username 'a_fifteen_chars100000', longer than 20 "
            "characters: use a shorter prefix or a smaller population");
  settings.userPrefix = std::string(20, 'a');
  EXPECT_EQ(problemOf(settings),
            "user prefix 'aaaaaaaaaaaaaaaaaaaa' is too long: usernames are at most 20 characters, "
            "the user's number included");
}

TEST(ScenarioValidationTest, ThePopulationMustExceedTheOffset) {
  ScenarioSettings settings = mixed();
  settings.userOffset = 100;
  EXPECT_EQ(problemOf(settings),
            "the population (100) leaves no user from user offset 100: make the population "
            "larger than the offset");
  settings.population = 0;  // not known yet: the engine sets it
  EXPECT_EQ(problemOf(settings), "");
}

TEST(ScenarioValidationTest, Passwords) {
  ScenarioSettings settings = mixed();
  settings.password = "short";
  EXPECT_EQ(problemOf(settings),
            "the password has 5 characters: passwords have 8 to 128 characters");
  settings.password = std::string(129, 'p');
  EXPECT_EQ(problemOf(settings),
            "the password has 129 characters: passwords have 8 to 128 characters");
  settings.password = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";  // 4 characters, 8 bytes
  EXPECT_EQ(problemOf(settings),
            "the password has 4 characters: passwords have 8 to 128 characters");
  settings.password = "abcdefg\xff";
  EXPECT_EQ(problemOf(settings), "the password is not valid UTF-8");
  settings.password = "          ";
  EXPECT_EQ(problemOf(settings), "the password is only white space: choose another");
  settings.password = "LOAD12345";
  EXPECT_EQ(problemOf(settings), "");  // no user 12345 in a population of 100
  settings.password = "LOAD0000042";
  EXPECT_EQ(problemOf(settings), "");  // not how usernames are written
  settings.password = "Load42AB";
  EXPECT_EQ(problemOf(settings), "");
  settings.userPrefix = "loadtest";
  settings.password = "LoadTest42";
  EXPECT_EQ(problemOf(settings),
            "the password is the username of user 42, which the server refuses: choose another "
            "password");
  // Static needs no accounts, so no password.
  settings.name = "static";
  EXPECT_EQ(problemOf(settings), "");
}

TEST(ScenarioValidationTest, StaticPath) {
  ScenarioSettings settings;
  settings.name = "static";
  settings.staticPath = "files/hello.txt";
  EXPECT_EQ(problemOf(settings),
            "static path 'files/hello.txt' does not start with '/': write e.g. "
            "/files/hello-100.txt");
  settings.staticPath = "";
  EXPECT_NE(problemOf(settings), "");
  settings.staticPath = "/a b";
  EXPECT_EQ(problemOf(settings),
            "static path '/a b' has a space, control or non-ASCII character: percent-encode it");
  settings.staticPath = "/a\r\nHost: x";
  EXPECT_NE(problemOf(settings), "");
  settings.staticPath = "/" + std::string(2048, 'a');
  EXPECT_EQ(problemOf(settings), "the static path is longer than 2048 characters");
  settings.staticPath = "/files/a%20b.txt?x=1";
  EXPECT_EQ(problemOf(settings), "");
}

TEST(ScenarioValidationTest, ClusterSizeAndThinkTime) {
  ScenarioSettings settings = mixed();
  settings.name = "original";
  settings.clusterSize = 0;
  EXPECT_EQ(problemOf(settings), "the cluster size is 0: clusters have at least 1 user");
  settings.clusterSize = 1;
  settings.thinkTimeNs = -1;
  EXPECT_EQ(problemOf(settings), "the think time is negative");
}

}  // namespace
}  // namespace mt::load
