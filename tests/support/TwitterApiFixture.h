#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "TestDatabases.h"
#include "TwitterApi.h"
#include "TwitterTestServer.h"

namespace mt::testing {

// A Twitter API test, run once per backend. One server per backend serves every test
// of a suite (tests keep apart by using fresh usernames and hashtags), so a suite pays
// for one start-up and one migration, not one per test.
class TwitterApiFixture : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!backendAvailable(GetParam())) GTEST_SKIP() << backendName(GetParam()) << " unavailable";
    auto& server = servers()[GetParam()];
    if (!server) server = std::make_unique<TwitterTestServer>(GetParam());
    server_ = server.get();
    api_ = std::make_unique<TwitterApi>(server_->port());
  }
  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->troubleInOutput(), "") << "in the server's output";
    }
  }
  static void TearDownTestSuite() { servers().clear(); }

  TwitterTestServer& server() { return *server_; }
  TwitterApi& api() { return *api_; }

  // Shortcuts for the test bodies.
  GraphQLResponse run(const std::string& query,
                      const nlohmann::json& variables = nlohmann::json::object(),
                      const std::string& token = "") {
    return api_->run(query, variables, token);
  }
  nlohmann::json mustRun(const std::string& query,
                         const nlohmann::json& variables = nlohmann::json::object(),
                         const std::string& token = "") {
    return api_->mustRun(query, variables, token);
  }

 private:
  static std::map<Backend, std::unique_ptr<TwitterTestServer>>& servers() {
    static std::map<Backend, std::unique_ptr<TwitterTestServer>> perBackend;
    return perBackend;
  }

  TwitterTestServer* server_ = nullptr;
  std::unique_ptr<TwitterApi> api_;
};

inline std::string backendTestName(const ::testing::TestParamInfo<Backend>& info) {
  return backendName(info.param);
}

// Use as EXPECT_TRUE(isGraphQLError(response, "BAD_USER_INPUT", "username")): the first
// error has extensions.code `code` (and extensions.field `field`, when given).
inline ::testing::AssertionResult isGraphQLError(const GraphQLResponse& response,
                                                 const std::string& code,
                                                 const std::optional<std::string>& field = {}) {
  if (!response.hasErrors()) {
    return ::testing::AssertionFailure() << "expected " << code << ", got:\n"
                                         << response.describe();
  }
  if (response.errorCode() != code || (field && response.errorField() != *field)) {
    return ::testing::AssertionFailure()
           << "expected " << code << (field ? " on field " + *field : std::string()) << ", got:\n"
           << response.describe();
  }
  return ::testing::AssertionSuccess();
}

}  // namespace mt::testing
