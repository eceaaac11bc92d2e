#include "ResultFiles.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <stdexcept>

namespace mt::experiment::runner {

void writeFileAtomically(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary);
    file << text;
    if (!file.flush()) throw std::runtime_error("cannot write " + temporary.string());
  }
  std::filesystem::rename(temporary, path);
}

std::string nowUtc(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[64];
  std::strftime(text, sizeof text, format, &utc);
  return text;
}

std::string nowRfc3339() {
  return nowUtc("%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace mt::experiment::runner
