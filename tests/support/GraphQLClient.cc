#include "GraphQLClient.h"

#include <poll.h>

#include <stdexcept>

namespace mt::testing {

namespace {

const nlohmann::json& nullJson() {
  static const nlohmann::json null;
  return null;
}

// errors[i] as an object, or null.
const nlohmann::json& errorAt(const nlohmann::json& body, std::size_t i) {
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array() ||
      body["errors"].size() <= i) {
    return nullJson();
  }
  return body["errors"][i];
}

std::string stringAt(const nlohmann::json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

// An idle keep-alive connection the server has closed shows up as readable (EOF).
// Checked before reuse, so a stale connection is replaced before a request is sent on
// it rather than after, which would leave it unknown whether the request ran.
bool closedWhileIdle(int fd) {
  pollfd p{fd, POLLIN | POLLRDHUP, 0};
  return ::poll(&p, 1, 0) != 0;
}

}  // namespace

const nlohmann::json& GraphQLResponse::data() const {
  if (!json.is_object() || !json.contains("data")) return nullJson();
  return json["data"];
}

bool GraphQLResponse::hasErrors() const {
  return errorCount() > 0;
}

std::size_t GraphQLResponse::errorCount() const {
  if (!json.is_object() || !json.contains("errors") || !json["errors"].is_array()) return 0;
  return json["errors"].size();
}

std::string GraphQLResponse::errorCode(std::size_t i) const {
  const auto& error = errorAt(json, i);
  if (!error.is_object() || !error.contains("extensions")) return "";
  return stringAt(error["extensions"], "code");
}

std::string GraphQLResponse::errorField(std::size_t i) const {
  const auto& error = errorAt(json, i);
  if (!error.is_object() || !error.contains("extensions")) return "";
  return stringAt(error["extensions"], "field");
}

std::string GraphQLResponse::errorMessage(std::size_t i) const {
  return stringAt(errorAt(json, i), "message");
}

std::string GraphQLResponse::describe() const {
  return wire.statusLine + "\n" + wire.body;
}

GraphQLClient::GraphQLClient(std::uint16_t port, std::string path)
    : port_(port), path_(std::move(path)) {}

GraphQLClient::~GraphQLClient() = default;

RawHttpClient& GraphQLClient::connection() {
  if (connection_ && closedWhileIdle(connection_->fd())) connection_.reset();
  if (!connection_) connection_ = std::make_unique<RawHttpClient>(port_);
  return *connection_;
}

GraphQLResponse GraphQLClient::execute(const std::string& query, const nlohmann::json& variables,
                                       const GraphQLAuth& auth) {
  nlohmann::json request = {{"query", query}, {"variables", variables}};
  std::string body = request.dump();
  std::string head = "POST " + path_ +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Accept: application/graphql-response+json, application/json;q=0.9\r\n";
  if (!auth.bearer.empty()) head += "Authorization: Bearer " + auth.bearer + "\r\n";
  if (!auth.cookie.empty()) head += "Cookie: " + auth.cookie + "\r\n";
  head += auth.rawHeaders;
  head += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";

  GraphQLResponse response;
  try {
    RawHttpClient& client = connection();
    client.send(head + body);
    response.wire = client.read(false, timeout_);
  } catch (const std::exception&) {
    connection_.reset();
    throw;
  }
  if (response.wire.header("connection") == "close") connection_.reset();
  response.json = nlohmann::json::parse(response.wire.body, nullptr, /*allow_exceptions=*/false);
  if (response.json.is_discarded()) response.json = nullptr;
  return response;
}

}  // namespace mt::testing
