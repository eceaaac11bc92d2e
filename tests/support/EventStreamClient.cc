#include "EventStreamClient.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace mt::testing {

namespace {
std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}
}  // namespace

EventStreamClient::EventStreamClient(std::uint16_t port, const std::string& query,
                                     Options options) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (options.receiveBuffer > 0) {
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &options.receiveBuffer, sizeof(options.receiveBuffer));
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
  std::string body = nlohmann::json{{"query", query}}.dump();
  std::string request =
      "POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nAccept: text/event-stream\r\n";
  if (!options.token.empty()) request += "Authorization: Bearer " + options.token + "\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    sent += static_cast<std::size_t>(n);
  }
}

EventStreamClient::~EventStreamClient() {
  disconnect();
}

void EventStreamClient::disconnect() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool EventStreamClient::fill(std::chrono::steady_clock::time_point deadline) {
  if (fd_ < 0) return false;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(std::max<long>(0, left.count()))) <= 0) {
    throw std::runtime_error("timed out waiting for the server");
  }
  char chunk[16384];
  ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
  if (n <= 0) return false;
  raw_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

const WireResponse& EventStreamClient::head(std::chrono::milliseconds timeout) {
  if (head_) return *head_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t end;
  while ((end = raw_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill(deadline)) throw std::runtime_error("connection closed before the response head");
  }
  WireResponse response;
  std::string headText = raw_.substr(0, end);
  raw_.erase(0, end + 4);
  std::size_t lineEnd = headText.find("\r\n");
  response.statusLine = headText.substr(0, lineEnd);
  response.status = std::stoi(response.statusLine.substr(9, 3));
  std::size_t pos = lineEnd == std::string::npos ? headText.size() : lineEnd + 2;
  while (pos < headText.size()) {
    std::size_t next = headText.find("\r\n", pos);
    if (next == std::string::npos) next = headText.size();
    std::string line = headText.substr(pos, next - pos);
    std::size_t colon = line.find(':');
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    response.headers.emplace(lower(line.substr(0, colon)), value);
    pos = next + 2;
  }
  chunked_ = lower(response.header("transfer-encoding").value_or("")) == "chunked";
  if (auto length = response.header("content-length")) {
    std::size_t size = std::stoul(*length);
    while (raw_.size() < size) {
      if (!fill(deadline)) break;
    }
    response.body = raw_.substr(0, size);
    raw_.erase(0, size);
    ended_ = true;
  }
  head_ = std::move(response);
  return *head_;
}

void EventStreamClient::decodeChunks() {
  if (!chunked_) {
    body_ += raw_;
    raw_.clear();
    return;
  }
  while (!ended_) {
    std::size_t lineEnd = raw_.find("\r\n");
    if (lineEnd == std::string::npos) return;
    std::size_t size = std::stoul(raw_.substr(0, lineEnd), nullptr, 16);
    if (raw_.size() < lineEnd + 2 + size + 2) return;
    if (size == 0) {
      ended_ = true;
      raw_.clear();
      return;
    }
    body_.append(raw_, lineEnd + 2, size);
    raw_.erase(0, lineEnd + 2 + size + 2);
  }
}

std::optional<ServerSentEvent> EventStreamClient::takeEvent() {
  // The server writes "\n" line ends only; an event ends at a blank line.
  for (;;) {
    std::size_t end = body_.find("\n\n");
    if (end == std::string::npos) return std::nullopt;
    std::string block = body_.substr(0, end);
    body_.erase(0, end + 2);
    ServerSentEvent event;
    event.name = "message";
    bool isEvent = false;
    bool firstData = true;
    std::size_t pos = 0;
    while (pos <= block.size()) {
      std::size_t next = block.find('\n', pos);
      if (next == std::string::npos) next = block.size();
      std::string line = block.substr(pos, next - pos);
      pos = next + 1;
      if (line.empty()) continue;
      if (line[0] == ':') {
        comments_.push_back(line.size() > 1 && line[1] == ' ' ? line.substr(2) : line.substr(1));
        continue;
      }
      std::size_t colon = line.find(':');
      std::string field = line.substr(0, colon);
      std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
      if (!value.empty() && value[0] == ' ') value.erase(0, 1);
      if (field == "event") {
        event.name = value;
        isEvent = true;
      } else if (field == "data") {
        if (!firstData) event.data += '\n';
        event.data += value;
        firstData = false;
        isEvent = true;
      }
    }
    if (isEvent) return event;
  }
}

std::optional<ServerSentEvent> EventStreamClient::next(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  head(timeout);
  for (;;) {
    decodeChunks();
    if (auto event = takeEvent()) return event;
    if (ended_) return std::nullopt;
    if (!fill(deadline)) {
      ended_ = true;
      decodeChunks();
      return takeEvent();
    }
  }
}

}  // namespace mt::testing
