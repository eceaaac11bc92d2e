#include "CliRunner.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace mt::testing {

namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

CliRunner::CliRunner(std::string serverUrl) : serverUrl_(std::move(serverUrl)) {
  std::string pattern = (std::filesystem::temp_directory_path() / "mt-cli-test-XXXXXX").string();
  check(::mkdtemp(pattern.data()) != nullptr, "mkdtemp");
  configHome_ = pattern;
}

CliRunner::~CliRunner() {
  std::error_code ignored;
  std::filesystem::remove_all(configHome_, ignored);
}

CliResult CliRunner::run(const std::vector<std::string>& args, const std::string& input,
                         const std::map<std::string, std::string>& extraEnv) const {
  std::vector<std::string> argvStrings = {MINITWITTER_CLIENT_BIN, "--server", serverUrl_};
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<std::string> envStrings;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text = *entry;
    if (text.rfind("MINITWITTER_", 0) == 0 || text.rfind("XDG_CONFIG_HOME=", 0) == 0) continue;
    envStrings.push_back(text);
  }
  envStrings.push_back("XDG_CONFIG_HOME=" + configHome_.string());
  for (const auto& [name, value] : extraEnv)
    envStrings.push_back(name + "=" + value);
  std::vector<char*> argv, envp;
  for (auto& s : argvStrings)
    argv.push_back(s.data());
  argv.push_back(nullptr);
  for (auto& s : envStrings)
    envp.push_back(s.data());
  envp.push_back(nullptr);

  int in[2], out[2], err[2];
  check(::pipe2(in, O_CLOEXEC) == 0 && ::pipe2(out, O_CLOEXEC) == 0 && ::pipe2(err, O_CLOEXEC) == 0,
        "pipe2");
  const pid_t pid = ::fork();
  check(pid >= 0, "fork");
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);

  // Write standard input while reading both outputs, so no pipe can fill and stall.
  ::signal(SIGPIPE, SIG_IGN);
  CliResult result;
  std::size_t written = 0;
  int inFd = in[1];
  if (input.empty()) {
    ::close(inFd);
    inFd = -1;
  }
  bool outOpen = true, errOpen = true;
  while (outOpen || errOpen || inFd >= 0) {
    pollfd fds[3] = {
        {outOpen ? out[0] : -1, POLLIN, 0}, {errOpen ? err[0] : -1, POLLIN, 0}, {inFd, POLLOUT, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      check(false, "poll");
    }
    char buffer[4096];
    for (int i = 0; i < 2; ++i) {
      if (fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        (i == 0 ? outOpen : errOpen) = false;
      }
    }
    if (inFd >= 0 && fds[2].revents != 0) {
      const ssize_t n = ::write(inFd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n <= 0 || written == input.size()) {
        ::close(inFd);
        inFd = -1;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

UnreachableServer::UnreachableServer() {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  check(fd_ >= 0, "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  check(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0,
        "bind");
  url_ = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
}

UnreachableServer::~UnreachableServer() {
  ::close(fd_);
}

bool isOneLine(const std::string& text) {
  return !text.empty() && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

}  // namespace mt::testing
