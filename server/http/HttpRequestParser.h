#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ChunkedBodyDecoder.h"
#include "HttpRequest.h"
#include "ParseResult.h"
#include "RequestFraming.h"

namespace mt::http {

// An incremental HTTP/1.x request parser (RFC 9112): bytes in, "complete after n
// bytes / need more / error with a status" out. No I/O and no copies: the request's
// views point into the caller's buffer.
//
// Usage, per connection:
//   result = parser.parse(unconsumedInput, request);   // each time bytes arrive
//   Incomplete: keep the bytes, call again with them and whatever comes next. Once
//               headersComplete(), the request's method, version, keepAlive and
//               expectContinue are final (time to send "100 Continue").
//   Complete:   handle `request`, drop result.consumed bytes, reset(), and parse the
//               rest (pipelined requests) the same way.
//   Error:      answer result.errorStatus and close; the error is sticky until reset().
// Calling parse() again without reset() repeats the last Complete or Error.
//
// Each call gets the whole unconsumed input from the request's first byte. The buffer
// may have moved since the previous call (the parser keeps offsets and moves the
// views it has already handed out), but its bytes must be the same. Work is never
// repeated: the search for line ends resumes where it stopped, and a chunked body is
// decoded as it arrives.
//
// Pass the same HttpRequest to every call for one request. On Complete its views point
// into that call's buffer, except a chunked body, which is reassembled into
// decodedBody (body then points there).
class HttpRequestParser {
 public:
  explicit HttpRequestParser(ParserLimits limits = {});

  ParseResult parse(std::string_view buffer, HttpRequest& out);

  // The header section has been parsed (the body may still be incomplete).
  bool headersComplete() const;

  // Prepares for the next request; keeps the limits.
  void reset();

  const ParserLimits& limits() const { return limits_; }

 private:
  enum class Stage { RequestLine, HeaderFields, FixedBody, ChunkedBody, Done, Failed };

  // Returns Incomplete or Error while the head is incomplete or bad; Complete once
  // it has been parsed, with stage_ set to the body's stage. The helpers below
  // return Error, or Incomplete for "carry on".
  ParseResult parseHead(std::string_view buffer, HttpRequest& out);
  ParseResult checkRequestLinePrefix(std::string_view prefix, std::size_t suffixAllowance) const;
  ParseResult parseRequestLine(std::string_view line, HttpRequest& out);
  ParseResult parseHeaderLine(std::string_view line, std::size_t lineBytes, HttpRequest& out);
  ParseResult finishHead(std::size_t bodyStart, HttpRequest& out);
  ParseResult checkPartialLine(std::string_view buffer) const;
  ParseResult parseBody(std::string_view buffer, HttpRequest& out);
  ParseResult fail(ParseResult failure);
  void relocateViews(std::string_view buffer, HttpRequest& out) const;

  ParserLimits limits_;
  Stage stage_ = Stage::RequestLine;
  std::size_t lineStart_ = 0;  // offset of the head line being read
  std::size_t scanned_ = 0;    // the head has been searched for '\n' up to here
  std::size_t emptyLinesSkipped_ = 0;
  std::size_t headerBytes_ = 0;
  std::size_t bodyStart_ = 0;
  std::size_t bodyLength_ = 0;
  std::size_t consumed_ = 0;  // once Done
  RequestFraming framing_;
  ChunkedBodyDecoder chunkedDecoder_;
  // Where the previous call's buffer was, so views into it can follow it when it moves.
  std::uintptr_t previousBase_ = 0;
  std::size_t previousSize_ = 0;
  ParseResult failure_;
};

}  // namespace mt::http
