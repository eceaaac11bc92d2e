// query: a raw GraphQL document through the real client and server.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ClientCliFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

class ClientQueryCommandTest : public ClientCliBackendTest {};

TEST_P(ClientQueryCommandTest, DocumentFromArgumentFileOrStandardInput) {
  const std::string name = signUp(cli());
  auto result = cli().run({"query", "{ me { username } echo(message: \"hi\") }"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out), json({{"me", {{"username", name}}}, {"echo", "hi"}}));

  result = cli().run({"query", "-"}, "{ echo(message: \"from stdin\") }");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out), json({{"echo", "from stdin"}}));

  const auto file = cli().configHome() / "document.graphql";
  std::ofstream(file) << "mutation { echo(message: \"from a file\") }\n";
  result = cli().run({"query", "--file", file.string()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out), json({{"echo", "from a file"}}));

  result = cli().run({"query", "--file", (cli().configHome() / "missing.graphql").string()});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("cannot read"), std::string::npos) << result.err;
}

TEST_P(ClientQueryCommandTest, VariablesFromJsonAndAssignments) {
  const std::string name = signUp(cli());
  const std::string query =
      "query($u: String!, $m: String!, $n: Int) { user(username: $u) { username"
      " tweets(first: $n) { nodes { id } } } echo(message: $m) }";
  auto result = cli().run({"query", query, "--variables", json({{"u", name}, {"m", "x"}}).dump(),
                           "--var", "m=overridden", "--var", "n=5"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  json data = json::parse(result.out);
  EXPECT_EQ(data["user"]["username"], name);
  EXPECT_EQ(data["echo"], "overridden");

  // A value that reads as JSON is JSON; quoted, it stays a string.
  result = cli().run({"query", query, "--var", "u=" + name, "--var", "m=\"42\""});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["echo"], "42");
}

TEST_P(ClientQueryCommandTest, ErrorsAreOneLineWithTheRightExitCode) {
  auto result = cli().run({"query", "{ noSuchField }"});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("noSuchField"), std::string::npos) << result.err;

  result = cli().run({"query", "{ timeline { nodes { id } } }"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("minitwitter-client login"), std::string::npos) << result.err;

  for (const std::vector<std::string>& args : {std::vector<std::string>{"query"},
                                               {"query", "{ version }", "--file", "x.graphql"},
                                               {"query", "{ version }", "--variables", "[1, 2]"},
                                               {"query", "{ version }", "--variables", "{not json"},
                                               {"query", "{ version }", "--var", "novalue"}}) {
    result = cli().run(args);
    EXPECT_EQ(result.exitCode, 2) << args.back();
    EXPECT_TRUE(isOneLine(result.err)) << result.err;
  }
}

TEST_P(ClientQueryCommandTest, AFailedLoginInTheDocumentKeepsTheSession) {
  const std::string name = signUp(cli());
  auto result = cli().run({"query",
                           "mutation($u: String!) { login(username: $u, password: "
                           "\"wrong password\") { token } }",
                           "--var", "u=" + name});
  EXPECT_EQ(result.exitCode, 5);
  EXPECT_EQ(result.err, "minitwitter-client: wrong username or password\n");
  EXPECT_EQ(cli().run({"whoami"}).exitCode, 0);

  std::ifstream in(cli().credentialsFile());
  json credentials = json::parse(in);
  credentials[serverUrl()]["token"] = "revoked";
  std::ofstream(cli().credentialsFile()) << credentials.dump();
  result = cli().run({"query", "{ timeline { nodes { id } } }"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_NE(result.err.find("minitwitter-client login " + name), std::string::npos) << result.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientQueryCommandTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
