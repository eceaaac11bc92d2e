#include "ApiClient.h"

#include <httplib.h>

#include "ApiErrors.h"

namespace mt::client {

namespace {

constexpr int kConnectTimeoutSeconds = 5;
constexpr int kReadTimeoutSeconds = 30;

std::string stringOr(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// The first GraphQL error of a response, or nullptr when there is none.
const nlohmann::json* firstError(const nlohmann::json& response) {
  if (!response.is_object()) return nullptr;
  auto errors = response.find("errors");
  if (errors == response.end() || !errors->is_array() || errors->empty()) return nullptr;
  return &errors->front();
}

ApiError toApiError(const nlohmann::json& error) {
  const nlohmann::json extensions =
      error.is_object() && error.contains("extensions") ? error["extensions"] : nlohmann::json();
  std::string message = stringOr(error, "message");
  if (message.empty()) message = "the server refused the request";
  return ApiError(stringOr(extensions, "code"), stringOr(extensions, "field"), message);
}

}  // namespace

ApiClient::ApiClient(const std::string& serverUrl)
    : url_(ServerUrl::parse(serverUrl)), serverName_(url_.canonical()) {}

nlohmann::json ApiClient::execute(const std::string& query, const nlohmann::json& variables,
                                  const std::string& token) const {
  httplib::Client http(url_.host, url_.port);
  http.set_connection_timeout(kConnectTimeoutSeconds, 0);
  http.set_read_timeout(kReadTimeoutSeconds, 0);
  http.set_write_timeout(kReadTimeoutSeconds, 0);

  nlohmann::json body = {{"query", query}};
  if (!variables.is_null()) body["variables"] = variables;
  httplib::Headers headers = {{"Accept", "application/json"}};
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);

  auto result = http.Post(url_.apiPath().c_str(), headers, body.dump(), "application/json");
  if (!result) {
    const auto error = result.error();
    if (error == httplib::Error::Connection || error == httplib::Error::ConnectionTimeout) {
      throw ServerUnreachable(serverName_);
    }
    throw ServerError("the server at " + serverName_ + " did not answer (" +
                      httplib::to_string(error) + ")");
  }

  nlohmann::json response = nlohmann::json::parse(result->body, nullptr, false);
  const nlohmann::json* error = firstError(response);
  if (result->status >= 500) {
    std::string detail = error ? ": " + stringOr(*error, "message") : "";
    throw ServerError("the server at " + serverName_ + " failed (HTTP " +
                      std::to_string(result->status) + ")" + detail);
  }
  if (response.is_discarded() || !response.is_object()) {
    throw ServerError("the server at " + serverName_ +
                      " sent a response that is not GraphQL (HTTP " +
                      std::to_string(result->status) + "): is it a minitwitter server?");
  }
  if (error) throw toApiError(*error);
  auto data = response.find("data");
  if (data == response.end() || !data->is_object()) {
    throw ServerError("the server at " + serverName_ + " sent a response without data");
  }
  return *data;
}

}  // namespace mt::client
