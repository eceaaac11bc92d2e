#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace mt::testing {

// The real minitwitter executable, started as a child process on a free port.
// Integration tests talk to it over real sockets, as any client would.
class ServerProcess {
 public:
  // Starts `minitwitter serve --port 0 --bind 127.0.0.1 <args>` and waits for the
  // line that announces the port. Throws if the server does not come up. Without
  // --database or --data-dir in `args`, the server gets a scratch --data-dir.
  explicit ServerProcess(std::vector<std::string> args);
  ~ServerProcess();  // SIGKILL if still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  int pid() const { return pid_; }

  // Sends `signal` and waits up to `timeout` for the process to exit. Returns its
  // exit status (0..255), 128+signal if killed by one, or -1 on timeout.
  int stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Everything the server wrote to stdout and stderr so far.
  std::string output();
  // Resident set size in KiB, from /proc.
  long rssKiB() const;

 private:
  int pid_ = -1;
  int outputFd_ = -1;
  std::string output_;
  std::uint16_t port_ = 0;
  std::string scratchDataDir_;  // removed with the process; empty when the test chose
};

}  // namespace mt::testing
