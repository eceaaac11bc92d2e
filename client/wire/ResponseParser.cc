#include "ResponseParser.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "HttpSyntax.h"

namespace mt::load {

namespace {

namespace syntax = ::mt::http::syntax;

// A body announced by Content-Length gets this much room up front; a bigger one grows
// as it arrives, so a lying header cannot make the parser allocate 64 MiB at once.
constexpr std::size_t kInitialBodyReserve = 1024 * 1024;

// Content-Length values from here on are all "far too large"; saturating there keeps
// the arithmetic from overflowing on absurd digit strings.
constexpr std::uint64_t kHugeLength = std::uint64_t{1} << 62;

bool isToken(std::string_view text) {
  bool ok = true;
  for (char c : text)
    ok &= syntax::isTokenChar(c);
  return ok;
}

// Field values, reason phrases, chunk extensions: HTAB, SP, VCHAR and obs-text. Any
// other control, a bare CR included, is an error. Branch-free so it vectorises.
bool isFieldText(std::string_view text) {
  unsigned bad = 0;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    bad |= static_cast<unsigned>(c < 0x20 && c != '\t') | static_cast<unsigned>(c == 0x7f);
  }
  return bad == 0;
}

std::string_view trimWhitespace(std::string_view text) {
  while (!text.empty() && syntax::isOws(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && syntax::isOws(text.back()))
    text.remove_suffix(1);
  return text;
}

// `lower` is lowercase letters and '-'. OR-ing 0x20 folds case for letters and maps
// no other token or field-text character onto a letter or '-' (only CR maps onto '-',
// and CR is neither), so this is exact for validated input.
bool equalsLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

// Calls `element` with each non-empty, trimmed element of a comma-separated list
// (RFC 9110 5.6.1: recipients ignore empty elements) until it returns false.
template <typename Element>
void forEachListElement(std::string_view list, Element element) {
  while (true) {
    std::size_t comma = list.find(',');
    std::string_view item = trimWhitespace(list.substr(0, comma));
    if (!item.empty() && !element(item)) return;
    if (comma == std::string_view::npos) return;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace

std::size_t ResponseParser::feed(std::string_view input) {
  const char* const begin = input.data();
  const char* const end = begin + input.size();
  const char* p = begin;
  if (p != end && state_ != State::complete && state_ != State::failed) sawByte_ = true;
  while (p != end) {
    switch (state_) {
      case State::statusLine:
      case State::headers:
      case State::chunkSize:
      case State::trailers:
        p = consumeLine(p, end);
        break;
      case State::body:
      case State::chunkData:
        p = consumeBody(p, end);
        break;
      case State::chunkDataEnd:
        p = consumeChunkDataEnd(p, end);
        break;
      case State::untilClose: {
        auto size = static_cast<std::size_t>(end - p);
        if (size > kMaxBodyBytes - body_.size()) {
          fail("body larger than 64 MiB");
          return input.size();
        }
        body_.append(p, size);
        p = end;
        break;
      }
      case State::complete:
      case State::failed:
        return static_cast<std::size_t>(p - begin);
    }
  }
  return input.size();
}

void ResponseParser::connectionClosed() {
  if (state_ == State::untilClose) {
    state_ = State::complete;
    return;
  }
  if (state_ == State::complete || state_ == State::failed || !sawByte_) return;
  fail("connection closed mid-response");
}

void ResponseParser::expectNoBody() {
  noBodyExpected_ = true;
}

bool ResponseParser::inProgress() const {
  return sawByte_ && state_ != State::complete && state_ != State::failed;
}

bool ResponseParser::headComplete() const {
  switch (state_) {
    case State::statusLine:
    case State::headers:
    case State::failed:
      return false;
    default:
      return true;
  }
}

void ResponseParser::reset() {
  state_ = State::statusLine;
  line_.clear();
  error_.clear();
  startHead();
  body_.clear();
  remaining_ = 0;
  keepAlive_ = true;
  sawChunkCr_ = false;
  noBodyExpected_ = false;
  sawByte_ = false;
}

void ResponseParser::startHead() {
  status_ = 0;
  versionMinor_ = 1;
  contentType_.clear();
  hasContentType_ = false;
  headerBytes_ = 0;
  contentLength_ = 0;
  hasContentLength_ = false;
  connectionClose_ = false;
  connectionKeepAlive_ = false;
  chunked_ = false;
}

void ResponseParser::fail(std::string_view message) {
  state_ = State::failed;
  error_.assign(message);
}

std::size_t ResponseParser::lineBudget() const {
  if (state_ == State::chunkSize) return kMaxChunkLineBytes;
  return kMaxHeaderBytes - headerBytes_;
}

const char* ResponseParser::lineTooLongMessage() const {
  switch (state_) {
    case State::chunkSize:
      return "chunk size line longer than 4 KiB";
    case State::trailers:
      return "trailer section larger than 64 KiB";
    default:
      return "response head larger than 64 KiB";
  }
}

// Hands the next complete line to onLine(), or keeps a partial one in line_. Whether
// a line is too long is decided by its length alone, so the outcome does not depend on
// how the bytes were cut into reads.
const char* ResponseParser::consumeLine(const char* p, const char* end) {
  std::size_t budget = lineBudget() - line_.size();  // this line's bytes, LF included
  auto available = static_cast<std::size_t>(end - p);
  std::size_t window = std::min(available, budget);
  const auto* lf = static_cast<const char*>(std::memchr(p, '\n', window));
  if (lf == nullptr) {
    if (available >= budget) {
      fail(lineTooLongMessage());
      return end;
    }
    line_.append(p, available);
    return end;
  }
  const char* next = lf + 1;
  if (state_ != State::chunkSize) headerBytes_ += line_.size() + static_cast<std::size_t>(next - p);
  std::string_view line;
  if (line_.empty()) {
    line = std::string_view(p, static_cast<std::size_t>(lf - p));
  } else {
    line_.append(p, lf);
    line = line_;
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  onLine(line);
  line_.clear();
  return next;
}

void ResponseParser::onLine(std::string_view line) {
  switch (state_) {
    case State::statusLine:
      return onStatusLine(line);
    case State::headers:
      return onHeaderLine(line);
    case State::chunkSize:
      return onChunkSizeLine(line);
    case State::trailers:
      return onTrailerLine(line);
    default:
      return;
  }
}

// HTTP-version SP status-code [SP reason-phrase]; the SP before an empty reason is
// often left out, so it is optional.
void ResponseParser::onStatusLine(std::string_view line) {
  if (line.size() < 12 || line.substr(0, 5) != "HTTP/" || !syntax::isDigit(line[5]) ||
      line[6] != '.' || !syntax::isDigit(line[7]) || line[8] != ' ') {
    return fail("invalid status line");
  }
  if (line[5] != '1') return fail("unsupported HTTP version");
  if (!syntax::isDigit(line[9]) || !syntax::isDigit(line[10]) || !syntax::isDigit(line[11])) {
    return fail("invalid status code");
  }
  if (line.size() > 12) {
    if (line[12] != ' ') return fail("invalid status line");
    if (!isFieldText(line.substr(13))) return fail("invalid character in reason phrase");
  }
  int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
  if (status < 100 || status > 599) return fail("invalid status code");
  if (status == 101) return fail("unexpected 101 Switching Protocols");
  status_ = status;
  versionMinor_ = line[7] - '0';
  state_ = State::headers;
}

void ResponseParser::onHeaderLine(std::string_view line) {
  if (line.empty()) return onHeadEnd();
  if (syntax::isOws(line.front())) return fail("obsolete line folding in header");
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return fail("header line without a colon");
  std::string_view name = line.substr(0, colon);
  if (name.empty()) return fail("empty header name");
  if (!isToken(name)) {
    return fail(syntax::isOws(name.back()) ? "whitespace between header name and colon"
                                           : "invalid character in header name");
  }
  std::string_view value = trimWhitespace(line.substr(colon + 1));
  if (!isFieldText(value)) return fail("invalid character in header value");

  switch (name.size()) {
    case 10:
      if (equalsLower(name, "connection")) onConnection(value);
      return;
    case 12:
      // A second Content-Type is a server bug the client does not need to catch.
      if (!hasContentType_ && equalsLower(name, "content-type")) {
        contentType_.assign(value);
        hasContentType_ = true;
      }
      return;
    case 14:
      if (equalsLower(name, "content-length")) onContentLength(value);
      return;
    case 17:
      if (equalsLower(name, "transfer-encoding")) onTransferEncoding(value);
      return;
    default:
      return;
  }
}

// 1#DIGIT. A list of identical values, or the same value in several fields, is one
// length (RFC 9110 8.6); different values are an error.
void ResponseParser::onContentLength(std::string_view value) {
  bool any = false;
  bool valid = true;
  forEachListElement(value, [&](std::string_view element) {
    any = true;
    std::uint64_t length = 0;
    for (char c : element) {
      if (!syntax::isDigit(c)) {
        fail("invalid Content-Length");
        return valid = false;
      }
      length = std::min(kHugeLength, length * 10 + static_cast<std::uint64_t>(c - '0'));
    }
    if (hasContentLength_ && length != contentLength_) {
      fail("conflicting Content-Length values");
      return valid = false;
    }
    contentLength_ = length;
    hasContentLength_ = true;
    return true;
  });
  if (valid && !any) fail("invalid Content-Length");
}

void ResponseParser::onTransferEncoding(std::string_view value) {
  bool any = false;
  bool valid = true;
  forEachListElement(value, [&](std::string_view coding) {
    any = true;
    if (!equalsLower(coding, "chunked")) {
      fail("unsupported transfer coding");
      return valid = false;
    }
    if (chunked_) {
      fail("chunked transfer coding applied twice");
      return valid = false;
    }
    chunked_ = true;
    return true;
  });
  if (valid && !any) fail("empty Transfer-Encoding");
}

void ResponseParser::onConnection(std::string_view value) {
  forEachListElement(value, [&](std::string_view option) {
    connectionClose_ = connectionClose_ || equalsLower(option, "close");
    connectionKeepAlive_ = connectionKeepAlive_ || equalsLower(option, "keep-alive");
    return true;
  });
}

void ResponseParser::onHeadEnd() {
  if (status_ < 200) {  // an interim response: the real one follows
    startHead();
    state_ = State::statusLine;
    return;
  }
  if (chunked_ && versionMinor_ == 0) return fail("Transfer-Encoding in an HTTP/1.0 response");
  if (chunked_ && hasContentLength_) return fail("both Transfer-Encoding and Content-Length");
  keepAlive_ = !connectionClose_ && (versionMinor_ >= 1 || connectionKeepAlive_);

  // A HEAD answer, 204 and 304 carry no body whatever their framing headers announce.
  if (noBodyExpected_ || status_ == 204 || status_ == 304) {
    state_ = State::complete;
    return;
  }
  if (chunked_) {
    state_ = State::chunkSize;
    return;
  }
  if (hasContentLength_) {
    if (contentLength_ > kMaxBodyBytes) return fail("body larger than 64 MiB");
    remaining_ = static_cast<std::size_t>(contentLength_);
    if (remaining_ == 0) {
      state_ = State::complete;
      return;
    }
    body_.reserve(std::min(remaining_, kInitialBodyReserve));
    state_ = State::body;
    return;
  }
  keepAlive_ = false;  // the body ends with the connection
  state_ = State::untilClose;
}

// chunk-size [BWS chunk-ext]; the extensions are ignored but must be field text.
void ResponseParser::onChunkSizeLine(std::string_view line) {
  std::size_t digits = 0;
  std::uint64_t size = 0;
  for (; digits < line.size(); ++digits) {
    int value = syntax::hexDigitValue(line[digits]);
    if (value < 0) break;
    if (size <= kMaxBodyBytes) size = size * 16 + static_cast<std::uint64_t>(value);
  }
  if (digits == 0) return fail("invalid chunk size");
  std::string_view extensions = trimWhitespace(line.substr(digits));
  if (!extensions.empty() && extensions.front() != ';') return fail("invalid chunk size");
  if (!isFieldText(extensions)) return fail("invalid character in chunk extension");
  if (size == 0) {
    headerBytes_ = 0;
    state_ = State::trailers;
    return;
  }
  if (size > kMaxBodyBytes - body_.size()) return fail("body larger than 64 MiB");
  remaining_ = static_cast<std::size_t>(size);
  state_ = State::chunkData;
}

void ResponseParser::onTrailerLine(std::string_view line) {
  if (line.empty()) {
    state_ = State::complete;
    return;
  }
  if (syntax::isOws(line.front())) return fail("obsolete line folding in trailer");
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return fail("trailer line without a colon");
  std::string_view name = line.substr(0, colon);
  if (name.empty() || !isToken(name)) return fail("invalid trailer name");
  if (!isFieldText(trimWhitespace(line.substr(colon + 1)))) {
    return fail("invalid character in trailer value");
  }
}

const char* ResponseParser::consumeBody(const char* p, const char* end) {
  std::size_t size = std::min(remaining_, static_cast<std::size_t>(end - p));
  body_.append(p, size);
  remaining_ -= size;
  if (remaining_ == 0) state_ = state_ == State::body ? State::complete : State::chunkDataEnd;
  return p + size;
}

// The CRLF (or bare LF) after a chunk's data, byte by byte: it is at most two bytes.
const char* ResponseParser::consumeChunkDataEnd(const char* p, const char*) {
  if (*p == '\r' && !sawChunkCr_) {
    sawChunkCr_ = true;
  } else if (*p == '\n') {
    sawChunkCr_ = false;
    state_ = State::chunkSize;
  } else {
    fail("missing CRLF after chunk data");
  }
  return p + 1;
}

}  // namespace mt::load
