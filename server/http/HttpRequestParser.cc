#include "HttpRequestParser.h"

#include <cassert>
#include <cstring>

#include "FieldLine.h"
#include "HttpSyntax.h"
#include "RequestTarget.h"

namespace mt::http {

namespace {

// Longer than any method this server implements; a longer token can only be answered
// 501 (RFC 9112 3), so there is no point buffering more of it.
constexpr std::size_t kMaxMethodLength = 32;
// What follows the request-target on its line: SP "HTTP/1.1".
constexpr std::size_t kVersionSuffixLength = 9;
// RFC 9112 2.2 asks servers to ignore at least one empty line before the request
// line (old clients send a CRLF after a POST body); a few more are tolerated.
constexpr std::size_t kMaxLeadingEmptyLines = 8;

ParseResult badRequest(std::string_view reason) {
  return ParseResult::failure(400, reason);
}

std::uintptr_t addressOf(const char* p) {
  return reinterpret_cast<std::uintptr_t>(p);
}

// "HTTP/" DIGIT "." DIGIT; sets versionMinor, or returns the Error to answer.
ParseResult parseVersion(std::string_view version, int& versionMinor) {
  if (version.size() != 8 || !version.starts_with("HTTP/") || !syntax::isDigit(version[5]) ||
      version[6] != '.' || !syntax::isDigit(version[7])) {
    return badRequest("malformed HTTP version");
  }
  if (version[5] != '1' || (version[7] != '0' && version[7] != '1')) {
    return ParseResult::failure(505, "unsupported HTTP version");
  }
  versionMinor = version[7] - '0';
  return ParseResult::incomplete();
}

}  // namespace

HttpRequestParser::HttpRequestParser(ParserLimits limits)
    : limits_(limits), chunkedDecoder_(limits) {}

bool HttpRequestParser::headersComplete() const {
  return stage_ == Stage::FixedBody || stage_ == Stage::ChunkedBody || stage_ == Stage::Done;
}

void HttpRequestParser::reset() {
  stage_ = Stage::RequestLine;
  lineStart_ = 0;
  scanned_ = 0;
  emptyLinesSkipped_ = 0;
  headerBytes_ = 0;
  bodyStart_ = 0;
  bodyLength_ = 0;
  consumed_ = 0;
  framing_ = RequestFraming{};
  previousBase_ = 0;
  previousSize_ = 0;
  failure_ = ParseResult{};
}

ParseResult HttpRequestParser::parse(std::string_view buffer, HttpRequest& out) {
  if (stage_ == Stage::Failed) return failure_;
  assert(buffer.size() >= scanned_ && "the buffer lost bytes between calls");

  if (stage_ != Stage::RequestLine) relocateViews(buffer, out);
  previousBase_ = addressOf(buffer.data());
  previousSize_ = buffer.size();
  // Without a reset() in between, the same request again.
  if (stage_ == Stage::Done) return ParseResult::complete(consumed_);

  if (stage_ == Stage::RequestLine || stage_ == Stage::HeaderFields) {
    ParseResult head = parseHead(buffer, out);
    if (head.status != ParseStatus::Complete) return head;
  }
  return parseBody(buffer, out);
}

ParseResult HttpRequestParser::parseHead(std::string_view buffer, HttpRequest& out) {
  while (true) {
    const void* found = std::memchr(buffer.data() + scanned_, '\n', buffer.size() - scanned_);
    if (found == nullptr) {
      scanned_ = buffer.size();
      ParseResult partial = checkPartialLine(buffer);
      return partial.status == ParseStatus::Error ? fail(partial) : partial;
    }
    auto lineEnd = static_cast<std::size_t>(static_cast<const char*>(found) - buffer.data());
    std::size_t next = lineEnd + 1;
    // CRLF or, as RFC 9112 2.2 allows, a bare LF. A CR anywhere else in the line is
    // a control character and refused by the line's own checks.
    std::string_view line = buffer.substr(lineStart_, lineEnd - lineStart_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    if (stage_ == Stage::RequestLine) {
      if (line.empty()) {
        if (++emptyLinesSkipped_ > kMaxLeadingEmptyLines) {
          return fail(badRequest("too many empty lines before the request line"));
        }
      } else {
        ParseResult result = parseRequestLine(line, out);
        if (result.status == ParseStatus::Error) return fail(result);
        stage_ = Stage::HeaderFields;
      }
    } else if (line.empty()) {
      ParseResult result = finishHead(next, out);
      return result.status == ParseStatus::Error ? fail(result) : result;
    } else {
      ParseResult result = parseHeaderLine(line, next - lineStart_, out);
      if (result.status == ParseStatus::Error) return fail(result);
    }
    lineStart_ = scanned_ = next;
  }
}

// Checks what can be judged from the start of a request line, complete or not, so
// that a request gets the same answer however its bytes are cut into reads.
ParseResult HttpRequestParser::checkRequestLinePrefix(std::string_view prefix,
                                                      std::size_t suffixAllowance) const {
  std::size_t methodEnd = prefix.substr(0, kMaxMethodLength + 1).find(' ');
  if (methodEnd == std::string_view::npos) {
    if (prefix.size() <= kMaxMethodLength) return ParseResult::incomplete();
    return syntax::isToken(prefix.substr(0, kMaxMethodLength + 1))
               ? ParseResult::failure(501, "method not implemented")
               : badRequest("invalid method");
  }
  if (!syntax::isToken(prefix.substr(0, methodEnd))) return badRequest("invalid method");
  if (prefix.size() - methodEnd - 1 > limits_.maxRequestTarget + suffixAllowance) {
    return ParseResult::failure(414, "request-target too long");
  }
  return ParseResult::incomplete();
}

// method SP request-target SP HTTP-version, single spaces (RFC 9112 3).
ParseResult HttpRequestParser::parseRequestLine(std::string_view line, HttpRequest& out) {
  ParseResult prefix = checkRequestLinePrefix(line, kVersionSuffixLength);
  if (prefix.status == ParseStatus::Error) return prefix;

  std::size_t methodEnd = line.find(' ');
  if (methodEnd == std::string_view::npos) return badRequest("malformed request line");
  std::string_view methodToken = line.substr(0, methodEnd);
  std::string_view rest = line.substr(methodEnd + 1);
  std::size_t targetEnd = rest.find(' ');
  if (targetEnd == std::string_view::npos) return badRequest("malformed request line");
  std::string_view target = rest.substr(0, targetEnd);
  if (target.size() > limits_.maxRequestTarget) {
    return ParseResult::failure(414, "request-target too long");
  }

  int versionMinor = 1;
  ParseResult version = parseVersion(rest.substr(targetEnd + 1), versionMinor);
  if (version.status == ParseStatus::Error) return version;

  std::optional<Method> method = parseMethod(methodToken);
  if (!method) return ParseResult::failure(501, "method not implemented");

  TargetParts parts;
  std::string_view targetError = splitRequestTarget(*method, target, parts);
  if (!targetError.empty()) return badRequest(targetError);

  out.clear();
  out.method = *method;
  out.target = target;
  out.path = parts.path;
  out.query = parts.query;
  out.versionMinor = versionMinor;
  return ParseResult::incomplete();
}

ParseResult HttpRequestParser::parseHeaderLine(std::string_view line, std::size_t lineBytes,
                                               HttpRequest& out) {
  headerBytes_ += lineBytes;
  if (headerBytes_ > limits_.maxHeaderBytes) {
    return ParseResult::failure(431, "header section too large");
  }
  if (out.headers.size() >= limits_.maxHeaderCount) {
    return ParseResult::failure(431, "too many header fields");
  }
  HeaderField field;
  std::string_view error = parseFieldLine(line, field);
  if (!error.empty()) return badRequest(error);
  FramingError framingError = framing_.observe(field);
  if (framingError) return ParseResult::failure(framingError.status, framingError.reason);
  out.headers.push_back(field);
  return ParseResult::incomplete();
}

ParseResult HttpRequestParser::finishHead(std::size_t bodyStart, HttpRequest& out) {
  FramingError framingError = framing_.finish(out.versionMinor);
  if (framingError) return ParseResult::failure(framingError.status, framingError.reason);

  out.keepAlive = framing_.keepAlive();
  out.expectContinue = framing_.expectContinue();
  out.chunked = framing_.chunked();
  bodyStart_ = bodyStart;
  if (framing_.chunked()) {
    chunkedDecoder_.start(bodyStart);
    stage_ = Stage::ChunkedBody;
  } else {
    // Refused now, before any of the body is read or buffered.
    std::uint64_t length = framing_.contentLength().value_or(0);
    if (length > limits_.maxBodyBytes) return ParseResult::failure(413, "body too large");
    bodyLength_ = static_cast<std::size_t>(length);
    stage_ = Stage::FixedBody;
  }
  return ParseResult::complete(bodyStart);
}

// Refuses a head line that is already too long before its end arrives, so a client
// cannot make the server buffer a megabyte of request-target or header.
ParseResult HttpRequestParser::checkPartialLine(std::string_view buffer) const {
  std::string_view partial = buffer.substr(lineStart_);
  if (stage_ == Stage::RequestLine) {
    // The partial line may end in the CR of its CRLF.
    return checkRequestLinePrefix(partial, kVersionSuffixLength + 1);
  }
  // A lone CR may be the start of the final empty line, which counts for nothing.
  if (partial.empty() || partial == "\r") return ParseResult::incomplete();
  if (headerBytes_ + partial.size() + 1 > limits_.maxHeaderBytes) {
    return ParseResult::failure(431, "header section too large");
  }
  return ParseResult::incomplete();
}

ParseResult HttpRequestParser::parseBody(std::string_view buffer, HttpRequest& out) {
  if (stage_ == Stage::FixedBody) {
    if (buffer.size() - bodyStart_ < bodyLength_) return ParseResult::incomplete();
    out.body = buffer.substr(bodyStart_, bodyLength_);
    stage_ = Stage::Done;
    consumed_ = bodyStart_ + bodyLength_;
    return ParseResult::complete(consumed_);
  }
  assert(stage_ == Stage::ChunkedBody);
  ParseResult result = chunkedDecoder_.decode(buffer, out.decodedBody);
  if (result.status == ParseStatus::Error) return fail(result);
  if (result.status == ParseStatus::Complete) {
    out.body = out.decodedBody;
    stage_ = Stage::Done;
    consumed_ = result.consumed;
  }
  return result;
}

ParseResult HttpRequestParser::fail(ParseResult failure) {
  stage_ = Stage::Failed;
  failure_ = failure;
  return failure;
}

// The views handed out so far point into the previous call's buffer; when the
// caller's buffer has moved (grown, compacted) they are moved by the same distance.
// Only the addresses of the old bytes are used, never the bytes themselves.
void HttpRequestParser::relocateViews(std::string_view buffer, HttpRequest& out) const {
  std::uintptr_t newBase = addressOf(buffer.data());
  if (newBase == previousBase_) return;
  auto relocate = [&](std::string_view& view) {
    std::uintptr_t at = addressOf(view.data());
    if (at < previousBase_ || at > previousBase_ + previousSize_) return;  // not ours
    view = std::string_view(buffer.data() + (at - previousBase_), view.size());
  };
  relocate(out.target);
  relocate(out.path);
  relocate(out.query);
  relocate(out.body);  // a chunked body is in decodedBody, not in the buffer, and stays
  for (HeaderField& field : out.headers) {
    relocate(field.name);
    relocate(field.value);
  }
}

}  // namespace mt::http
