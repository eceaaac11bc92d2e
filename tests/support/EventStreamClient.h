#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "RawHttpClient.h"

namespace mt::testing {

// One server-sent event as a client sees it.
struct ServerSentEvent {
  std::string name;  // "message" when the event had no `event:` field
  std::string data;
};

// A GraphQL request answered over text/event-stream (graphql-sse, distinct
// connections), read off a raw socket: the test sees the head, every event and every
// comment (keep-alives) exactly as sent, and can stop reading to play a slow client.
class EventStreamClient {
 public:
  struct Options {
    std::string token;  // sent as Authorization: Bearer, when not empty
    // SO_RCVBUF before connecting (0: the default): a small one makes a client that
    // does not read fill the server's output queue quickly.
    int receiveBuffer = 0;
  };

  // Connects and POSTs {"query": query} with Accept: text/event-stream.
  EventStreamClient(std::uint16_t port, const std::string& query, Options options);
  EventStreamClient(std::uint16_t port, const std::string& query)
      : EventStreamClient(port, query, Options{}) {}
  ~EventStreamClient();
  EventStreamClient(const EventStreamClient&) = delete;
  EventStreamClient& operator=(const EventStreamClient&) = delete;

  // The response head (status, headers); for a response that is not an event stream
  // (a 400 in JSON) also its whole body. Throws on timeout.
  const WireResponse& head(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // The next event; nullopt when the stream ended (last chunk or connection closed)
  // before one came. Throws on timeout.
  std::optional<ServerSentEvent> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Comments seen so far (": keep-alive" → "keep-alive").
  const std::vector<std::string>& comments() const { return comments_; }
  // True once the body's last chunk or the connection's end was seen.
  bool ended() const { return ended_; }
  // Closes the socket now (a client going away).
  void disconnect();

 private:
  // One event out of body_ if a whole one is there.
  std::optional<ServerSentEvent> takeEvent();

  std::unique_ptr<RawHttpClient> client_;  // null once disconnected
  std::string body_;                       // event-stream text not yet parsed
  std::optional<WireResponse> head_;
  bool ended_ = false;
  std::vector<std::string> comments_;
};

}  // namespace mt::testing
