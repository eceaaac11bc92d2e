#include "ServerProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <thread>

#ifndef MINITWITTER_BIN
#error "MINITWITTER_BIN must name the minitwitter executable"
#endif

namespace mt::testing {

ServerProcess::ServerProcess(std::vector<std::string> args) {
  std::vector<std::string> argv = {MINITWITTER_BIN, "serve", "--port", "0", "--bind", "127.0.0.1"};
  argv.insert(argv.end(), args.begin(), args.end());
  // A server told nothing about its data gets a scratch folder of its own, never the
  // working directory's data/ that another test might share.
  auto given = [&args](const char* flag) {
    return std::find(args.begin(), args.end(), flag) != args.end();
  };
  if (!given("--database") && !given("--data-dir")) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "minitwitter-server.XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    scratchDataDir_ = pattern;
    argv.insert(argv.end(), {"--data-dir", scratchDataDir_});
  }
  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC) < 0) throw std::runtime_error("pipe2 failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(pipeFds[1], STDOUT_FILENO);
    ::dup2(pipeFds[1], STDERR_FILENO);
    std::vector<char*> cargs;
    for (auto& a : argv)
      cargs.push_back(a.data());
    cargs.push_back(nullptr);
    ::execv(cargs[0], cargs.data());
    ::_exit(127);
  }
  ::close(pipeFds[1]);
  outputFd_ = pipeFds[0];
  ::fcntl(outputFd_, F_SETFL, O_NONBLOCK);

  static const std::regex announce(R"(listening on [^ ]*:([0-9]+))");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    std::string text = output();
    if (std::regex_search(text, match, announce)) {
      port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
      return;
    }
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("minitwitter exited during start-up:\n" + output());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("minitwitter did not announce its port:\n" + output());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (outputFd_ >= 0) ::close(outputFd_);
  if (!scratchDataDir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(scratchDataDir_, ignored);
  }
}

std::string ServerProcess::output() {
  char chunk[4096];
  for (;;) {
    ssize_t n = ::read(outputFd_, chunk, sizeof(chunk));
    if (n <= 0) break;
    output_.append(chunk, static_cast<std::size_t>(n));
  }
  return output_;
}

int ServerProcess::stop(int signal, std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      output();
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

long ServerProcess::rssKiB() const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace mt::testing
