// Accounts through the real server: signup, login, logout, profiles, the session
// cookie, and every rule on usernames, passwords, display names and bios.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>

#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

constexpr const char* kSignup =
    "mutation($u: String!, $p: String!, $d: String) { signup(username: $u, password: $p, "
    "displayName: $d) { token expiresAt user { id username displayName bio createdAt tweetCount "
    "followerCount followingCount isViewer } } }";
constexpr const char* kLogin =
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
    "{ token expiresAt user { id username isViewer } } }";
constexpr const char* kUpdateProfile =
    "mutation($d: String, $b: String) { updateProfile(displayName: $d, bio: $b) "
    "{ id username displayName bio } }";
constexpr const char* kMe = "{ me { id username displayName bio isViewer } }";

json signupVariables(const std::string& username, const std::string& password = kTestPassword) {
  return {{"u", username}, {"p", password}, {"d", nullptr}};
}

// The `minitwitter_session` Set-Cookie of a response, if any.
std::optional<std::string> sessionSetCookie(const GraphQLResponse& response) {
  auto [first, last] = response.wire.headers.equal_range("set-cookie");
  for (auto it = first; it != last; ++it) {
    if (it->second.rfind("minitwitter_session=", 0) == 0) return it->second;
  }
  return std::nullopt;
}

std::string cookieValue(const std::string& setCookie) {
  auto start = setCookie.find('=') + 1;
  return setCookie.substr(start, setCookie.find(';') - start);
}

