// Set-up of users with accounts: sign up, log in when the name is taken, keep the token.
#include <gtest/gtest.h>

#include "Scenario.h"
#include "ScenarioTestSupport.h"

namespace mt::load {
namespace {

using testing::accountSettings;
using testing::Responses;
using testing::variablesOf;

class AccountSetupTest : public ::testing::TestWithParam<const char*> {};

TEST_P(AccountSetupTest, SignsUpThenUsesTheTokenInEveryRequest) {
  auto scenario = makeScenario(accountSettings(GetParam()));
  ASSERT_TRUE(scenario->needsAccounts());
  auto user = scenario->makeUser(7);
  Responses responses;

  std::optional<Request> signup = user->nextSetupRequest();
  ASSERT_TRUE(signup);
  EXPECT_EQ(signup->operation, "signup");
  EXPECT_EQ(signup->http.method, "POST");
  EXPECT_EQ(signup->http.target, "/api");
  EXPECT_EQ(signup->http.contentType, "application/json");
  EXPECT_EQ(signup->http.authorization, "");
  EXPECT_EQ(variablesOf(*signup)["u"], "load7");
  EXPECT_EQ(variablesOf(*signup)["p"], "load-password");
  EXPECT_NE(testing::bodyOf(*signup)["query"].get<std::string>().find("signup("),
            std::string::npos);

  EXPECT_TRUE(user->handleResponse(responses.token("signup", "secret-token")).ok());
  EXPECT_FALSE(user->nextSetupRequest());
  for (int i = 0; i < 10; ++i) {
    Request request = user->nextRequest();
    EXPECT_EQ(request.http.authorization, "Bearer secret-token") << request.operation;
    EXPECT_EQ(request.http.target, "/api");
    EXPECT_EQ(request.http.method, "POST");
    user->handleResponse(responses.data({{"x", 1}}));
  }
}

TEST_P(AccountSetupTest, LogsInWhenTheNameIsTaken) {
  auto scenario = makeScenario(accountSettings(GetParam()));
  auto user = scenario->makeUser(3);
  Responses responses;

  ASSERT_EQ(user->nextSetupRequest()->operation, "signup");
  Outcome conflict = user->handleResponse(responses.error("CONFLICT", "signup"));
  EXPECT_EQ(conflict.errorKind, "graphql:CONFLICT");

  std::optional<Request> login = user->nextSetupRequest();
  ASSERT_TRUE(login);
  EXPECT_EQ(login->operation, "login");
  EXPECT_EQ(login->http.authorization, "");
  EXPECT_EQ(variablesOf(*login)["u"], "load3");
  EXPECT_EQ(variablesOf(*login)["p"], "load-password");
  EXPECT_NE(testing::bodyOf(*login)["query"].get<std::string>().find("login("), std::string::npos);

  EXPECT_TRUE(user->handleResponse(responses.token("login", "login-token")).ok());
  EXPECT_FALSE(user->nextSetupRequest());
  EXPECT_EQ(user->nextRequest().http.authorization, "Bearer login-token");
}

TEST_P(AccountSetupTest, RepeatsAStepThatFailed) {
  auto scenario = makeScenario(accountSettings(GetParam()));
  auto user = scenario->makeUser(0);
  Responses responses;

  ASSERT_EQ(user->nextSetupRequest()->operation, "signup");
  user->handleFailure("connect");
  ASSERT_EQ(user->nextSetupRequest()->operation, "signup");
  EXPECT_EQ(user->handleResponse(responses.make(503, "busy")).errorKind, "http_503");
  ASSERT_EQ(user->nextSetupRequest()->operation, "signup");
  EXPECT_EQ(user->handleResponse(responses.error("CONFLICT")).errorKind, "graphql:CONFLICT");
  ASSERT_EQ(user->nextSetupRequest()->operation, "login");
  EXPECT_EQ(user->handleResponse(responses.error("UNAUTHENTICATED")).errorKind,
            "graphql:UNAUTHENTICATED");
  ASSERT_EQ(user->nextSetupRequest()->operation, "login");
  user->handleFailure("timeout");
  ASSERT_EQ(user->nextSetupRequest()->operation, "login");
  EXPECT_TRUE(user->handleResponse(responses.token("login", "t")).ok());
  EXPECT_FALSE(user->nextSetupRequest());
}

TEST_P(AccountSetupTest, AnAnswerWithoutATokenIsABadResponse) {
  auto scenario = makeScenario(accountSettings(GetParam()));
  auto user = scenario->makeUser(0);
  Responses responses;

  user->nextSetupRequest();
  EXPECT_EQ(user->handleResponse(responses.data({{"signup", nullptr}})).errorKind, "bad_response");
  ASSERT_EQ(user->nextSetupRequest()->operation, "signup");
  EXPECT_EQ(user->handleResponse(responses.token("signup", "a\r\nX-Evil: 1")).errorKind,
            "bad_response");
  ASSERT_EQ(user->nextSetupRequest()->operation, "signup");
  EXPECT_TRUE(user->handleResponse(responses.token("signup", "good")).ok());
  EXPECT_FALSE(user->nextSetupRequest());
}

TEST_P(AccountSetupTest, UsernamesFollowPrefixAndIndex) {
  ScenarioSettings settings = accountSettings(GetParam());
  settings.userPrefix = "Bench_";
  settings.population = 100000;
  auto scenario = makeScenario(settings);
  EXPECT_EQ(variablesOf(*scenario->makeUser(99999)->nextSetupRequest())["u"], "Bench_99999");
  EXPECT_EQ(variablesOf(*scenario->makeUser(0)->nextSetupRequest())["u"], "Bench_0");
}

INSTANTIATE_TEST_SUITE_P(Scenarios, AccountSetupTest, ::testing::Values("original", "mixed"));

TEST(StaticScenarioTest, GetsThePathWithoutAccounts) {
  ScenarioSettings settings;
  settings.name = "static";
  settings.staticPath = "/files/hello-1000.txt";
  auto scenario = makeScenario(settings);
  EXPECT_EQ(scenario->name(), "static");
  EXPECT_FALSE(scenario->needsAccounts());
  auto user = scenario->makeUser(5);
  EXPECT_FALSE(user->nextSetupRequest());
  Responses responses;
  for (int i = 0; i < 3; ++i) {
    Request request = user->nextRequest();
    EXPECT_EQ(request.operation, "static");
    EXPECT_EQ(request.http.method, "GET");
    EXPECT_EQ(request.http.target, "/files/hello-1000.txt");
    EXPECT_EQ(request.http.authorization, "");
    EXPECT_EQ(request.http.contentType, "");
    EXPECT_EQ(request.http.body, "");
    EXPECT_TRUE(user->handleResponse(responses.make(200, "hello")).ok());
  }
  user->nextRequest();
  EXPECT_EQ(user->handleResponse(responses.make(404, "no")).errorKind, "http_404");
  user->nextRequest();
  user->handleFailure("closed");
  EXPECT_EQ(user->nextRequest().http.target, "/files/hello-1000.txt");
}

TEST(StaticScenarioTest, AnyBodyIsFineWithStatus200) {
  ScenarioSettings settings;
  settings.name = "static";
  auto user = makeScenario(settings)->makeUser(0);
  Responses responses;
  EXPECT_EQ(user->nextRequest().http.target, "/files/hello-100.txt");
  EXPECT_TRUE(user->handleResponse(responses.make(200, "not json {")).ok());
}

}  // namespace
}  // namespace mt::load
