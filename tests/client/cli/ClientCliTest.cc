// The real minitwitter-client against the real server, as a user would run them.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "ServerProcess.h"

namespace mt::testing {
namespace {

const std::string kPassword = "correct horse battery";

class ClientCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess({"--password-cost", "cheap", "--allow-cheap-passwords"});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string serverUrl() { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  // A username no other test uses.
  static std::string freshUsername() {
    static std::atomic<int> next{0};
    return "user" + std::to_string(::getpid() % 10000) + "_" + std::to_string(next++);
  }

  // Signs up `username` (the password on standard input, as a script would send it).
  static void signUp(const CliRunner& cli, const std::string& username) {
    const auto result = cli.run({"signup", username}, kPassword + "\n");
    ASSERT_EQ(result.exitCode, 0) << result.err;
  }

  static ServerProcess* server_;
  CliRunner cli_{serverUrl()};
};

ServerProcess* ClientCliTest::server_ = nullptr;

TEST_F(ClientCliTest, SignupPostReadTimelineAndLogout) {
  const std::string name = freshUsername();
  auto result = cli_.run({"signup", name, "--display-name", "Ada Lovelace"}, kPassword + "\n");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("@" + name), std::string::npos) << result.out;

  result = cli_.run({"whoami"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("Ada Lovelace @" + name), std::string::npos) << result.out;

  result = cli_.run({"post", "hello", "from the argument"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out.rfind("posted tweet ", 0), 0u) << result.out;
  result = cli_.run({"post"}, "hello from standard input\n");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  result = cli_.run({"post", "-"}, "hello from a dash\n");
  ASSERT_EQ(result.exitCode, 0) << result.err;

  result = cli_.run({"timeline"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  for (const char* text :
       {"hello from the argument", "hello from standard input", "hello from a dash"}) {
    EXPECT_NE(result.out.find(text), std::string::npos) << result.out;
  }
  EXPECT_NE(result.out.find("Ada Lovelace @" + name + " · "), std::string::npos) << result.out;
  EXPECT_LT(result.out.find("hello from a dash"), result.out.find("hello from the argument"))
      << "newest first:\n"
      << result.out;

  result = cli_.run({"timeline", "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["timeline"]["nodes"].size(), 3u) << result.out;
  EXPECT_EQ(json["timeline"]["nodes"][0]["text"], "hello from a dash");
  EXPECT_EQ(json["timeline"]["nodes"][0]["author"]["username"], name);

  result = cli_.run({"logout"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  result = cli_.run({"whoami"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_EQ(result.err,
            "minitwitter-client: not logged in: run `minitwitter-client login USERNAME`\n");
}

TEST_F(ClientCliTest, LoginWithPasswordFromOptionOrEnvironment) {
  const std::string name = freshUsername();
  signUp(cli_, name);
  CliRunner other(serverUrl());
  auto result = other.run({"login", name, "--password", kPassword});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("logged in as @" + name), std::string::npos) << result.out;
  EXPECT_EQ(other.run({"whoami"}).exitCode, 0);

  CliRunner third(serverUrl());
  result = third.run({"login", name}, "", {{"MINITWITTER_PASSWORD", kPassword}});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(third.run({"whoami"}).exitCode, 0);
}

TEST_F(ClientCliTest, WrongPasswordIsRefusedInOneLine) {
  const std::string name = freshUsername();
  signUp(cli_, name);
  CliRunner other(serverUrl());
  const auto result = other.run({"login", name}, "not the password\n");
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_EQ(result.err, "minitwitter-client: wrong username or password\n");
  EXPECT_EQ(other.run({"whoami"}).exitCode, 3);
}

TEST_F(ClientCliTest, ServerDownSaysSoAndExitsWith4) {
  UnreachableServer unreachable;
  const std::string& url = unreachable.url();
  CliRunner down(url);
  const auto result = down.run({"login", "somebody", "--password", kPassword});
  EXPECT_EQ(result.exitCode, 4);
  EXPECT_EQ(result.err, "minitwitter-client: cannot reach the server at " + url +
                            ": is it running? (set --server or MINITWITTER_SERVER)\n");
}

TEST_F(ClientCliTest, TooLongTweetIsRefusedWithTheServersMessage) {
  signUp(cli_, freshUsername());
  auto result = cli_.run({"post", std::string(281, 'x')});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_EQ(result.err.rfind("minitwitter-client: ", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("280"), std::string::npos) << result.err;

  result = cli_.run({"post", std::string(280, 'x')});
  EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST_F(ClientCliTest, CredentialsAreKeptPrivatePerServer) {
  const std::string name = freshUsername();
  signUp(cli_, name);
  struct stat info {};
  ASSERT_EQ(::stat(cli_.credentialsFile().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(cli_.credentialsFolder().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);

  std::ifstream file(cli_.credentialsFile());
  const auto json = nlohmann::json::parse(file);
  ASSERT_TRUE(json.contains(serverUrl())) << json.dump();
  EXPECT_EQ(json[serverUrl()]["username"], name);
  EXPECT_FALSE(json[serverUrl()]["token"].get<std::string>().empty());
  // Only the temporary file's rename makes it appear: nothing is left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(cli_.credentialsFolder()),
                          std::filesystem::directory_iterator()),
            1);
}

TEST_F(ClientCliTest, CorruptedCredentialsFileGetsAClearMessage) {
  std::filesystem::create_directories(cli_.credentialsFolder());
  std::ofstream(cli_.credentialsFile()) << "{ this is not json";
  const auto result = cli_.run({"whoami"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.err, "minitwitter-client: the credentials file " +
                            cli_.credentialsFile().string() +
                            " is corrupted: delete it and log in again\n");
}

TEST_F(ClientCliTest, RevokedSessionIsForgottenAndReportedAsNotLoggedIn) {
  const std::string name = freshUsername();
  signUp(cli_, name);
  std::ifstream in(cli_.credentialsFile());
  auto json = nlohmann::json::parse(in);
  json[serverUrl()]["token"] = "not-a-real-token";
  std::ofstream(cli_.credentialsFile()) << json.dump();

  auto result = cli_.run({"timeline"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("minitwitter-client login " + name), std::string::npos) << result.err;
  result = cli_.run({"whoami"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_EQ(result.err,
            "minitwitter-client: not logged in: run `minitwitter-client login USERNAME`\n");
}

TEST_F(ClientCliTest, PostingWithoutLoggingInExitsWith3) {
  const auto result = cli_.run({"post", "hello"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_EQ(result.err,
            "minitwitter-client: not logged in: run `minitwitter-client login USERNAME`\n");
}

TEST_F(ClientCliTest, TimelinePagesWithTheCursorItPrints) {
  signUp(cli_, freshUsername());
  for (const char* text : {"first tweet", "second tweet", "third tweet"}) {
    ASSERT_EQ(cli_.run({"post", text}).exitCode, 0);
  }
  auto result = cli_.run({"timeline", "--limit", "2"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("third tweet"), std::string::npos);
  EXPECT_EQ(result.out.find("first tweet"), std::string::npos);
  const std::string marker = "--before ";
  const auto at = result.out.rfind(marker);
  ASSERT_NE(at, std::string::npos) << result.out;
  std::string cursor = result.out.substr(at + marker.size());
  cursor.erase(cursor.find('\n'));

  result = cli_.run({"timeline", "--limit", "2", "--before", cursor});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("first tweet"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("second tweet"), std::string::npos) << result.out;
}

TEST_F(ClientCliTest, UsageErrorsExitWith2) {
  EXPECT_EQ(cli_.run({}).exitCode, 2);
  EXPECT_EQ(cli_.run({"timeline", "--limit", "0"}).exitCode, 2);
  EXPECT_EQ(cli_.run({"no-such-command"}).exitCode, 2);
  const auto help = cli_.run({"--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("Exit codes:"), std::string::npos) << help.out;

  CliRunner https("https://127.0.0.1:1");
  const auto result = https.run({"whoami"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("https is not supported yet"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace mt::testing
