#include "DriverRun.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <stdexcept>

#include "ChildProcess.h"

namespace mt::experiment::runner {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kErrorPrefix = "driver: error: ";

// In the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void execDriver(char* const* argv, int output, pid_t parent) {
  ::setsid();
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(126);  // the runner died before prctl
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  const int devNull = ::open("/dev/null", O_RDONLY);
  if (devNull >= 0) ::dup2(devNull, STDIN_FILENO);
  ::dup2(output, STDOUT_FILENO);
  ::dup2(output, STDERR_FILENO);
  ::execv(argv[0], argv);
  ::_exit(127);
}

class LineSplitter {
 public:
  explicit LineSplitter(const DriverCallbacks& callbacks, std::string& errorLine)
      : callbacks_(callbacks), errorLine_(errorLine) {}

  void add(const char* data, std::size_t size) {
    pending_.append(data, size);
    std::size_t newline;
    while ((newline = pending_.find('\n')) != std::string::npos) {
      emit(pending_.substr(0, newline));
      pending_.erase(0, newline + 1);
    }
  }

  void finish() {
    if (!pending_.empty()) emit(pending_);
    pending_.clear();
  }

 private:
  void emit(const std::string& line) {
    if (line.starts_with(kErrorPrefix)) errorLine_ = line.substr(kErrorPrefix.size());
    if (callbacks_.onLine) callbacks_.onLine(line);
  }

  const DriverCallbacks& callbacks_;
  std::string& errorLine_;
  std::string pending_;
};

}  // namespace

std::vector<std::string> driverCommand(const RunnerPaths& paths, bool inNamespace,
                                       const std::filesystem::path& planPath) {
  if (inNamespace) return {paths.driverDir + "/run-in-namespace.sh", planPath.string()};
  return {paths.python, "-B", paths.driverDir + "/driver.py", planPath.string()};
}

DriverResult runDriver(const std::vector<std::string>& argv, const std::filesystem::path& logPath,
                       const DriverLimits& limits, const InterruptSignals& signals,
                       const DriverCallbacks& callbacks) {
  std::vector<std::string> strings = argv;
  std::vector<char*> args;
  for (std::string& item : strings)
    args.push_back(item.data());
  args.push_back(nullptr);
  std::ofstream log(logPath, std::ios::binary);
  if (!log) throw std::runtime_error("cannot write " + logPath.string());

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("cannot create a pipe");
  const pid_t parent = ::getpid();
  const Clock::time_point began = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::runtime_error("cannot start the driver: fork failed");
  }
  if (pid == 0) execDriver(args.data(), fds[1], parent);
  ::close(fds[1]);
  if (callbacks.onStarted) callbacks.onStarted(pid);

  DriverResult result;
  LineSplitter lines(callbacks, result.errorLine);
  bool outputOpen = true;
  bool exited = false;
  int status = 0;
  Clock::time_point graceEnd = Clock::time_point::max();
  Clock::time_point lastTick = began;
  Clock::time_point drainEnd = Clock::time_point::max();
  auto killGroup = [pid](int number) { ::kill(-pid, number); };

  while (outputOpen || !exited) {
    const Clock::time_point now = Clock::now();
    if (!exited) {
      const pid_t done = ::waitpid(pid, &status, WNOHANG);
      if (done == pid) {
        exited = true;
        // Whatever still holds the output (a stray grandchild) gets a moment, not more.
        drainEnd = now + std::chrono::seconds(2);
        // The group outlives its leader only outside a namespace; nothing of it may stay.
        if (::kill(-pid, 0) == 0) killGroup(SIGKILL);
      }
    }
    if (exited && !outputOpen) break;
    if (exited && now >= drainEnd) break;
    if (!exited && signals.received() != 0 && result.interruptedBy == 0) {
      result.interruptedBy = signals.received();
      killGroup(result.interruptedBy);  // the driver tears down and exits 3
      graceEnd = now + limits.teardownGrace;
    }
    if (!exited && !result.killedAtDeadline && !result.killedAfterGrace) {
      if (now - began >= limits.deadline) {
        result.killedAtDeadline = true;
        killGroup(SIGKILL);
      } else if (now >= graceEnd) {
        result.killedAfterGrace = true;
        killGroup(SIGKILL);
      }
    }
    if (callbacks.onTick && now - lastTick >= std::chrono::seconds(1)) {
      lastTick = now;
      callbacks.onTick();
    }

    pollfd pollers[2] = {{signals.fd(), POLLIN, 0}, {fds[0], POLLIN, 0}};
    const nfds_t count = outputOpen ? 2 : 1;
    const int ready = ::poll(pollers, count, 200);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    if (pollers[0].revents & POLLIN) signals.drain();
    if (outputOpen && (pollers[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      char buffer[4096];
      const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
      if (got > 0) {
        log.write(buffer, got);
        log.flush();
        lines.add(buffer, static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        outputOpen = false;
      }
    }
  }
  ::close(fds[0]);
  lines.finish();
  if (!exited) {
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  result.exitCode = exitCodeOf(status);
  result.wallSeconds = std::chrono::duration<double>(Clock::now() - began).count();
  return result;
}

}  // namespace mt::experiment::runner
