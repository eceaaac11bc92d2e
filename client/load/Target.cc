#include "Target.h"

#include <netdb.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "ServerUrl.h"

namespace mt::load {

Target resolveTarget(const std::string& url) {
  client::ServerUrl parsed;
  try {
    parsed = client::ServerUrl::parse(url);
  } catch (const std::exception& error) {  // BadServerUrl: the message says what is wrong
    throw std::invalid_argument(error.what());
  }

  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(parsed.port);
  const int status = getaddrinfo(parsed.host.c_str(), port.c_str(), &hints, &found);
  if (status != 0) {
    throw std::runtime_error("cannot resolve the host of " + parsed.canonical() + ": " +
                             gai_strerror(status));
  }
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owner(found, freeaddrinfo);

  Target target;
  target.url = parsed.canonical();
  const bool ipv6 = parsed.host.find(':') != std::string::npos;
  target.hostHeader = (ipv6 ? "[" + parsed.host + "]" : parsed.host) + ":" + port;
  target.pathPrefix = parsed.pathPrefix;
  std::memcpy(&target.address, found->ai_addr, found->ai_addrlen);
  target.addressLength = found->ai_addrlen;
  return target;
}

std::string probeTarget(const Target& target, std::int64_t timeoutNs) {
  const int fd = ::socket(target.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return std::strerror(errno);
  std::string reason;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&target.address), target.addressLength) < 0 &&
      errno != EINPROGRESS) {
    reason = std::strerror(errno);
  } else {
    pollfd waiting{fd, POLLOUT, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(timeoutNs / 1'000'000));
    int error = 0;
    socklen_t length = sizeof error;
    if (ready == 0) {
      reason = "no answer to connecting";
    } else if (ready < 0) {
      reason = std::strerror(errno);
    } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error != 0) {
      reason = std::strerror(error);
    }
  }
  ::close(fd);
  return reason;
}

}  // namespace mt::load
