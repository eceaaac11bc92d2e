#pragma once

#include <cstddef>
#include <string_view>

namespace mt::http {

// Bounds on what one request may make the server buffer. Each is checked as soon as
// it can be, while the offending part is still arriving, so an oversized request is
// refused after at most about one limit's worth of bytes.
struct ParserLimits {
  std::size_t maxRequestTarget = 8192;  // 414
  // Field lines of the header section (each with its line ending, the final empty
  // line excluded); the trailer section of a chunked body has its own equal budget.
  std::size_t maxHeaderBytes = 16384;  // 431
  std::size_t maxHeaderCount = 100;    // 431; also per trailer section
  std::size_t maxBodyBytes = 1 << 20;  // 413; the decoded size for a chunked body
};

enum class ParseStatus { Incomplete, Complete, Error };

struct ParseResult {
  ParseStatus status = ParseStatus::Incomplete;
  std::size_t consumed = 0;  // bytes of this request, body included, when Complete
  int errorStatus = 0;       // the response status for an Error: 400 413 414 431 501 505
  std::string_view error;    // a short reason for logs (static storage)

  static ParseResult incomplete() { return {}; }
  static ParseResult complete(std::size_t consumed) {
    return {ParseStatus::Complete, consumed, 0, {}};
  }
  static ParseResult failure(int status, std::string_view reason) {
    return {ParseStatus::Error, 0, status, reason};
  }
};

}  // namespace mt::http
