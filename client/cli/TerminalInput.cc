#include "TerminalInput.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <iterator>
#include <stdexcept>

namespace mt::client::cli {

namespace {

// Turns echo off for as long as it lives, so an exception cannot leave it off.
class EchoOff {
 public:
  EchoOff() {
    if (::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

}  // namespace

std::string readPassword(const std::string& prompt) {
  std::string line;
  bool got = false;
  if (::isatty(STDIN_FILENO)) {
    std::cerr << prompt << std::flush;
    {
      EchoOff echoOff;
      got = static_cast<bool>(std::getline(std::cin, line));
    }
    std::cerr << "\n";
  } else {
    got = static_cast<bool>(std::getline(std::cin, line));
  }
  if (!got) {
    throw std::runtime_error("no password: give --password, set MINITWITTER_PASSWORD or type it");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string readAllOfStandardInput() {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  return text;
}

}  // namespace mt::client::cli
