#pragma once

#include <sys/stat.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace mt::views {

// Which version of a file a response carries: what its validators are made of, and
// what revalidation compares to notice that the file changed or was replaced.
struct FileVersion {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modifiedNs = 0;  // mtime, nanoseconds since the epoch

  static FileVersion of(const struct stat& status);
  bool operator==(const FileVersion&) const = default;

  // "\"<inode>-<size>-<mtime ns>\"" in hex, with "W/" in front when weak.
  std::string entityTag(bool weak) const;
  // mtime truncated to seconds, as Last-Modified and If-Modified-Since count.
  std::chrono::sys_seconds modified() const;
};

}  // namespace mt::views
