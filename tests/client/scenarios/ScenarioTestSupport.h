#pragma once

#include <deque>
#include <nlohmann/json.hpp>
#include <string>

#include "HttpMessage.h"
#include "Scenario.h"

namespace mt::load::testing {

// Hand-written server answers. HttpResponse only views its body, so the texts live in
// a deque (stable addresses) as long as the Responses object.
class Responses {
 public:
  HttpResponse make(int status, std::string body) {
    bodies_.push_back(std::move(body));
    return HttpResponse{status, "application/json", bodies_.back()};
  }
  HttpResponse data(const nlohmann::json& data) {
    return make(200, nlohmann::json{{"data", data}}.dump());
  }
  HttpResponse error(const std::string& code, const std::string& field = "x") {
    nlohmann::json error = {
        {"message", "it failed"}, {"path", {field}}, {"extensions", {{"code", code}}}};
    return make(200, nlohmann::json{{"errors", {error}}, {"data", nullptr}}.dump());
  }
  HttpResponse token(const std::string& field, const std::string& token) {
    return data({{field, {{"token", token}}}});
  }
  // A timeline page with these tweet ids.
  HttpResponse timeline(const std::vector<std::string>& ids) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const std::string& id : ids)
      nodes.push_back({{"id", id}, {"text", "t"}});
    return data({{"timeline", {{"nodes", nodes}, {"pageInfo", {{"hasNextPage", false}}}}}});
  }

 private:
  std::deque<std::string> bodies_;
};

inline nlohmann::json bodyOf(const Request& request) {
  return nlohmann::json::parse(request.http.body);
}
inline nlohmann::json variablesOf(const Request& request) {
  return bodyOf(request).at("variables");
}

// Runs the set-up of `user` with a successful sign-up answering `token`.
inline void signUp(VirtualUser& user, Responses& responses, const std::string& token = "tok") {
  auto request = user.nextSetupRequest();
  if (!request) return;
  user.handleResponse(responses.token("signup", token));
}

inline ScenarioSettings accountSettings(const std::string& name) {
  ScenarioSettings settings;
  settings.name = name;
  settings.population = 100;
  return settings;
}

}  // namespace mt::load::testing
