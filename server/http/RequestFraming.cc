#include "RequestFraming.h"

#include <limits>

#include "HttpSyntax.h"

namespace mt::http {

namespace {

using syntax::equalsIgnoreCase;

constexpr FramingError badRequest(std::string_view reason) {
  return {400, reason};
}

// 1*DIGIT without sign, whitespace or overflow; nullopt for anything else.
std::optional<std::uint64_t> parseDecimal(std::string_view digits, bool& overflow) {
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  for (char c : digits) {
    if (!syntax::isDigit(c)) return std::nullopt;
    auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (kMax - digit) / 10) {
      overflow = true;
      return std::nullopt;
    }
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace

FramingError RequestFraming::observe(const HeaderField& field) {
  // Dispatch on length first: almost every field is none of these, and a length
  // mismatch rejects it without touching its bytes.
  switch (field.name.size()) {
    case 4:
      if (equalsIgnoreCase(field.name, "Host")) ++hostCount_;
      break;
    case 6:
      if (equalsIgnoreCase(field.name, "Expect")) observeExpect(field.value);
      break;
    case 10:
      if (equalsIgnoreCase(field.name, "Connection")) observeConnection(field.value);
      break;
    case 14:
      if (equalsIgnoreCase(field.name, "Content-Length")) return observeContentLength(field.value);
      break;
    case 17:
      if (equalsIgnoreCase(field.name, "Transfer-Encoding")) {
        return observeTransferEncoding(field.value);
      }
      break;
    default:
      break;
  }
  return {};
}

// RFC 9112 6.3 item 5: a list of identical values ("5, 5", or the field repeated) is
// one length; anything else is unrecoverable framing.
FramingError RequestFraming::observeContentLength(std::string_view value) {
  FramingError error;
  bool sawElement = false;
  syntax::forEachListElement(value, [&](std::string_view element) {
    sawElement = true;
    bool overflow = false;
    std::optional<std::uint64_t> length = parseDecimal(element, overflow);
    if (!length) {
      error = badRequest(overflow ? "Content-Length out of range" : "invalid Content-Length");
      return false;
    }
    if (contentLength_ && *contentLength_ != *length) {
      error = badRequest("conflicting Content-Length values");
      return false;
    }
    contentLength_ = length;
    return true;
  });
  if (!error && !sawElement) error = badRequest("empty Content-Length");
  return error;
}

// Codings are listed in the order applied, across repeated fields (RFC 9112 6.1).
FramingError RequestFraming::observeTransferEncoding(std::string_view value) {
  transferEncodingSeen_ = true;
  FramingError error;
  syntax::forEachListElement(value, [&](std::string_view element) {
    std::string_view coding = syntax::trimOws(element.substr(0, element.find(';')));
    if (!syntax::isToken(coding)) {
      error = badRequest("invalid Transfer-Encoding");
      return false;
    }
    if (equalsIgnoreCase(coding, "chunked")) {
      if (++chunkedCount_ > 1) {
        error = badRequest("chunked applied more than once");
        return false;
      }
      chunkedIsFinal_ = true;
    } else {
      otherCodingSeen_ = true;
      chunkedIsFinal_ = false;
    }
    return true;
  });
  return error;
}

void RequestFraming::observeConnection(std::string_view value) {
  syntax::forEachListElement(value, [this](std::string_view option) {
    if (equalsIgnoreCase(option, "close")) connectionClose_ = true;
    if (equalsIgnoreCase(option, "keep-alive")) connectionKeepAlive_ = true;
    return true;
  });
}

// Other expectations are ignored rather than answered 417 (RFC 9110 10.1.1 allows
// either); nothing this server does depends on them.
void RequestFraming::observeExpect(std::string_view value) {
  syntax::forEachListElement(value, [this](std::string_view expectation) {
    if (equalsIgnoreCase(expectation, "100-continue")) expect100_ = true;
    return true;
  });
}

FramingError RequestFraming::finish(int versionMinor) {
  if (hostCount_ > 1) return badRequest("more than one Host field");
  if (versionMinor >= 1 && hostCount_ == 0) return badRequest("HTTP/1.1 request without Host");

  if (transferEncodingSeen_) {
    // RFC 9112 6.1: an HTTP/1.0 message with Transfer-Encoding has faulty framing.
    if (versionMinor == 0) return badRequest("Transfer-Encoding in an HTTP/1.0 request");
    // RFC 9112 6.3 item 3 lets a server drop Content-Length instead; refusing the
    // request is the choice that leaves no room for a front end to read it otherwise.
    if (contentLength_) return badRequest("both Transfer-Encoding and Content-Length");
    if (!chunkedIsFinal_) return badRequest("chunked is not the final transfer coding");
    if (otherCodingSeen_) return {501, "unsupported transfer coding"};
  }

  keepAlive_ = versionMinor >= 1 ? !connectionClose_ : connectionKeepAlive_ && !connectionClose_;
  // A 1.0 client does not know 100 Continue, so its expectation is ignored (RFC 9110 10.1.1).
  expectContinue_ = expect100_ && versionMinor >= 1;
  return {};
}

}  // namespace mt::http
