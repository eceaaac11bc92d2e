#include "EventStreamClient.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace mt::testing {

EventStreamClient::EventStreamClient(std::uint16_t port, const std::string& query, Options options)
    : client_(std::make_unique<RawHttpClient>(port, options.receiveBuffer)) {
  std::string body = nlohmann::json{{"query", query}}.dump();
  std::string request =
      "POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nAccept: text/event-stream\r\n";
  if (!options.token.empty()) request += "Authorization: Bearer " + options.token + "\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  client_->send(request);
}

EventStreamClient::~EventStreamClient() = default;

void EventStreamClient::disconnect() {
  client_.reset();
}

const WireResponse& EventStreamClient::head(std::chrono::milliseconds timeout) {
  if (head_) return *head_;
  if (!client_) throw std::runtime_error("disconnected");
  auto deadline = std::chrono::steady_clock::now() + timeout;
  WireResponse response = client_->readHead(deadline);
  if (response.header("transfer-encoding") != "chunked") {
    client_->readBody(response, deadline);  // not a stream: a JSON error, say
    ended_ = true;
  }
  head_ = std::move(response);
  return *head_;
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
    if (auto event = takeEvent()) return event;
    if (ended_ || !client_) return std::nullopt;
    try {
      std::optional<std::string> chunk = client_->readChunk(deadline);
      if (!chunk) {
        ended_ = true;
        continue;
      }
      body_ += *chunk;
    } catch (const ConnectionClosed&) {
      ended_ = true;
    }
  }
}

}  // namespace mt::testing
