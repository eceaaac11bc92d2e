// user, followers and following through the real client and server, on each storage
// backend.
#include <nlohmann/json.hpp>

#include "ClientCliFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

class ClientProfileCommandsTest : public ClientCliBackendTest {
 protected:
  // The cursor from the "older: …" line of `output`, or "" without one.
  static std::string cursorIn(const std::string& output) {
    const std::string marker = " --before ";
    const auto at = output.rfind(marker);
    if (at == std::string::npos) return "";
    std::string cursor = output.substr(at + marker.size());
    return cursor.erase(cursor.find('\n'));
  }
};

TEST_P(ClientProfileCommandsTest, UserShowsProfileRelationshipAndTweets) {
  CliRunner ada(serverUrl());
  const std::string name = signUp(ada, "Ada Lovelace");
  for (const char* text : {"first note", "second note", "third note"})
    post(ada, text);
  const std::string viewer = signUp(cli());
  ASSERT_EQ(cli().run({"follow", name}).exitCode, 0);
  ASSERT_EQ(ada.run({"follow", viewer}).exitCode, 0);

  auto result = cli().run({"user", name, "--limit", "2"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out.rfind("Ada Lovelace @" + name + "\njoined ", 0), 0u) << result.out;
  EXPECT_NE(result.out.find(" · 3 tweets · 1 follower · 1 following\n"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\nyou follow them · follows you\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("third note"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("first note"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("older: minitwitter-client user " + name + " --limit 2 --before "),
            std::string::npos)
      << result.out;

  result = cli().run({"user", name, "--limit", "2", "--before", cursorIn(result.out)});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("first note"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("second note"), std::string::npos) << result.out;

  result = cli().run({"user", name, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const json data = json::parse(result.out);
  EXPECT_EQ(data["user"]["username"], name);
  EXPECT_EQ(data["user"]["viewerFollows"], true);
  EXPECT_EQ(data["user"]["tweets"]["nodes"].size(), 3u);

  // Without a session the profile still shows, without relationship flags.
  CliRunner anonymous(serverUrl());
  result = anonymous.run({"user", name});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out.find("follows you"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("third note"), std::string::npos) << result.out;
}

TEST_P(ClientProfileCommandsTest, UserSaysWhenTheyBlockedYouOrDoNotExist) {
  CliRunner blocker(serverUrl());
  const std::string name = signUp(blocker);
  post(blocker, "you cannot read this");
  const std::string viewer = signUp(cli());
  ASSERT_EQ(blocker.run({"block", viewer}).exitCode, 0);

  auto result = cli().run({"user", name});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("has blocked you"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("@" + name + " has blocked you: their tweets are hidden"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("you cannot read this"), std::string::npos) << result.out;

  const std::string nobody = fresh("nobody");
  for (const char* command : {"user", "followers", "following"}) {
    result = cli().run({command, nobody});
    EXPECT_EQ(result.exitCode, 5) << command;
    EXPECT_EQ(result.err, "minitwitter-client: no user @" + nobody + "\n") << command;
    EXPECT_EQ(cli().run({command}).exitCode, 2) << command;
    EXPECT_EQ(cli().run({command, name, "--limit", "101"}).exitCode, 2) << command;
  }
}

TEST_P(ClientProfileCommandsTest, FollowersAndFollowingListPageByPage) {
  CliRunner star(serverUrl());
  const std::string name = signUp(star, "The Star");
  std::vector<std::string> fans;
  for (const char* displayName : {"First Fan", "Second Fan", "Third Fan"}) {
    CliRunner fan(serverUrl());
    fans.push_back(signUp(fan, displayName));
    ASSERT_EQ(fan.run({"follow", name}).exitCode, 0);
  }
  ASSERT_EQ(star.run({"follow", fans[0]}).exitCode, 0);

  auto result = star.run({"followers", name, "--limit", "2"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  // Newest first, in aligned columns.
  EXPECT_LT(result.out.find("@" + fans[2] + " "), result.out.find("@" + fans[1] + " "))
      << result.out;
  EXPECT_NE(result.out.find("Third Fan   follows you\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Second Fan  follows you\n"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find(fans[0]), std::string::npos) << result.out;
  const std::string cursor = cursorIn(result.out);
  ASSERT_NE(cursor, "") << result.out;

  result = star.run({"followers", name, "--limit", "2", "--before", cursor});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "@" + fans[0] + "  First Fan  you follow them · follows you\n");

  result = star.run({"following", name, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const json data = json::parse(result.out);
  ASSERT_EQ(data["user"]["following"]["nodes"].size(), 1u) << result.out;
  EXPECT_EQ(data["user"]["following"]["nodes"][0]["username"], fans[0]);

  CliRunner anonymous(serverUrl());
  result = anonymous.run({"following", fans[1]});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "@" + name + "  The Star\n");
  result = anonymous.run({"followers", fans[1]});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "@" + fans[1] + " has no followers\n");
  result = anonymous.run({"following", fans[2] + "x"});
  EXPECT_EQ(result.exitCode, 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientProfileCommandsTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
