#pragma once

#include <stdexcept>

namespace mt::client::cli {

// A command line that parsed but makes no sense (a bad duration, an unknown scenario,
// a scenario file with an error): exit code 2, like a parse error.
class UsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace mt::client::cli
