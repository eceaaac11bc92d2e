#include "GraphQLResponse.h"

namespace mt::client {

namespace {

std::string stringOr(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

const nlohmann::json* firstError(const nlohmann::json& result) {
  if (!result.is_object()) return nullptr;
  auto errors = result.find("errors");
  if (errors == result.end() || !errors->is_array() || errors->empty()) return nullptr;
  return &errors->front();
}

ApiError toApiError(const nlohmann::json& error) {
  const nlohmann::json extensions =
      error.is_object() && error.contains("extensions") ? error["extensions"] : nlohmann::json();
  std::string message = stringOr(error, "message");
  if (message.empty()) message = "the server refused the request";
  return ApiError(stringOr(extensions, "code"), stringOr(extensions, "field"), message);
}

nlohmann::json responseData(const std::string& serverName, int status, const std::string& body) {
  nlohmann::json response = nlohmann::json::parse(body, nullptr, false);
  const nlohmann::json* error = firstError(response);
  if (status >= 500) {
    std::string detail = error ? ": " + stringOr(*error, "message") : "";
    throw ServerError("the server at " + serverName + " failed (HTTP " + std::to_string(status) +
                      ")" + detail);
  }
  if (response.is_discarded() || !response.is_object()) {
    throw ServerError("the server at " + serverName +
                      " sent a response that is not GraphQL (HTTP " + std::to_string(status) +
                      "): is it a minitwitter server?");
  }
  if (error) throw toApiError(*error);
  auto data = response.find("data");
  if (data == response.end() || !data->is_object()) {
    throw ServerError("the server at " + serverName + " sent a response without data");
  }
  return *data;
}

}  // namespace mt::client