bool containsIgnoringCase(std::string haystack, std::string needle) {
  for (auto* s : {&haystack, &needle}) {
    for (char& c : *s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return haystack.find(needle) != std::string::npos;
}

class TwitterAccountsTest : public TwitterApiFixture {};

TEST_P(TwitterAccountsTest, SignupCreatesTheAccountAndLogsIn) {
  std::string username = uniqueUsername("Signup");
  GraphQLResponse response =
      run(kSignup, {{"u", username}, {"p", kTestPassword}, {"d", "Ada Lovelace"}});
  ASSERT_FALSE(response.hasErrors()) << response.describe();
  EXPECT_EQ(response.status(), 200);
  const json& payload = response.data()["signup"];
  std::string token = payload["token"];
  EXPECT_GE(token.size(), 16u) << "a session token should not be guessable";
  const json& user = payload["user"];
  EXPECT_FALSE(user["id"].get<std::string>().empty());
  EXPECT_EQ(user["username"], username) << "as written, case kept";
  EXPECT_EQ(user["displayName"], "Ada Lovelace");
  EXPECT_EQ(user["bio"], "");
  EXPECT_EQ(user["tweetCount"], 0);
  EXPECT_EQ(user["followerCount"], 0);
  EXPECT_EQ(user["followingCount"], 0);
  EXPECT_EQ(user["isViewer"], true);

  auto createdAt = parseRfc3339(user["createdAt"]);
  auto expiresAt = parseRfc3339(payload["expiresAt"]);
  ASSERT_TRUE(createdAt) << user["createdAt"];
  ASSERT_TRUE(expiresAt) << payload["expiresAt"];
  EXPECT_NEAR(*createdAt, static_cast<double>(std::time(nullptr)), 300);
  // The default session lasts 30 days.
  EXPECT_NEAR(*expiresAt - *createdAt, 30 * 24 * 3600, 300);
  EXPECT_TRUE(sessionSetCookie(response)) << "signup logs in, as login does:\n"
                                          << response.describe();

  json me = mustRun(kMe, {}, token)["me"];
  EXPECT_EQ(me["id"], user["id"]);
  EXPECT_EQ(me["username"], username);
  EXPECT_EQ(me["isViewer"], true);
}

TEST_P(TwitterAccountsTest, SignupWithoutADisplayNameStillHasOne) {
  std::string username = uniqueUsername("nodisplay");
  json data = mustRun(kSignup, signupVariables(username));
  EXPECT_FALSE(data["signup"]["user"]["displayName"].get<std::string>().empty());
}

TEST_P(TwitterAccountsTest, UsernamesOfThreeAndTwentyCharactersAreAccepted) {
  std::string twenty = uniqueUsername("Twenty_chars");
  twenty += std::string(20 - twenty.size(), 'x');
  ASSERT_EQ(twenty.size(), 20u);
  EXPECT_EQ(mustRun(kSignup, signupVariables(twenty))["signup"]["user"]["username"], twenty);

  // Three characters, unique on this server: the counter in base 36.
  std::string counter = uniqueUsername("");  // "_<n>"
  int n = std::stoi(counter.substr(1));
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string three = {'Z', digits[(n / 36) % 36], digits[n % 36]};
  EXPECT_EQ(mustRun(kSignup, signupVariables(three))["signup"]["user"]["username"], three);
}

TEST_P(TwitterAccountsTest, UsernamesOutsideTheRulesAreRefused) {
  for (const std::string& bad :
       {std::string(""), std::string("ab"), std::string(21, 'a'), std::string("with space"),
        std::string("dash-name"), std::string("dot.name"), std::string("at@name"),
        std::string("\xc3\xa9mile_x"), std::string("emoji\xf0\x9f\x98\x80"),
        std::string("tab\tname"), std::string("'; DROP TABLE users; --")}) {
    SCOPED_TRACE(bad);
    EXPECT_TRUE(isGraphQLError(run(kSignup, signupVariables(bad)), "BAD_USER_INPUT", "username"));
  }
}

TEST_P(TwitterAccountsTest, ReservedUsernamesAreRefused) {
  for (std::string reserved : {"admin", "Admin", "ROOT", "api", "graphql", "signup", "login"}) {
    SCOPED_TRACE(reserved);
    EXPECT_TRUE(
        isGraphQLError(run(kSignup, signupVariables(reserved)), "BAD_USER_INPUT", "username"));
  }
}

TEST_P(TwitterAccountsTest, AUsernameTakenInAnotherCaseIsRefused) {
  std::string username = uniqueUsername("CaseTaken");
  api().signup(username);
  std::string lower = username;
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string upper = username;
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& again : {username, lower, upper}) {
    SCOPED_TRACE(again);
    EXPECT_TRUE(isGraphQLError(run(kSignup, signupVariables(again)), "CONFLICT", "username"));
  }
}

TEST_P(TwitterAccountsTest, PasswordsOfEightToOneHundredTwentyEightCharacters) {
  std::string eight = "12345678";
  std::string max = repeated("p", 128);
  for (const std::string& good : {eight, max, repeated("\xc3\xa9", 8)}) {
    std::string username = uniqueUsername("pwok");
    EXPECT_NO_THROW(api().signup(username, good)) << good.size();
    EXPECT_NO_THROW(api().login(username, good));
  }
  // Characters are code points: eight-byte strings of fewer characters are too short.
  for (const std::string& bad : {std::string(""), std::string("1234567"), repeated("p", 129),
                                 repeated("\xf0\x9f\x94\x91", 7), repeated("\xc3\xa9", 4)}) {
    SCOPED_TRACE(bad.size());
    EXPECT_TRUE(isGraphQLError(run(kSignup, signupVariables(uniqueUsername("pwbad"), bad)),
                               "BAD_USER_INPUT", "password"));
  }
  // Nor only white space, nor the username in any case.
  EXPECT_TRUE(isGraphQLError(run(kSignup, signupVariables(uniqueUsername("pwbad"), "          ")),
                             "BAD_USER_INPUT", "password"));
  std::string username = uniqueUsername("Same_As_Pw");
  std::string lower = username;
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(
      isGraphQLError(run(kSignup, signupVariables(username, lower)), "BAD_USER_INPUT", "password"));
}

TEST_P(TwitterAccountsTest, DisplayNamesOfOneToFiftyCharacters) {
  std::string fiftyEmoji = repeated("\xf0\x9f\x90\xa6", 50);  // 200 bytes, 50 characters
  json data = mustRun(kSignup, {{"u", uniqueUsername("dn")}, {"p", kTestPassword}, {"d", "A"}});
  EXPECT_EQ(data["signup"]["user"]["displayName"], "A");
  data = mustRun(kSignup, {{"u", uniqueUsername("dn")}, {"p", kTestPassword}, {"d", fiftyEmoji}});
  EXPECT_EQ(data["signup"]["user"]["displayName"], fiftyEmoji);

  // Surrounding white space goes before the length is counted.
  data = mustRun(
      kSignup,
      {{"u", uniqueUsername("dn")}, {"p", kTestPassword}, {"d", "  " + repeated("d", 50) + " "}});
  EXPECT_EQ(data["signup"]["user"]["displayName"], repeated("d", 50));

  for (const std::string& bad : {std::string(""), std::string("   "), repeated("d", 51),
                                 repeated("\xf0\x9f\x90\xa6", 51), std::string("two\nlines")}) {
    SCOPED_TRACE(bad.size());
    EXPECT_TRUE(isGraphQLError(
        run(kSignup, {{"u", uniqueUsername("dnbad")}, {"p", kTestPassword}, {"d", bad}}),
        "BAD_USER_INPUT", "displayName"));
  }
}

TEST_P(TwitterAccountsTest, UserLookupIgnoresCaseAndKeepsTheSpelling) {
  std::string username = uniqueUsername("MixedCase");
  TwitterAccount account = api().signup(username);
  std::string upper = username;
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  json user = mustRun("query($u: String!) { user(username: $u) { id username isViewer } }",
                      {{"u", upper}})["user"];
  EXPECT_EQ(user["id"], account.id);
  EXPECT_EQ(user["username"], username);
  EXPECT_EQ(user["isViewer"], false) << "anonymous reader";

  json missing = mustRun("query($u: String!) { user(username: $u) { id } }",
                         {{"u", uniqueUsername("nobody")}});
  EXPECT_TRUE(missing["user"].is_null());
}

TEST_P(TwitterAccountsTest, MeIsNullForAnAnonymousReader) {
  EXPECT_TRUE(mustRun(kMe)["me"].is_null());
}

TEST_P(TwitterAccountsTest, LoginGivesANewTokenAndIgnoresUsernameCase) {
  TwitterAccount account = api().newAccount("Login");
  std::string upper = account.username;
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  GraphQLResponse response = run(kLogin, {{"u", upper}, {"p", kTestPassword}});
  ASSERT_FALSE(response.hasErrors()) << response.describe();
  const json& payload = response.data()["login"];
  std::string token = payload["token"];
  EXPECT_NE(token, account.token) << "every login is a session of its own";
  EXPECT_EQ(payload["user"]["id"], account.id);
  EXPECT_EQ(payload["user"]["username"], account.username);
  EXPECT_EQ(payload["user"]["isViewer"], true);
  EXPECT_TRUE(parseRfc3339(payload["expiresAt"]));
  // Both sessions work.
  EXPECT_EQ(mustRun(kMe, {}, token)["me"]["id"], account.id);
  EXPECT_EQ(mustRun(kMe, {}, account.token)["me"]["id"], account.id);
}

TEST_P(TwitterAccountsTest, AWrongPasswordAndAnUnknownUserFailAlike) {
  TwitterAccount account = api().newAccount("wrongpw");
  GraphQLResponse wrongPassword =
      run(kLogin, {{"u", account.username}, {"p", std::string(kTestPassword) + "!"}});
  GraphQLResponse unknownUser = run(kLogin, {{"u", uniqueUsername("ghost")}, {"p", kTestPassword}});
  EXPECT_TRUE(isGraphQLError(wrongPassword, "UNAUTHENTICATED"));
  EXPECT_TRUE(isGraphQLError(unknownUser, "UNAUTHENTICATED"));
  EXPECT_EQ(wrongPassword.errorMessage(), unknownUser.errorMessage())
      << "the answer must not tell which usernames exist";
  EXPECT_FALSE(sessionSetCookie(wrongPassword));
  EXPECT_TRUE(wrongPassword.data().is_null());
}

TEST_P(TwitterAccountsTest, LogoutEndsOnlyThatSessionAtOnce) {
  TwitterAccount account = api().newAccount("logout");
  std::string second = api().login(account.username);
  EXPECT_EQ(mustRun("mutation { logout }", {}, account.token)["logout"], true);
  EXPECT_TRUE(mustRun(kMe, {}, account.token)["me"].is_null());
  EXPECT_TRUE(
      isGraphQLError(run("{ timeline { nodes { id } } }", {}, account.token), "UNAUTHENTICATED"));
  EXPECT_EQ(mustRun("mutation { logout }", {}, account.token)["logout"], false)
      << "that session is gone already";
  EXPECT_EQ(mustRun(kMe, {}, second)["me"]["id"], account.id) << "the other session lives on";
  EXPECT_EQ(mustRun("mutation { logout }")["logout"], false) << "anonymous";
}

TEST_P(TwitterAccountsTest, UpdateProfileChangesOnlyTheFieldsGiven) {
  TwitterAccount account = api().newAccount("profile");
  json user = mustRun(kUpdateProfile, {{"d", "New Name"}, {"b", nullptr}}, account.token);
  EXPECT_EQ(user["updateProfile"]["displayName"], "New Name");
  EXPECT_EQ(user["updateProfile"]["bio"], "");
  EXPECT_EQ(user["updateProfile"]["id"], account.id);

  std::string bio = repeated("\xe2\x9c\xa8", 160);  // 160 characters, 480 bytes
  user = mustRun(kUpdateProfile, {{"d", nullptr}, {"b", bio}}, account.token);
  EXPECT_EQ(user["updateProfile"]["displayName"], "New Name");
  EXPECT_EQ(user["updateProfile"]["bio"], bio);

  json me = mustRun(kMe, {}, account.token)["me"];
  EXPECT_EQ(me["displayName"], "New Name");
  EXPECT_EQ(me["bio"], bio);
  json seen = mustRun("query($u: String!) { user(username: $u) { displayName bio } }",
                      {{"u", account.username}})["user"];
  EXPECT_EQ(seen["displayName"], "New Name");
  EXPECT_EQ(seen["bio"], bio);

  user = mustRun(kUpdateProfile, {{"d", nullptr}, {"b", ""}}, account.token);
  EXPECT_EQ(user["updateProfile"]["bio"], "") << "a bio can be cleared";
}

TEST_P(TwitterAccountsTest, UpdateProfileEnforcesTheLimits) {
  TwitterAccount account = api().newAccount("limits");
  EXPECT_TRUE(isGraphQLError(run(kUpdateProfile, {{"d", ""}, {"b", nullptr}}, account.token),
                             "BAD_USER_INPUT", "displayName"));
  EXPECT_TRUE(
      isGraphQLError(run(kUpdateProfile, {{"d", repeated("n", 51)}, {"b", nullptr}}, account.token),
                     "BAD_USER_INPUT", "displayName"));
  EXPECT_TRUE(isGraphQLError(
      run(kUpdateProfile, {{"d", nullptr}, {"b", repeated("b", 161)}}, account.token),
      "BAD_USER_INPUT", "bio"));
  EXPECT_TRUE(isGraphQLError(
      run(kUpdateProfile, {{"d", nullptr}, {"b", repeated("\xe2\x9c\xa8", 161)}}, account.token),
      "BAD_USER_INPUT", "bio"));
  // Nothing changed.
  json me = mustRun(kMe, {}, account.token)["me"];
  EXPECT_EQ(me["bio"], "");
  EXPECT_EQ(me["displayName"].get<std::string>().empty(), false);
  EXPECT_TRUE(isGraphQLError(run(kUpdateProfile, {{"d", "x"}, {"b", nullptr}}), "UNAUTHENTICATED"));
}

TEST_P(TwitterAccountsTest, LoginSetsAnHttpOnlySameSiteSessionCookie) {
  TwitterAccount account = api().newAccount("cookie");
  GraphQLResponse response = run(kLogin, {{"u", account.username}, {"p", kTestPassword}});
  ASSERT_FALSE(response.hasErrors()) << response.describe();
  auto setCookie = sessionSetCookie(response);
  ASSERT_TRUE(setCookie) << response.describe();
  EXPECT_TRUE(containsIgnoringCase(*setCookie, "; HttpOnly")) << *setCookie;
  EXPECT_TRUE(containsIgnoringCase(*setCookie, "; SameSite=Lax")) << *setCookie;
  EXPECT_TRUE(containsIgnoringCase(*setCookie, "; Path=/")) << *setCookie;
  EXPECT_FALSE(containsIgnoringCase(*setCookie, "; Secure")) << "not without --secure-cookie";
  std::string value = cookieValue(*setCookie);
  ASSERT_FALSE(value.empty());

  // The cookie alone authenticates, also among other cookies.
  for (const std::string& header :
       {"minitwitter_session=" + value, "theme=dark; minitwitter_session=" + value + "; lang=en"}) {
    SCOPED_TRACE(header);
    GraphQLResponse me = api().client().execute(kMe, json::object(), GraphQLAuth{"", header, ""});
    ASSERT_FALSE(me.hasErrors()) << me.describe();
    EXPECT_EQ(me.data()["me"]["username"], account.username);
  }

  // Logging out with the cookie ends that session and tells the browser to drop it.
  GraphQLResponse logout = api().client().execute(
      "mutation { logout }", json::object(), GraphQLAuth{"", "minitwitter_session=" + value, ""});
  EXPECT_EQ(logout.data()["logout"], true) << logout.describe();
  auto cleared = sessionSetCookie(logout);
  ASSERT_TRUE(cleared) << logout.describe();
  EXPECT_TRUE(cookieValue(*cleared).empty() || containsIgnoringCase(*cleared, "Max-Age=0") ||
              containsIgnoringCase(*cleared, "1970"))
      << *cleared;
  EXPECT_TRUE(containsIgnoringCase(*cleared, "Max-Age=0") ||
              containsIgnoringCase(*cleared, "Expires=Thu, 01 Jan 1970"))
      << "the browser must drop it now: " << *cleared;
  GraphQLResponse after = api().client().execute(
      kMe, json::object(), GraphQLAuth{"", "minitwitter_session=" + value, ""});
  EXPECT_TRUE(after.data()["me"].is_null()) << after.describe();
}

TEST_P(TwitterAccountsTest, ABearerTokenWinsOverTheCookie) {
  TwitterAccount alice = api().newAccount("bearer_a");
  TwitterAccount bob = api().newAccount("bearer_b");
  GraphQLResponse me = api().client().execute(
      kMe, json::object(), GraphQLAuth{alice.token, "minitwitter_session=" + bob.token, ""});
  EXPECT_EQ(me.data()["me"]["username"], alice.username) << me.describe();
}

TEST_P(TwitterAccountsTest, VersionServerTimeAndEcho) {
  json data = mustRun("{ version serverTime }");
  EXPECT_EQ(data["version"].get<std::string>().rfind("minitwitter ", 0), 0u) << data;
  auto now = parseRfc3339(data["serverTime"]);
  ASSERT_TRUE(now) << data;
  EXPECT_NEAR(*now, static_cast<double>(std::time(nullptr)), 300);
  json echo = mustRun("mutation($m: String!) { echo(message: $m) }",
                      {{"m", "h\xc3\xa9llo \"quoted\" \\ back"}});
  EXPECT_EQ(echo["echo"], "h\xc3\xa9llo \"quoted\" \\ back");
  EXPECT_EQ(mustRun("query($m: String!) { echo(message: $m) }", {{"m", "as a query"}})["echo"],
            "as a query");
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterAccountsTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

// Not per backend: the refusal happens before any database is opened.
TEST(TwitterServeFlagsTest, CheapPasswordHashingNeedsExplicitConsent) {
  // A database path of its own, so that a server that wrongly starts writes nothing
  // anywhere else.
  char folder[] = "/tmp/mt-cheap-XXXXXX";
  ASSERT_NE(::mkdtemp(folder), nullptr);
  std::string command = std::string("timeout 20 ") + MINITWITTER_BIN +
                        " serve --port 0 --bind 127.0.0.1 --database " + folder +
                        "/never.db --password-cost cheap 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char chunk[4096];
  while (std::size_t n = std::fread(chunk, 1, sizeof(chunk), pipe))
    output.append(chunk, n);
  int status = ::pclose(pipe);
  std::filesystem::remove_all(folder);
  ASSERT_TRUE(WIFEXITED(status)) << output;
  EXPECT_NE(WEXITSTATUS(status), 0) << output;
  EXPECT_NE(WEXITSTATUS(status), 124) << "it served instead of refusing:\n" << output;
  EXPECT_NE(output.find("--allow-cheap-passwords"), std::string::npos) << output;
}

}  // namespace
}  // namespace mt::testing
