#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "RawHttpClient.h"

namespace mt::testing {

// A GraphQL response as a test saw it: the HTTP exchange and its parsed JSON body.
// NOLINTNEXTLINE(bugprone-exception-escape): json's noexcept move only asserts an invariant
struct GraphQLResponse {
  WireResponse wire;
  nlohmann::json json;  // the body parsed; null when it was not JSON

  int status() const { return wire.status; }
  // `data`, or null when absent.
  const nlohmann::json& data() const;
  bool hasErrors() const;
  std::size_t errorCount() const;
  // From `errors[i]`: extensions.code / extensions.field / message, "" when missing.
  std::string errorCode(std::size_t i = 0) const;
  std::string errorField(std::size_t i = 0) const;
  std::string errorMessage(std::size_t i = 0) const;
  // Status line and body, for assertion messages.
  std::string describe() const;
};

// How one request authenticates, if at all.
struct GraphQLAuth {
  std::string bearer;      // sent as `Authorization: Bearer <bearer>` when not empty
  std::string cookie;      // sent as the whole `Cookie:` header value when not empty
  std::string rawHeaders;  // further header lines, each ending in CRLF
};

// Posts {query, variables} to /api as JSON over one keep-alive connection, as a
// GraphQL-over-HTTP client would. Not thread-safe: one client per thread.
class GraphQLClient {
 public:
  explicit GraphQLClient(std::uint16_t port, std::string path = "/api");
  ~GraphQLClient();
  GraphQLClient(const GraphQLClient&) = delete;
  GraphQLClient& operator=(const GraphQLClient&) = delete;

  // Throws std::runtime_error when the exchange fails on the wire (refused, reset,
  // timed out); the connection is then dropped and the next call opens a new one. A
  // failed request is never sent again: a mutation may or may not have happened.
  GraphQLResponse execute(const std::string& query,
                          const nlohmann::json& variables = nlohmann::json::object(),
                          const GraphQLAuth& auth = {});
  GraphQLResponse execute(const std::string& query, const nlohmann::json& variables,
                          const std::string& bearer) {
    return execute(query, variables, GraphQLAuth{bearer, {}, {}});
  }

  // How long to wait for each response (default 10 s).
  void setTimeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }
  std::uint16_t port() const { return port_; }

 private:
  RawHttpClient& connection();

  std::uint16_t port_;
  std::string path_;
  std::chrono::milliseconds timeout_{std::chrono::seconds(10)};
  std::unique_ptr<RawHttpClient> connection_;
};

}  // namespace mt::testing
