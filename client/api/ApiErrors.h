#pragma once

#include <stdexcept>
#include <string>

namespace mt::client {

// The server could not be reached at all (refused, unresolvable, connect timeout).
class ServerUnreachable : public std::runtime_error {
 public:
  explicit ServerUnreachable(const std::string& serverUrl)
      : std::runtime_error("cannot reach the server at " + serverUrl +
                           ": is it running? (set --server or MINITWITTER_SERVER)") {}
};

// The server answered, but not with a usable GraphQL response (HTTP 5xx, a body that
// is not GraphQL JSON, a connection dropped mid-answer).
class ServerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The server understood the request and refused it: the first GraphQL error.
class ApiError : public std::runtime_error {
 public:
  ApiError(std::string code, std::string field, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)), field_(std::move(field)) {}

  // extensions.code, e.g. "UNAUTHENTICATED", "BAD_USER_INPUT"; empty when absent.
  const std::string& code() const { return code_; }
  // extensions.field for BAD_USER_INPUT and CONFLICT; empty otherwise.
  const std::string& field() const { return field_; }

 private:
  std::string code_;
  std::string field_;
};

// A server URL the client cannot use (malformed, or a scheme it does not speak).
class BadServerUrl : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace mt::client
