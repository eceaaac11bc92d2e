#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <string>

namespace mt::net {

// An IPv4 or IPv6 address and port, as accept(2) and bind(2) want it.
class SocketAddress {
 public:
  SocketAddress() = default;
  // Numeric host only ("0.0.0.0", "127.0.0.1", "::", "::1"); throws on anything else.
  static SocketAddress parse(const std::string& host, std::uint16_t port);
  static SocketAddress fromSockaddr(const sockaddr* addr, socklen_t length);

  const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage_); }
  socklen_t length() const { return length_; }
  int family() const { return storage_.ss_family; }
  std::uint16_t port() const;
  // "127.0.0.1" or "::1", without the port.
  std::string host() const;
  // "127.0.0.1:8080" or "[::1]:8080".
  std::string toString() const;

 private:
  sockaddr_storage storage_{};
  socklen_t length_ = 0;
};

}  // namespace mt::net
