#include "RootDirectory.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <memory>
#include <system_error>

namespace mt::views {
namespace {

constexpr std::uint64_t kOpenFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

int openat2(int dirfd, const char* path, std::uint64_t resolve) {
  open_how how{};
  how.flags = kOpenFlags;
  how.resolve = resolve;
  return static_cast<int>(::syscall(SYS_openat2, dirfd, path, &how, sizeof how));
}

RootDirectory::Opened finishOpen(int fd) {
  RootDirectory::Opened result;
  if (fd < 0) {
    result.error = errno;
    return result;
  }
  result.file = net::FileDescriptor(fd);
  if (::fstat(fd, &result.status) != 0) {
    result.error = errno;
    result.file.reset();
  }
  return result;
}

}  // namespace

RootDirectory::RootDirectory(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot open static root " + path.string());
  }
  dir_ = net::FileDescriptor(fd);
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  if (!real) {
    throw std::system_error(errno, std::generic_category(), "realpath " + path.string());
  }
  realPath_ = real.get();
  int probe = openat2(dir_.get(), ".", RESOLVE_BENEATH);
  if (probe < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "openat2 is needed to serve static files safely (Linux 5.6+)");
  }
  ::close(probe);
}

RootDirectory::Opened RootDirectory::open(std::string_view relative) const {
  std::string path = relative.empty() ? std::string(".") : std::string(relative);
  Opened result =
      finishOpen(openat2(dir_.get(), path.c_str(), RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS));
  if (result.error == EXDEV) return openOutsideBeneath(path);
  return result;
}

RootDirectory::Opened RootDirectory::openOutsideBeneath(const std::string& relative) const {
  std::string full = realPath_.string() + "/" + relative;
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(full.c_str(), nullptr), &std::free);
  Opened refused;
  refused.error = EXDEV;
  if (!real) return refused;
  std::string_view resolved(real.get());
  std::string_view root = realPath_.native();
  bool inside = resolved == root ||
                (resolved.starts_with(root) && (root == "/" || resolved[root.size()] == '/'));
  if (!inside) return refused;
  return finishOpen(openat2(AT_FDCWD, real.get(), RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS));
}

int RootDirectory::stat(std::string_view relative, struct stat& status) const {
  std::string path = relative.empty() ? std::string(".") : std::string(relative);
  return ::fstatat(dir_.get(), path.c_str(), &status, 0) == 0 ? 0 : errno;
}

}  // namespace mt::views
