#include "AuthOperations.h"

#include "ApiErrors.h"

namespace mt::client {

namespace {

constexpr const char* kUserFields =
    "id username displayName tweetCount followerCount followingCount";

Session toSession(const nlohmann::json& data, const char* field) {
  const nlohmann::json& payload = data.at(field);
  if (!payload.is_object() || !payload.contains("token") || !payload["token"].is_string()) {
    throw ServerError(std::string("the server's answer to ") + field + " has no token");
  }
  Session session;
  session.token = payload["token"].get<std::string>();
  session.expiresAt = payload.value("expiresAt", "");
  session.user = User::fromJson(payload.at("user"));
  session.raw = data;
  return session;
}

}  // namespace

Session signup(const ApiClient& api, const std::string& username, const std::string& password,
               const std::optional<std::string>& displayName) {
  nlohmann::json variables = {{"username", username}, {"password", password}};
  if (displayName) variables["displayName"] = *displayName;
  const auto data = api.execute(
      std::string("mutation($username: String!, $password: String!, $displayName: String) {"
                  " signup(username: $username, password: $password, displayName: $displayName)"
                  " { token expiresAt user { ") +
          kUserFields + " } } }",
      variables);
  return toSession(data, "signup");
}

Session login(const ApiClient& api, const std::string& username, const std::string& password) {
  const auto data = api.execute(std::string("mutation($username: String!, $password: String!) {"
                                            " login(username: $username, password: $password)"
                                            " { token expiresAt user { ") +
                                    kUserFields + " } } }",
                                {{"username", username}, {"password", password}});
  return toSession(data, "login");
}

bool logout(const ApiClient& api, const std::string& token) {
  const auto data = api.execute("mutation { logout }", nullptr, token);
  return data.value("logout", false);
}

std::optional<User> me(const ApiClient& api, const std::string& token, nlohmann::json* raw) {
  const auto data =
      api.execute(std::string("{ me { ") + kUserFields + " bio createdAt } }", nullptr, token);
  if (raw) *raw = data;
  if (!data.contains("me") || data["me"].is_null()) return std::nullopt;
  return User::fromJson(data["me"]);
}

}  // namespace mt::client
