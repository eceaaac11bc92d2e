#include "JsonReading.h"

#include <limits>
#include <stdexcept>

namespace mt::load::json_reading {

void fail(const std::string& path, const std::string& problem) {
  throw std::invalid_argument("load results: " + path + ": " + problem);
}

std::string child(const std::string& path, std::string_view key) {
  bool plain = !key.empty();
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      plain = false;
    }
  }
  if (plain) return path + "." + std::string(key);
  return path + "[" + nlohmann::json(std::string(key)).dump() + "]";
}

std::string element(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

const nlohmann::json& object(const nlohmann::json& value, const std::string& path) {
  if (!value.is_object()) fail(path, std::string("expected an object, got ") + value.type_name());
  return value;
}

const nlohmann::json& array(const nlohmann::json& value, const std::string& path) {
  if (!value.is_array()) fail(path, std::string("expected an array, got ") + value.type_name());
  return value;
}

const nlohmann::json& member(const nlohmann::json& obj, const std::string& path,
                             std::string_view key) {
  const auto found = obj.find(key);
  if (found == obj.end()) fail(child(path, key), "missing");
  return *found;
}

std::uint64_t asUnsigned(const nlohmann::json& value, const std::string& path) {
  // Parsed text holds non-negative integers as unsigned; built documents may hold
  // them as signed.
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
    fail(path, std::string("expected a non-negative integer, got ") +
                   (value.is_number() ? value.dump() : value.type_name()));
  }
  return static_cast<std::uint64_t>(value.get<std::int64_t>());
}

std::int64_t asInteger(const nlohmann::json& value, const std::string& path) {
  if (value.is_number_unsigned()) {
    const auto n = value.get<std::uint64_t>();
    if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail(path, "integer out of range");
    }
    return static_cast<std::int64_t>(n);
  }
  if (!value.is_number_integer()) {
    fail(path, std::string("expected an integer, got ") +
                   (value.is_number() ? value.dump() : value.type_name()));
  }
  return value.get<std::int64_t>();
}

double asNumber(const nlohmann::json& value, const std::string& path) {
  if (!value.is_number()) fail(path, std::string("expected a number, got ") + value.type_name());
  return value.get<double>();
}

std::string asString(const nlohmann::json& value, const std::string& path) {
  if (!value.is_string()) fail(path, std::string("expected a string, got ") + value.type_name());
  return value.get<std::string>();
}

}  // namespace mt::load::json_reading
