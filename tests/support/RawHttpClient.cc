#include "RawHttpClient.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace mt::testing {

std::optional<std::string> WireResponse::header(const std::string& lowerName) const {
  auto it = headers.find(lowerName);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

RawHttpClient::RawHttpClient(std::uint16_t port, int receiveBuffer) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (receiveBuffer > 0) {
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof(receiveBuffer));
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) < 0) {
    ::close(fd_);
    throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + " failed");
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

RawHttpClient::~RawHttpClient() {
  if (fd_ >= 0) ::close(fd_);
}

void RawHttpClient::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    sent += static_cast<std::size_t>(n);
  }
}

void RawHttpClient::shutdownWrite() {
  ::shutdown(fd_, SHUT_WR);
}

bool RawHttpClient::fill(std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(std::max<long>(0, left.count()))) <= 0) {
    throw std::runtime_error("timed out waiting for the server");
  }
  char chunk[16384];
  ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
  if (n <= 0) return false;
  buffered_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::string RawHttpClient::readLine(std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    auto end = buffered_.find("\r\n");
    if (end != std::string::npos) {
      std::string line = buffered_.substr(0, end);
      buffered_.erase(0, end + 2);
      return line;
    }
    if (!fill(deadline)) throw ConnectionClosed("connection closed mid-line");
  }
}

std::string RawHttpClient::readExactly(std::size_t n,
                                       std::chrono::steady_clock::time_point deadline) {
  while (buffered_.size() < n) {
    if (!fill(deadline)) throw ConnectionClosed("connection closed mid-body");
  }
  std::string out = buffered_.substr(0, n);
  buffered_.erase(0, n);
  return out;
}

WireResponse RawHttpClient::readHead(std::chrono::steady_clock::time_point deadline) {
  WireResponse response;
  response.statusLine = readLine(deadline);
  if (response.statusLine.rfind("HTTP/1.", 0) != 0 || response.statusLine.size() < 12) {
    throw std::runtime_error("bad status line: " + response.statusLine);
  }
  response.status = std::stoi(response.statusLine.substr(9, 3));
  for (std::string line = readLine(deadline); !line.empty(); line = readLine(deadline)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) throw std::runtime_error("bad header line: " + line);
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    response.headers.emplace(name, value);
  }
  return response;
}

std::optional<std::string> RawHttpClient::readChunk(
    std::chrono::steady_clock::time_point deadline) {
  std::size_t size = std::stoul(readLine(deadline), nullptr, 16);
  if (size == 0) {
    while (!readLine(deadline).empty()) {
    }
    return std::nullopt;
  }
  std::string data = readExactly(size, deadline);
  readLine(deadline);
  return data;
}

void RawHttpClient::readBody(WireResponse& response,
                             std::chrono::steady_clock::time_point deadline) {
  if (response.header("transfer-encoding") == "chunked") {
    while (auto chunk = readChunk(deadline))
      response.body += *chunk;
  } else if (auto length = response.header("content-length")) {
    response.body = readExactly(std::stoul(*length), deadline);
  }
}

WireResponse RawHttpClient::read(bool noBody, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  WireResponse response = readHead(deadline);
  bool bodiless =
      noBody || response.status / 100 == 1 || response.status == 204 || response.status == 304;
  if (!bodiless) readBody(response, deadline);
  return response;
}

bool RawHttpClient::closedByPeer(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  try {
    while (fill(deadline)) {
    }
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

WireResponse httpGet(std::uint16_t port, const std::string& target) {
  RawHttpClient client(port);
  return client.request("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
}

}  // namespace mt::testing
