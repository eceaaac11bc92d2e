#pragma once

#include <stdexcept>
#include <string>

namespace mt::experiment {

// A config the harness cannot run: its message is one line for people, naming where
// (file:line, or the --set option) and the key, as in
// "quickstart.toml:14: servers.instances: 0 is out of range: expected 1 to 64".
class ConfigError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace mt::experiment
