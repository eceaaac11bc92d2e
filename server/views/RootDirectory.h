#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "FileDescriptor.h"

namespace mt::views {

// A folder that files are opened from, and never from outside it.
//
// Paths are resolved by the kernel with openat2(RESOLVE_BENEATH): ".." and relative
// symlinks may move around inside the folder, but anything that would leave it fails
// with EXDEV, with no race between checking and opening. An absolute symlink always
// fails that test, so on EXDEV the path is resolved once more with realpath(3); if
// the result lies inside the folder's real path it is opened with
// RESOLVE_NO_SYMLINKS, so a symlink swapped in meanwhile still cannot lead out.
//
// Thread affinity: any thread; the object is immutable once made.
class RootDirectory {
 public:
  // std::system_error when `path` is not a directory that can be opened, or the
  // kernel has no openat2 (Linux < 5.6).
  explicit RootDirectory(const std::filesystem::path& path);

  struct Opened {
    net::FileDescriptor file;  // invalid on failure
    int error = 0;             // errno on failure
    struct stat status {};     // fstat of `file` on success
  };

  // Opens `relative` ("css/site.css"; "" is the folder itself) read-only, without
  // blocking on a FIFO, and fstats it.
  Opened open(std::string_view relative) const;

  // stat(2) of `relative` from the folder, following symlinks; errno or 0. Cheap
  // revalidation of something open() already vetted: a changed identity sends the
  // caller back to open().
  int stat(std::string_view relative, struct stat& status) const;

  const std::filesystem::path& realPath() const { return realPath_; }

 private:
  Opened openOutsideBeneath(const std::string& relative) const;

  net::FileDescriptor dir_;
  std::filesystem::path realPath_;
};

}  // namespace mt::views
