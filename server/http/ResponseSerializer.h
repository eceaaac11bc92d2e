#pragma once

#include <string>
#include <string_view>

#include "HttpResponse.h"

namespace mt::http {

// How a response is put on the wire: decided by the protocol from the request and the
// connection, not by the view that built the response.
struct ResponseFraming {
  int versionMinor = 1;      // the request's: the reply says HTTP/1.<versionMinor>
  bool keepAlive = true;     // false: "Connection: close", and the protocol closes
  bool headRequest = false;  // a HEAD request: head only, Content-Length as for GET
  bool chunked = false;      // a streamed body of unknown length (see usesChunkedCoding)
  std::string_view date;     // the Date value, usually currentHttpDate(); empty: none
  std::string_view server = "minitwitter";  // empty: no Server header
};

// Whether a status or request method rules out a body (RFC 9110 6.4.1).
bool responseHasBody(int status, bool headRequest);

// Whether a streamed body goes out in chunks (appendChunk / appendLastChunk). An
// HTTP/1.0 client cannot read chunks: its streamed body is written raw and ended by
// closing the connection, which serializeResponseHead announces with
// "Connection: close" — the protocol must then close after the body.
bool usesChunkedCoding(const ResponseFraming& framing);

// Appends the status line and header section, ending with the empty line. Writes
// Date and Server unless the response has its own, then the response's headers as
// they are, except Content-Length and Transfer-Encoding: framing belongs to the
// protocol, so those are always computed here (from contentLength(), or chunked).
void serializeResponseHead(const HttpResponse& response, const ResponseFraming& framing,
                           std::string& out);

// Appends a complete response: the head, then the body string unless the status or
// a HEAD request rules a body out. A file body is not appended (the caller sends it
// with sendfile after the head). Not for streamed responses: framing.chunked is false.
void appendResponse(const HttpResponse& response, const ResponseFraming& framing, std::string& out);

// One chunk of a streamed body. Empty data appends nothing: an empty chunk would end
// the body.
void appendChunk(std::string_view data, std::string& out);

// The zero-size chunk and empty trailer section that end a chunked body.
void appendLastChunk(std::string& out);

}  // namespace mt::http
