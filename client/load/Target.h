#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <string>

namespace mt::load {

// A server to load, resolved once before the run: connections reuse the address.
struct Target {
  std::string url;         // canonical, as recorded in the results
  std::string hostHeader;  // "host:port", sent with every request
  std::string pathPrefix;  // "" or "/prefix", put before every request's target
  sockaddr_storage address{};
  socklen_t addressLength = 0;
};

// Throws std::invalid_argument for a URL the load client cannot use and
// std::runtime_error when the host name does not resolve.
Target resolveTarget(const std::string& url);

// Opens and closes one TCP connection to `target` (waiting at most `timeoutNs`), so a
// run against a server that is not there fails at once with a clear reason instead
// of measuring connection errors. Returns the reason, empty when it connected.
std::string probeTarget(const Target& target, std::int64_t timeoutNs);

}  // namespace mt::load
