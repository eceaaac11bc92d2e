#include "SchemaError.h"

#include <string>

namespace mt::api {

namespace {

std::string summarise(const std::vector<GraphQLError>& errors, std::string_view sourceName) {
  std::string text = "Invalid schema (" + std::to_string(errors.size()) +
                     (errors.size() == 1 ? " problem):" : " problems):");
  for (const auto& error : errors) {
    text += "\n  ";
    text += sourceName;
    if (!error.locations.empty()) {
      text += ':' + std::to_string(error.locations.front().line) + ':' +
              std::to_string(error.locations.front().column);
    }
    text += ": ";
    text += error.message();
  }
  return text;
}

}  // namespace

SchemaError::SchemaError(std::vector<GraphQLError> errors, std::string_view sourceName)
    : std::runtime_error(summarise(errors, sourceName)), errors_(std::move(errors)) {}

}  // namespace mt::api
