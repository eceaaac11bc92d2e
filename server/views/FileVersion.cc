#include "FileVersion.h"

#include <charconv>

namespace mt::views {
namespace {

void appendHex(std::string& out, std::uint64_t value) {
  char digits[16];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value, 16);
  out.append(digits, end);
}

}  // namespace

FileVersion FileVersion::of(const struct stat& status) {
  FileVersion version;
  version.device = static_cast<std::uint64_t>(status.st_dev);
  version.inode = static_cast<std::uint64_t>(status.st_ino);
  version.size = static_cast<std::uint64_t>(status.st_size);
  version.modifiedNs = static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 +
                       static_cast<std::int64_t>(status.st_mtim.tv_nsec);
  return version;
}

std::string FileVersion::entityTag(bool weak) const {
  std::string tag = weak ? "W/\"" : "\"";
  appendHex(tag, inode);
  tag += '-';
  appendHex(tag, size);
  tag += '-';
  appendHex(tag, static_cast<std::uint64_t>(modifiedNs));
  tag += '"';
  return tag;
}

std::chrono::sys_seconds FileVersion::modified() const {
  // Floor, not truncation toward zero, so that a pre-1970 mtime stays consistent.
  std::int64_t seconds = modifiedNs / 1'000'000'000;
  if (modifiedNs % 1'000'000'000 < 0) --seconds;
  return std::chrono::sys_seconds(std::chrono::seconds(seconds));
}

}  // namespace mt::views
