#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mt::load {

// Incremental parser of HTTP/1.1 responses on a keep-alive client connection: feed it
// bytes as they arrive; once complete(), read the response and reset() for the next.
//
// Bodies framed by Content-Length, by chunked transfer coding (trailers skipped) or,
// for a response with neither, by the end of the connection (connectionClosed()).
// 1xx interim responses are skipped. Responses that cannot have a body (204, 304, or
// the answer to HEAD: expectNoBody()) complete at the end of their headers.
//
// Lines end in CRLF; a bare LF is accepted too (RFC 9112 2.2 lets a recipient do so,
// and it costs nothing), a bare CR anywhere is an error. Obsolete line folding is an
// error. A 101 (Switching Protocols) is an error: the client never asks to upgrade.
// Transfer-Encoding must be exactly `chunked` (the client asks for no other coding);
// together with Content-Length, or in an HTTP/1.0 response, it is an error.
//
// Limits: the status line and headers together at most 64 KiB (so are the trailers),
// a chunk-size line at most 4 KiB, a body at most 64 MiB; beyond, or on any syntax
// error, failed() with a message. A failed parser stays failed until reset(); the
// connection it read from is unusable.
//
// Cost: one pass over each byte; the body is copied once, into the parser's own
// buffer, which keeps its capacity across reset(): a steady stream of responses
// allocates nothing.
class ResponseParser {
 public:
  static constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
  static constexpr std::size_t kMaxBodyBytes = 64 * 1024 * 1024;

  // Consumes bytes of `input` and returns how many it used: all of them unless the
  // response completed (or failed) before the end of `input`; what is left is the
  // start of the next response (a server may only send it after our next request,
  // but the parser does not assume so).
  std::size_t feed(std::string_view input);

  // The peer closed the connection: completes a response whose body runs to the end
  // of the connection; fails one that was cut short ("connection closed mid-response").
  // Does nothing between responses.
  void connectionClosed();

  // The next response answers a HEAD request: it has no body whatever its headers say.
  void expectNoBody();

  bool complete() const { return state_ == State::complete; }
  bool failed() const { return state_ == State::failed; }
  // True once any byte of a response has been fed and it is neither complete nor failed.
  bool inProgress() const;
  const std::string& error() const { return error_; }

  // Valid once complete(), until reset().
  int status() const { return status_; }
  std::string_view contentType() const { return contentType_; }
  std::string_view body() const { return body_; }
  // False when the server said `Connection: close`, spoke HTTP/1.0 without
  // `Connection: keep-alive`, or framed the body by closing the connection.
  bool keepAlive() const { return keepAlive_; }

  // Ready for the next response; keeps the buffers' capacity.
  void reset();

  // A body read as it arrives (an event stream that may never end): once the head is
  // read, the status and content type are valid and bodySoFar() holds the decoded body
  // bytes not yet discarded; discardBodySoFar() forgets them, so the 64 MiB limit
  // applies to what is held, not to the stream's length.
  bool headComplete() const;
  std::string_view bodySoFar() const { return body_; }
  void discardBodySoFar() { body_.clear(); }

 private:
  enum class State {
    statusLine,
    headers,
    body,
    chunkSize,
    chunkData,
    chunkDataEnd,
    trailers,
    untilClose,
    complete,
    failed
  };
  // A chunk-size line (size and ignored extensions) at most this long.
  static constexpr std::size_t kMaxChunkLineBytes = 4 * 1024;

  const char* consumeLine(const char* p, const char* end);
  std::size_t lineBudget() const;
  const char* lineTooLongMessage() const;
  void onLine(std::string_view line);
  void onStatusLine(std::string_view line);
  void onHeaderLine(std::string_view line);
  void onHeadEnd();
  void onChunkSizeLine(std::string_view line);
  void onTrailerLine(std::string_view line);
  void onContentLength(std::string_view value);
  void onTransferEncoding(std::string_view value);
  void onConnection(std::string_view value);
  const char* consumeBody(const char* p, const char* end);
  const char* consumeChunkDataEnd(const char* p, const char* end);
  void startHead();
  void fail(std::string_view message);

  State state_ = State::statusLine;
  std::string line_;  // the line being assembled across feed() calls
  std::string error_;
  int status_ = 0;
  int versionMinor_ = 1;
  std::string contentType_;
  std::string body_;
  std::size_t headerBytes_ = 0;  // of the head (or trailer section) so far
  std::size_t remaining_ = 0;    // body or chunk bytes still expected
  std::uint64_t contentLength_ = 0;
  bool hasContentLength_ = false;
  bool hasContentType_ = false;
  bool connectionClose_ = false;
  bool connectionKeepAlive_ = false;
  bool keepAlive_ = true;
  bool chunked_ = false;
  bool sawChunkCr_ = false;  // the CR of the CRLF after chunk data
  bool noBodyExpected_ = false;
  bool sawByte_ = false;
};

}  // namespace mt::load
