#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace mt::testing {

// A parsed response as the test saw it on the wire.
struct WireResponse {
  int status = 0;
  std::string statusLine;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::optional<std::string> header(const std::string& lowerName) const;
};

// Thrown by the readers when the server closed the connection before what they read.
struct ConnectionClosed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A blocking TCP client that sends exactly the bytes a test gives it and reads
// responses off the wire, so tests control framing, splitting and timing.
class RawHttpClient {
 public:
  // `receiveBuffer`: SO_RCVBUF set before connecting (0: the kernel's); a small one
  // plays a client whose window fills quickly when it stops reading.
  explicit RawHttpClient(std::uint16_t port, int receiveBuffer = 0);
  ~RawHttpClient();
  RawHttpClient(const RawHttpClient&) = delete;
  RawHttpClient& operator=(const RawHttpClient&) = delete;

  void send(const std::string& bytes);
  // Reads one response (Content-Length or chunked; HEAD-style when `noBody`).
  // Throws on timeout or a malformed response.
  WireResponse read(bool noBody = false,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // The pieces of read(), for responses read as they arrive (event streams): the
  // status line and headers; then the body per its framing; or one chunk of a chunked
  // body at a time (nullopt after the last chunk and its trailers).
  WireResponse readHead(std::chrono::steady_clock::time_point deadline);
  void readBody(WireResponse& response, std::chrono::steady_clock::time_point deadline);
  std::optional<std::string> readChunk(std::chrono::steady_clock::time_point deadline);
  WireResponse request(const std::string& bytes) {
    send(bytes);
    return read();
  }
  // True if the server closed the connection (EOF or reset) within `timeout`.
  bool closedByPeer(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  void shutdownWrite();
  int fd() const { return fd_; }

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);
  std::string readLine(std::chrono::steady_clock::time_point deadline);
  std::string readExactly(std::size_t n, std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string buffered_;
};

// One GET over a fresh connection: the common case in tests.
WireResponse httpGet(std::uint16_t port, const std::string& target);

}  // namespace mt::testing
