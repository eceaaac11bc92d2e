#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ParseResult.h"

namespace mt::http {

// Decodes a chunked request body (RFC 9112 7.1) incrementally: chunk data is
// appended to the output as it arrives, extensions are skipped, the trailer section
// is checked and discarded. Like the request parser it keeps offsets, not pointers,
// so the buffer may move between calls, and no byte is examined twice.
//
// The chunk framing must use CRLF: bare LF is tolerated in the header section but
// not here, where lenient parsing of chunk lines is a known smuggling vector.
class ChunkedBodyDecoder {
 public:
  explicit ChunkedBodyDecoder(const ParserLimits& limits) : limits_(limits) {}

  // Starts a body at `bodyOffset` in the message buffer.
  void start(std::size_t bodyOffset);

  // `message` is the whole request so far, from its first byte. On Complete,
  // `consumed` is where the message ends (after the trailer section).
  ParseResult decode(std::string_view message, std::string& body);

 private:
  enum class Stage { SizeLine, Data, DataEnd, Trailers, Done };

  // Each takes a whole line, its line ending included.
  ParseResult parseSizeLine(std::string_view line, const std::string& body);
  ParseResult parseTrailerLine(std::string_view line);
  ParseResult checkPartialLine(std::string_view message) const;

  ParserLimits limits_;
  Stage stage_ = Stage::SizeLine;
  std::size_t position_ = 0;  // next byte to look at, from the message's first byte
  std::size_t scanned_ = 0;   // the current line has been searched for '\n' up to here
  std::uint64_t chunkRemaining_ = 0;
  std::size_t trailerBytes_ = 0;
  std::size_t trailerCount_ = 0;
};

}  // namespace mt::http
