#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mt::api {

// A "locations" entry of a GraphQL error: 1-based line and column (UTF-16 code units).
struct ErrorLocation {
  int line = 0;
  int column = 0;

  bool operator==(const ErrorLocation&) const = default;
};

// One step of an error's "path": a response key or a list index.
using PathSegment = std::variant<std::string, int>;

// An error as GraphQL reports it: {message, locations, path}. Thrown by the parser
// (as GraphQLSyntaxError) and by later phases; what() is the message.
class GraphQLError : public std::runtime_error {
 public:
  explicit GraphQLError(std::string message, std::vector<ErrorLocation> errorLocations = {},
                        std::vector<PathSegment> errorPath = {})
      : std::runtime_error(message),
        locations(std::move(errorLocations)),
        path(std::move(errorPath)),
        message_(std::move(message)) {}

  // The whole message; what() stops at a NUL, which a message quoting the source may hold.
  const std::string& message() const { return message_; }

  std::vector<ErrorLocation> locations;
  std::vector<PathSegment> path;
  // The error's "extensions" entry, string-valued members in order ({"code": …} is the
  // convention clients branch on). Empty: no "extensions" member.
  std::vector<std::pair<std::string, std::string>> extensions;

  // Sets extensions["code"] (and more members), for `throw GraphQLError(…).withCode(…)`.
  GraphQLError& withExtension(std::string key, std::string value) & {
    extensions.emplace_back(std::move(key), std::move(value));
    return *this;
  }
  GraphQLError&& withExtension(std::string key, std::string value) && {
    extensions.emplace_back(std::move(key), std::move(value));
    return std::move(*this);
  }

 private:
  std::string message_;
};

// A document that is not valid GraphQL text. The message reads like graphql-js's,
// "Syntax Error: Expected Name, found \"}\".", with the one location it points at.
class GraphQLSyntaxError : public GraphQLError {
 public:
  GraphQLSyntaxError(std::string_view description, std::size_t offset, ErrorLocation location)
      : GraphQLError("Syntax Error: " + std::string(description), {location}), offset_(offset) {}

  // The message without its "Syntax Error: " prefix.
  std::string_view description() const { return std::string_view(message()).substr(kPrefixLength); }
  // Byte offset into the source where the error is.
  std::size_t offset() const { return offset_; }
  ErrorLocation location() const { return locations.front(); }

 private:
  static constexpr std::size_t kPrefixLength = 14;  // "Syntax Error: "
  std::size_t offset_;
};

}  // namespace mt::api
