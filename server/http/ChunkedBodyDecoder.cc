#include "ChunkedBodyDecoder.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "FieldLine.h"
#include "HttpSyntax.h"

namespace mt::http {

namespace {

// A chunk-size line is a few hex digits; extensions are allowed but nobody sends
// long ones, and without a bound they would be an unbounded header in disguise.
constexpr std::size_t kMaxSizeLineBytes = 4096;

ParseResult badRequest(std::string_view reason) {
  return ParseResult::failure(400, reason);
}

// Removes the CRLF that ends a line of the chunked framing; false if it is not there.
bool stripCrlf(std::string_view& line) {
  if (!line.ends_with("\r\n")) return false;
  line.remove_suffix(2);
  return true;
}

}  // namespace

void ChunkedBodyDecoder::start(std::size_t bodyOffset) {
  stage_ = Stage::SizeLine;
  position_ = bodyOffset;
  scanned_ = bodyOffset;
  chunkRemaining_ = 0;
  trailerBytes_ = 0;
  trailerCount_ = 0;
}

ParseResult ChunkedBodyDecoder::decode(std::string_view message, std::string& body) {
  while (true) {
    switch (stage_) {
      case Stage::SizeLine:
      case Stage::Trailers: {
        std::size_t from = std::max(scanned_, position_);
        const void* found = std::memchr(message.data() + from, '\n', message.size() - from);
        if (found == nullptr) {
          scanned_ = message.size();
          return checkPartialLine(message);
        }
        auto lineEnd = static_cast<std::size_t>(static_cast<const char*>(found) - message.data());
        std::string_view line = message.substr(position_, lineEnd + 1 - position_);
        ParseResult result =
            stage_ == Stage::SizeLine ? parseSizeLine(line, body) : parseTrailerLine(line);
        if (result.status == ParseStatus::Error) return result;
        position_ = lineEnd + 1;
        if (stage_ == Stage::Done) return ParseResult::complete(position_);
        break;
      }
      case Stage::Data: {
        std::size_t available = message.size() - position_;
        std::size_t take =
            chunkRemaining_ < available ? static_cast<std::size_t>(chunkRemaining_) : available;
        body.append(message.data() + position_, take);
        position_ += take;
        chunkRemaining_ -= take;
        if (chunkRemaining_ > 0) return ParseResult::incomplete();
        stage_ = Stage::DataEnd;
        break;
      }
      case Stage::DataEnd: {
        // Checked a byte at a time so a wrong byte is refused even if its partner
        // has not arrived yet.
        if (position_ < message.size() && message[position_] != '\r') {
          return badRequest("chunk data not followed by CRLF");
        }
        if (position_ + 1 < message.size() && message[position_ + 1] != '\n') {
          return badRequest("chunk data not followed by CRLF");
        }
        if (message.size() - position_ < 2) return ParseResult::incomplete();
        position_ += 2;
        stage_ = Stage::SizeLine;
        break;
      }
      case Stage::Done:
        return ParseResult::complete(position_);
    }
  }
}

// chunk-size [ chunk-ext ] CRLF, chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )
ParseResult ChunkedBodyDecoder::parseSizeLine(std::string_view line, const std::string& body) {
  // Limits first, as checkPartialLine applies them, so the verdict on a line does
  // not depend on whether its end came in the same read.
  if (line.size() > kMaxSizeLineBytes + 2) return badRequest("chunk size line too long");
  if (!stripCrlf(line)) return badRequest("chunk size line not ended by CRLF");
  std::size_t digits = 0;
  std::uint64_t size = 0;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  for (; digits < line.size(); ++digits) {
    int value = syntax::hexDigitValue(line[digits]);
    if (value < 0) break;
    if (size > (kMax >> 4)) return badRequest("chunk size out of range");
    size = (size << 4) | static_cast<std::uint64_t>(value);
  }
  if (digits == 0) return badRequest("invalid chunk size");

  std::string_view extensions = line.substr(digits);
  while (!extensions.empty() && syntax::isOws(extensions.front()))
    extensions.remove_prefix(1);
  if (!extensions.empty()) {
    // Extensions carry nothing this server uses, so their grammar is not checked
    // beyond what keeps the line unambiguous.
    if (extensions.front() != ';') return badRequest("invalid chunk size");
    for (char c : extensions) {
      if (!syntax::isFieldValueChar(c)) return badRequest("control character in chunk extension");
    }
  }

  if (size == 0) {
    stage_ = Stage::Trailers;
    return ParseResult::incomplete();
  }
  if (size > limits_.maxBodyBytes - body.size()) {
    return ParseResult::failure(413, "chunked body too large");
  }
  chunkRemaining_ = size;
  stage_ = Stage::Data;
  return ParseResult::incomplete();
}

ParseResult ChunkedBodyDecoder::parseTrailerLine(std::string_view line) {
  if (line == "\r\n") {
    stage_ = Stage::Done;
    return ParseResult::incomplete();
  }
  // Limits first, as checkPartialLine applies them (see parseSizeLine).
  trailerBytes_ += line.size();
  if (trailerBytes_ > limits_.maxHeaderBytes) {
    return ParseResult::failure(431, "trailer section too large");
  }
  if (++trailerCount_ > limits_.maxHeaderCount) {
    return ParseResult::failure(431, "too many trailer fields");
  }
  if (!stripCrlf(line)) return badRequest("trailer line not ended by CRLF");
  // Trailers are discarded: nothing here may change how the request is handled
  // (RFC 9110 6.5.1), but a malformed one still means a broken sender.
  HeaderField field;
  std::string_view error = parseFieldLine(line, field);
  if (!error.empty()) return badRequest(error);
  return ParseResult::incomplete();
}

// Refuses a line that is already too long before its end arrives.
ParseResult ChunkedBodyDecoder::checkPartialLine(std::string_view message) const {
  std::size_t partial = message.size() - position_;
  if (stage_ == Stage::SizeLine) {
    // The line may end in the CR of its CRLF.
    if (partial > kMaxSizeLineBytes + 1) return badRequest("chunk size line too long");
    return ParseResult::incomplete();
  }
  // A lone CR may be the start of the final empty line, which counts for nothing.
  if (partial == 0 || (partial == 1 && message[position_] == '\r')) {
    return ParseResult::incomplete();
  }
  if (trailerCount_ >= limits_.maxHeaderCount) {
    return ParseResult::failure(431, "too many trailer fields");
  }
  if (trailerBytes_ + partial + 1 > limits_.maxHeaderBytes) {
    return ParseResult::failure(431, "trailer section too large");
  }
  return ParseResult::incomplete();
}

}  // namespace mt::http
