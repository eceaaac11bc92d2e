// follow, unfollow, block and unblock through the real client and server, on each
// storage backend.
#include <nlohmann/json.hpp>

#include "ClientCliFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

class ClientSocialCommandsTest : public ClientCliBackendTest {};

TEST_P(ClientSocialCommandsTest, FollowBringsTheirTweetsIntoYourTimeline) {
  signUp(cli());
  CliRunner other(serverUrl());
  const std::string name = signUp(other, "Charles Babbage");
  post(other, "the engine is ready");

  auto result = cli().run({"follow", name});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "you now follow @" + name + "\n");
  result = cli().run({"timeline"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("Charles Babbage @" + name), std::string::npos) << result.out;

  result = cli().run({"unfollow", name, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const json data = json::parse(result.out);
  EXPECT_EQ(data["unfollow"]["username"], name);
  EXPECT_EQ(data["unfollow"]["viewerFollows"], false);
  result = cli().run({"unfollow", name});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "you no longer follow @" + name + "\n");
  result = cli().run({"timeline"});
  EXPECT_EQ(result.out.find("the engine is ready"), std::string::npos) << result.out;
}

TEST_P(ClientSocialCommandsTest, BlockStopsFollowsBothWays) {
  const std::string blocker = signUp(cli());
  CliRunner other(serverUrl());
  const std::string blocked = signUp(other);
  ASSERT_EQ(other.run({"follow", blocker}).exitCode, 0);

  auto result = cli().run({"block", blocked});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "blocked @" + blocked +
                            ": they can no longer follow you, see your tweets or mention you\n");

  result = other.run({"follow", blocker});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_EQ(result.err, "minitwitter-client: you cannot follow @" + blocker +
                            ": one of you has blocked the other\n");
  result = cli().run({"follow", blocked});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_EQ(result.err, "minitwitter-client: you cannot follow @" + blocked +
                            ": one of you has blocked the other\n");

  result = cli().run({"unblock", blocked, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["unblock"]["viewerBlocks"], false) << result.out;
  result = other.run({"follow", blocker});
  EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST_P(ClientSocialCommandsTest, UnknownUsersAndYourselfAreRefused) {
  const std::string me = signUp(cli());
  const std::string nobody = fresh("nobody");
  for (const char* command : {"follow", "unfollow", "block", "unblock"}) {
    auto result = cli().run({command, nobody});
    EXPECT_EQ(result.exitCode, 5) << command;
    EXPECT_EQ(result.err, "minitwitter-client: no user @" + nobody + "\n") << command;

    result = cli().run({command, me});
    EXPECT_EQ(result.exitCode, 5) << command;
    EXPECT_TRUE(isOneLine(result.err)) << result.err;
    EXPECT_NE(result.err.find("yourself"), std::string::npos) << result.err;
  }
}

TEST_P(ClientSocialCommandsTest, NeedASessionAndAUsername) {
  CliRunner anonymous(serverUrl());
  for (const char* command : {"follow", "unfollow", "block", "unblock"}) {
    auto result = anonymous.run({command, "somebody"});
    EXPECT_EQ(result.exitCode, 3) << command;
    EXPECT_EQ(result.err,
              "minitwitter-client: not logged in: run `minitwitter-client login USERNAME`\n");
    result = anonymous.run({command});
    EXPECT_EQ(result.exitCode, 2) << command;
    EXPECT_TRUE(isOneLine(result.err)) << result.err;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientSocialCommandsTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
