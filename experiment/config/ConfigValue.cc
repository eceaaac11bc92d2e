#include "ConfigValue.h"

#include <cmath>
#include <sstream>

namespace mt::experiment {

std::string Location::str() const {
  return line > 0 ? origin + ":" + std::to_string(line) : origin;
}

std::string typeName(const Value& value) {
  switch (value.index()) {
    case 0:
      return "an integer";
    case 1:
      return "a number with a fraction";
    case 2:
      return "a string";
    default:
      return "a boolean";
  }
}

std::string valueText(const Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* number = std::get_if<double>(&value)) {
    std::ostringstream text;
    text.precision(15);
    text << *number;
    std::string result = text.str();
    // Keep the fraction visible, as TOML writes it, so 7.0 does not read as an integer.
    if (std::isfinite(*number) && result.find_first_of(".e") == std::string::npos) result += ".0";
    return result;
  }
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return std::get<bool>(value) ? "true" : "false";
}

void fail(const Location& where, const std::string& key, const std::string& problem) {
  std::string message = where.str() + ": ";
  if (!key.empty()) message += key + ": ";
  throw ConfigError(message + problem);
}

}  // namespace mt::experiment
