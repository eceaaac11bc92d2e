#pragma once

#include <stdexcept>
#include <string>

#include "ExperimentConfig.h"

namespace mt::experiment {

// A complete campus config; tests change one line of it. Line numbers matter: messages
// name them.
inline const std::string kValidConfig = R"(name = "test"
description = "a test"
repetitions = 1

[topology]
kind = "campus"
clusters = 2
hosts_per_cluster = 2
client_bw = 7.0

[database]
kind = "postgresql"

[servers]
instances = 2

[clients]
reach = "round-robin"

[workload]
scenario = "original"
users_per_host = 5
warmup = "2s"
duration = "10s"
)";

// kValidConfig with the first occurrence of `line` replaced by `replacement`.
inline std::string withLine(const std::string& line, const std::string& replacement) {
  std::string text = kValidConfig;
  const std::size_t at = text.find(line + "\n");
  if (at == std::string::npos) throw std::logic_error("no line '" + line + "'");
  text.replace(at, line.size(), replacement);
  return text;
}

// The ConfigError message of reading `text` as "e.toml", or "" when it is valid.
inline std::string problemOf(const std::string& text) {
  try {
    readExperimentConfigText(text, "e.toml");
    return {};
  } catch (const ConfigError& error) {
    return error.what();
  }
}

}  // namespace mt::experiment
