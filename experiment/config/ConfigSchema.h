#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ConfigValue.h"

// Every key an experiment config may hold, by dotted path, with its type: the one list
// the TOML reader, --set and the sweep check keys against. What a value means and which
// values are allowed is ConfigConversion's job.
namespace mt::experiment {

enum class ValueKind {
  integer,
  number,  // an integer or a number with a fraction
  string,
  boolean,
  duration,  // "10s", "500ms", or a number of seconds (client/scenarios/Duration.h)
};

struct KeySpec {
  std::string_view path;  // "servers.instances"
  ValueKind kind;
};

const std::vector<KeySpec>& configKeys();
const KeySpec* findKey(std::string_view path);
// The tables a config has ("topology", "topology.link", …; not "sweep").
bool isSection(std::string_view path);
// "instances, threads, workers, …": the keys directly in `section` ("" for the top),
// tables written [like.this], for "unknown key" messages.
std::string keysOf(std::string_view section);

// "expected an integer" when `value` does not fit `kind`, else "".
std::string kindProblem(ValueKind kind, const Value& value);

}  // namespace mt::experiment
