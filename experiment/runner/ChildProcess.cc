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

// Owns a file descriptor and closes it once.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  void adopt(int fd) {
    reset();
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read;
  Fd write;

  // Close-on-exec, so that only the descriptors the child dup2s onto 0-2 reach it.
  bool open() {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) return false;
    read.adopt(ends[0]);
    write.adopt(ends[1]);
    return true;
  }
};

// A child that exits before reading all of its input turns our next write into SIGPIPE,
// whose default action ends this whole process. Ignoring SIGPIPE process-wide would change
// it for every other thread and for the children that inherit it, and making stdin a socket
// (for send with MSG_NOSIGNAL) would surprise programs that expect a pipe or file there. So
// SIGPIPE is blocked for this thread only while writing (the write then fails with EPIPE),
// and a pending one such a write raised is taken back before the old mask returns. Create
// it after fork: a blocked signal would survive exec in the child.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;
  ~SigpipeBlocked() {
    const timespec none{};
    while (::sigtimedwait(&pipe_, nullptr, &none) == SIGPIPE) {
    }
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }

 private:
  sigset_t pipe_{};
  sigset_t previous_{};
};

// Reaps `pid`, retrying on EINTR; returns the wait status.
int waitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 0;
  }
  return status;
}

// In the forked child, so async-signal-safe calls only. `input` < 0: stdin from /dev/null.
// When exec fails its errno goes to `execError`; when it succeeds exec closes that pipe.
[[noreturn]] void execChild(char* const* args, int input, int output, int execError) {
  ::setpgid(0, 0);
  if (input < 0) input = ::open("/dev/null", O_RDONLY);
  if (input >= 0) ::dup2(input, STDIN_FILENO);
  ::dup2(output, STDOUT_FILENO);
  ::dup2(output, STDERR_FILENO);
  ::execv(args[0], args);
  const int error = errno;
  [[maybe_unused]] const ssize_t reported = ::write(execError, &error, sizeof error);
  ::_exit(127);
}

// Whether the child wrote an exec error before its end of `execError` closed.
bool execFailed(const Fd& execError) {
  int error = 0;
  for (;;) {
    const ssize_t got = ::read(execError.get(), &error, sizeof error);
    if (got < 0 && errno == EINTR) continue;
    return got > 0;
  }
}

// Writes `input` to the child while collecting its output, until the output ends (EOF:
// the command and whatever it started closed it) or the deadline passes, when the whole
// process group is killed. Polling both keeps a child that writes before it has read all
// of its input from blocking on a full pipe while we block on a full one of our own.
void exchange(pid_t pid, const Fd& output, Fd& input, std::string_view text,
              std::chrono::milliseconds timeout, CommandOutput& result) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t written = 0;
  char buffer[16384];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timedOut = true;
      ::kill(-pid, SIGKILL);
      return;
    }
    // poll skips a closed input (fd -1).
    pollfd pollers[2] = {{output.get(), POLLIN, 0}, {input.get(), POLLOUT, 0}};
    if (::poll(pollers, 2, static_cast<int>(left.count())) <= 0) continue;
    if (pollers[1].revents != 0) {
      const ssize_t sent = ::write(input.get(), text.data() + written, text.size() - written);
      if (sent > 0) written += static_cast<std::size_t>(sent);
      // EPIPE: the child closed its stdin; the rest is not for it.
      if ((sent < 0 && errno != EAGAIN && errno != EINTR) || written == text.size()) input.reset();
    }
    if (pollers[0].revents != 0) {
      const ssize_t got = ::read(output.get(), buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return;
      result.output.append(buffer, static_cast<std::size_t>(got));
    }
  }
}

}  // namespace

CommandOutput captureCommand(const std::vector<std::string>& argv,
                             std::chrono::milliseconds timeout, std::string_view input) {
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

  Pipe output;
  Pipe execError;
  Pipe stdinPipe;
  if (!output.open() || !execError.open() || (!input.empty() && !stdinPipe.open())) return result;
  const pid_t pid = ::fork();
  if (pid < 0) return result;
  if (pid == 0)
    execChild(args.data(), stdinPipe.read.get(), output.write.get(), execError.write.get());
  ::setpgid(pid, pid);  // both sides: no race with the kill below
  output.write.reset();
  execError.write.reset();
  stdinPipe.read.reset();
  if (execFailed(execError.read)) {
    waitFor(pid);
    return result;
  }
  {
    std::optional<SigpipeBlocked> sigpipeBlocked;
    if (stdinPipe.write.open()) {
      ::fcntl(stdinPipe.write.get(), F_SETFL, O_NONBLOCK);
      sigpipeBlocked.emplace();
    }
    exchange(pid, output.read, stdinPipe.write, input, timeout, result);
    stdinPipe.write.reset();
  }
  output.read.reset();
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
