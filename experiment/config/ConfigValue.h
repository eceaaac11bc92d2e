#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "ConfigError.h"

// The values of a config document, with where each came from. Our own small types and
// not toml++ nodes: a toml::node copy drops its source position, and sweep points copy.
namespace mt::experiment {

// Where a setting was written: a file and line, or a --set option (line 0).
struct Location {
  std::string origin;
  int line = 0;

  // "quickstart.toml:14" or "--set servers.instances=4".
  std::string str() const;
};

using Value = std::variant<std::int64_t, double, std::string, bool>;

// "an integer", "a string", … for messages.
std::string typeName(const Value& value);
// The value as people (and --set) write it: 2, 7.5, round-robin, true.
std::string valueText(const Value& value);

struct Setting {
  Value value;
  Location where;
};

// Throws ConfigError "<where>: <key>: <problem>".
[[noreturn]] void fail(const Location& where, const std::string& key, const std::string& problem);

}  // namespace mt::experiment
