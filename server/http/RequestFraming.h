#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "HttpRequest.h"

namespace mt::http {

// Why a request's framing fields are unacceptable: the status to answer and a short
// reason for logs. status 0 means no error.
struct FramingError {
  int status = 0;
  std::string_view reason;

  explicit operator bool() const { return status != 0; }
};

// The header fields the parser itself must act on, gathered one field at a time as
// the header section is read: how the body is delimited (Content-Length,
// Transfer-Encoding — RFC 9112 6), whether the connection persists (Connection, 9.3),
// Expect: 100-continue (RFC 9110 10.1.1) and Host (RFC 9112 3.2).
//
// Everything that could let two HTTP implementations disagree about where a request
// ends is refused here: that disagreement is what request smuggling exploits.
class RequestFraming {
 public:
  FramingError observe(const HeaderField& field);
  // Checks the fields together once the header section is complete.
  FramingError finish(int versionMinor);

  std::optional<std::uint64_t> contentLength() const { return contentLength_; }
  bool chunked() const { return chunkedCount_ > 0; }
  // Valid after finish().
  bool keepAlive() const { return keepAlive_; }
  bool expectContinue() const { return expectContinue_; }

 private:
  FramingError observeContentLength(std::string_view value);
  FramingError observeTransferEncoding(std::string_view value);
  void observeConnection(std::string_view value);
  void observeExpect(std::string_view value);

  std::optional<std::uint64_t> contentLength_;
  bool transferEncodingSeen_ = false;
  int chunkedCount_ = 0;
  bool chunkedIsFinal_ = false;
  bool otherCodingSeen_ = false;
  bool connectionClose_ = false;
  bool connectionKeepAlive_ = false;
  bool expect100_ = false;
  int hostCount_ = 0;
  bool keepAlive_ = true;
  bool expectContinue_ = false;
};

}  // namespace mt::http
