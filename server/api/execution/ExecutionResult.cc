#include "ExecutionResult.h"

#include <variant>

#include "Json.h"

namespace mt::api {

void writeErrorJson(const GraphQLError& error, std::string& out) {
  out += "{\"message\":";
  writeJsonString(error.message(), out);
  if (!error.locations.empty()) {
    out += ",\"locations\":[";
    bool first = true;
    for (const ErrorLocation& location : error.locations) {
      if (!first) out += ',';
      first = false;
      out += "{\"line\":";
      out += std::to_string(location.line);
      out += ",\"column\":";
      out += std::to_string(location.column);
      out += '}';
    }
    out += ']';
  }
  if (!error.path.empty()) {
    out += ",\"path\":[";
    bool first = true;
    for (const PathSegment& segment : error.path) {
      if (!first) out += ',';
      first = false;
      if (const auto* key = std::get_if<std::string>(&segment)) {
        writeJsonString(*key, out);
      } else {
        out += std::to_string(std::get<int>(segment));
      }
    }
    out += ']';
  }
  if (!error.extensions.empty()) {
    out += ",\"extensions\":{";
    bool first = true;
    for (const auto& [key, value] : error.extensions) {
      if (!first) out += ',';
      first = false;
      writeJsonString(key, out);
      out += ':';
      writeJsonString(value, out);
    }
    out += '}';
  }
  out += '}';
}

void writeErrorsJson(const std::vector<GraphQLError>& errors, std::string& out) {
  out += '[';
  bool first = true;
  for (const GraphQLError& error : errors) {
    if (!first) out += ',';
    first = false;
    writeErrorJson(error, out);
  }
  out += ']';
}

void ExecutionResult::writeJson(std::string& out) const {
  out += '{';
  if (!errors.empty()) {
    out += "\"errors\":";
    writeErrorsJson(errors, out);
    if (data) out += ',';
  }
  if (data) {
    out += "\"data\":";
    mt::api::writeJson(*data, out);
  }
  out += '}';
}

std::string ExecutionResult::toJson() const {
  std::string out;
  writeJson(out);
  return out;
}

}  // namespace mt::api
