#pragma once

#include <string>

namespace mt::client::cli {

// A password: prompted without echo when standard input is a terminal, else one line
// read from standard input (for scripts: `echo secret | minitwitter-client login bob`).
// Throws std::runtime_error when standard input is closed first.
std::string readPassword(const std::string& prompt);

// All of standard input, without its trailing newlines (for `post` with no text).
std::string readAllOfStandardInput();

}  // namespace mt::client::cli
