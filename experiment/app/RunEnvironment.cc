#include "RunEnvironment.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "ResultFiles.h"

namespace mt::experiment::app {

namespace {

// strerror, thread-safe.
std::string errorText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

}  // namespace

std::string postgresBinDir() {
  const std::filesystem::path root = "/usr/lib/postgresql";
  std::error_code error;
  int best = 0;
  for (const auto& entry : std::filesystem::directory_iterator(root, error)) {
    const std::string version = entry.path().filename().string();
    if (version.empty() || version.find_first_not_of("0123456789") != std::string::npos ||
        version.size() > 4)
      continue;
    if (std::filesystem::exists(entry.path() / "bin" / "postgres", error))
      best = std::max(best, std::stoi(version));
  }
  return (root / std::to_string(best > 0 ? best : 15) / "bin").string();
}

std::string randomPassword() {
  std::ifstream random("/dev/urandom", std::ios::binary);
  unsigned char bytes[12];
  if (!random.read(reinterpret_cast<char*>(bytes), sizeof bytes))
    throw std::runtime_error("cannot read /dev/urandom");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (unsigned char byte : bytes) {
    text += kHex[byte >> 4];
    text += kHex[byte & 15];
  }
  return text;
}

int freeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket: " + errorText(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  const int problem = errno;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot find a free port: " + errorText(problem));
  return ntohs(address.sin_port);
}

std::string timestampFolderName() {
  return runner::nowUtc("%Y-%m-%dT%H-%M-%SZ");
}

}  // namespace mt::experiment::app
