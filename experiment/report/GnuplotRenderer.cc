#include "GnuplotRenderer.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "GnuplotScript.h"

extern char** environ;

namespace mt::experiment::report {
namespace {

// A large multi-panel figure takes gnuplot well under a second; this only ends a hung one.
constexpr std::chrono::seconds kTimeout{30};
constexpr std::size_t kStderrLines = 5;

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

std::pair<Fd, Fd> makePipe() {
  std::array<int, 2> ends{};
  if (::pipe2(ends.data(), O_CLOEXEC) != 0) {
    throw std::system_error(errno, std::generic_category(), "pipe");
  }
  return {Fd(ends[0]), Fd(ends[1])};
}

struct ChildResult {
  bool timedOut = false;
  int status = 0;  // from waitpid
  std::string out;
  std::string err;
};

class FileActions {
 public:
  FileActions() { ::posix_spawn_file_actions_init(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  ~FileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

// SIGPIPE, should gnuplot quit before reading all of its script, must not end this process:
// blocked for this thread while writing, and a pending one taken back afterwards.
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

// Runs `program` (searched on PATH when it has no slash) with `input` on its stdin,
// collecting stdout and stderr, and kills it when it outlives the timeout. Throws
// std::system_error with ENOENT when the program does not exist.
ChildResult runChild(const std::filesystem::path& program, const std::vector<std::string>& args,
                     const std::string& input) {
  auto [inRead, inWrite] = makePipe();
  auto [outRead, outWrite] = makePipe();
  auto [errRead, errWrite] = makePipe();
  FileActions actions;
  ::posix_spawn_file_actions_adddup2(actions.get(), inRead.get(), STDIN_FILENO);
  ::posix_spawn_file_actions_adddup2(actions.get(), outWrite.get(), STDOUT_FILENO);
  ::posix_spawn_file_actions_adddup2(actions.get(), errWrite.get(), STDERR_FILENO);

  const std::string path = program.string();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(path.c_str()));
  for (const auto& arg : args)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  pid_t pid = -1;
  const bool search = path.find('/') == std::string::npos;
  const int spawned =
      search ? ::posix_spawnp(&pid, path.c_str(), actions.get(), nullptr, argv.data(), environ)
             : ::posix_spawn(&pid, path.c_str(), actions.get(), nullptr, argv.data(), environ);
  if (spawned != 0) throw std::system_error(spawned, std::generic_category(), path);
  inRead.reset();
  outWrite.reset();
  errWrite.reset();
  if (input.empty()) {
    inWrite.reset();
  } else {
    ::fcntl(inWrite.get(), F_SETFL, O_NONBLOCK);
  }

  SigpipeBlocked sigpipeBlocked;
  ChildResult result;
  std::size_t written = 0;
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (outRead.get() >= 0 || errRead.get() >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timedOut = true;
      break;
    }
    std::array<pollfd, 3> fds{
        {{outRead.get(), POLLIN, 0}, {errRead.get(), POLLIN, 0}, {inWrite.get(), POLLOUT, 0}}};
    if (::poll(fds.data(), fds.size(), static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      result.timedOut = true;  // cannot wait for it any more: end it like a hung one
      break;
    }
    if (fds[2].revents != 0) {
      const ssize_t n = ::write(inWrite.get(), input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) inWrite.reset();
    }
    for (auto [index, fd, text] :
         {std::tuple{0, &outRead, &result.out}, std::tuple{1, &errRead, &result.err}}) {
      if (fds[index].revents == 0) continue;
      std::array<char, 4096> buffer{};
      const ssize_t n = ::read(fd->get(), buffer.data(), buffer.size());
      if (n > 0) {
        text->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fd->reset();
      }
    }
  }
  inWrite.reset();
  // Closing its output is not yet exiting: wait for that too, up to the same deadline.
  while (!result.timedOut) {
    const pid_t waited = ::waitpid(pid, &result.status, WNOHANG);
    if (waited == pid || (waited < 0 && errno != EINTR)) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      result.timedOut = true;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  if (result.timedOut) {
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &result.status, 0) < 0 && errno == EINTR) {
    }
  }
  return result;
}

std::string firstLines(const std::string& text) {
  std::string lines;
  std::size_t count = 0;
  std::size_t start = 0;
  while (start < text.size() && count < kStderrLines) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      if (!lines.empty()) lines += '\n';
      lines += line;
      ++count;
    }
    start = end + 1;
  }
  return lines;
}

std::string describeFailure(const ChildResult& result) {
  if (result.timedOut) {
    return "killed after " + std::to_string(kTimeout.count()) + " s";
  }
  if (WIFSIGNALED(result.status)) {
    return "killed by signal " + std::to_string(WTERMSIG(result.status));
  }
  return "exit code " + std::to_string(WEXITSTATUS(result.status));
}

}  // namespace

GnuplotRenderer::GnuplotRenderer(std::filesystem::path gnuplot) : gnuplot_(std::move(gnuplot)) {}

std::optional<std::string> GnuplotRenderer::version() const {
  try {
    const ChildResult result = runChild(gnuplot_, {"--version"}, "");
    if (result.timedOut || !WIFEXITED(result.status) || WEXITSTATUS(result.status) != 0) {
      return std::nullopt;
    }
    std::string line = result.out.substr(0, result.out.find('\n'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
      line.pop_back();
    if (line.empty()) return std::nullopt;
    return line;
  } catch (const std::system_error&) {
    return std::nullopt;
  }
}

std::string GnuplotRenderer::script(const Figure& figure, ImageFormat format,
                                    const std::filesystem::path& output) const {
  return gnuplotScript(figure, format, output);
}

void GnuplotRenderer::render(const Figure& figure, ImageFormat format,
                             const std::filesystem::path& output) const {
  const std::string figureName = "figure " + figure.name + ": ";
  const std::string prefix = figureName + "gnuplot: ";
  std::error_code ignored;
  // A stale image from an earlier report must not pass for this one.
  std::filesystem::remove(output, ignored);
  ChildResult result;
  try {
    // --default-settings: a user's ~/.gnuplot must not restyle the report.
    result = runChild(gnuplot_, {"--default-settings"}, script(figure, format, output));
  } catch (const std::system_error& error) {
    if (error.code() == std::errc::no_such_file_or_directory) {
      throw std::runtime_error(figureName +
                               "gnuplot not found: install gnuplot-nox (bash tools/setup.sh)");
    }
    throw std::runtime_error(prefix + "cannot run " + gnuplot_.string() + ": " +
                             error.code().message());
  }
  const bool exited = !result.timedOut && WIFEXITED(result.status);
  if (!exited || WEXITSTATUS(result.status) != 0) {
    std::filesystem::remove(output, ignored);  // half an image is no image
    const std::string details = firstLines(result.err);
    throw std::runtime_error(prefix + (details.empty() ? "" : details + " ") + "(" +
                             describeFailure(result) + ")");
  }
  if (!std::filesystem::exists(output, ignored) ||
      std::filesystem::file_size(output, ignored) == 0) {
    std::string message = prefix + "wrote no image to " + output.string();
    const std::string details = firstLines(result.err);
    if (!details.empty()) message += ": " + details;
    throw std::runtime_error(message);
  }
}

}  // namespace mt::experiment::report
