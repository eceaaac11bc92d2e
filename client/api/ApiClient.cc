#include "ApiClient.h"

#include <httplib.h>

#include "ApiErrors.h"
#include "GraphQLResponse.h"

namespace mt::client {

namespace {

constexpr int kConnectTimeoutSeconds = 5;
constexpr int kReadTimeoutSeconds = 30;

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

  return responseData(serverName_, result->status, result->body);
}

}  // namespace mt::client
