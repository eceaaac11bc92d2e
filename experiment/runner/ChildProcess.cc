#include "ChildProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <sstream>

namespace mt::experiment::runner {

namespace {

// Reaps `pid`, retrying on EINTR; returns the wait status.
int waitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 0;
  }
  return status;
}

}  // namespace

CommandOutput captureCommand(const std::vector<std::string>& argv,
                             std::chrono::milliseconds timeout) {
  CommandOutput result;
  if (argv.empty()) return result;
  std::vector<std::string> strings = argv;
  if (strings[0].find('/') == std::string::npos) {
    const std::optional<std::string> found = findProgram(strings[0]);
    if (!found) return result;
    strings[0] = *found;
  }
  std::vector<char*> args;
  for (std::string& item : strings)
    args.push_back(item.data());
  args.push_back(nullptr);

  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC) != 0) return result;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    return result;
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    const int devNull = ::open("/dev/null", O_RDONLY);
    if (devNull >= 0) ::dup2(devNull, STDIN_FILENO);
    ::dup2(pipeFds[1], STDOUT_FILENO);
    ::dup2(pipeFds[1], STDERR_FILENO);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // both sides: no race with the kill below
  ::close(pipeFds[1]);

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timedOut = true;
      ::kill(-pid, SIGKILL);
      break;
    }
    pollfd poller{pipeFds[0], POLLIN, 0};
    const int ready = ::poll(&poller, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t got = ::read(pipeFds[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;  // EOF: the command (and whatever it started) closed its output
    result.output.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(pipeFds[0]);
  result.exitCode = exitCodeOf(waitFor(pid));
  return result;
}

std::string firstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  const auto notBlank = line.find_first_not_of(" \t\r");
  if (notBlank == std::string::npos) return {};
  line.erase(0, notBlank);
  line.erase(line.find_last_not_of(" \t\r") + 1);
  return line;
}

int exitCodeOf(int waitStatus) {
  if (WIFEXITED(waitStatus)) return WEXITSTATUS(waitStatus);
  if (WIFSIGNALED(waitStatus)) return 128 + WTERMSIG(waitStatus);
  return -1;
}

bool isExecutable(const std::string& path) {
  return !path.empty() && ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::string> findProgram(const std::string& name) {
  const char* pathVariable = std::getenv("PATH");
  std::string folders = pathVariable ? pathVariable : "";
  folders += ":/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin";
  std::istringstream list(folders);
  std::string folder;
  while (std::getline(list, folder, ':')) {
    if (folder.empty()) continue;
    const std::string candidate = folder + "/" + name;
    if (isExecutable(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace mt::experiment::runner
