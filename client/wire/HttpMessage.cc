#include "HttpMessage.h"

#include <charconv>

namespace mt::load {

namespace {

constexpr std::string_view kVersion = " HTTP/1.1\r\n";
constexpr std::string_view kHost = "Host: ";
constexpr std::string_view kAuthorization = "Authorization: ";
constexpr std::string_view kAccept = "Accept: ";
constexpr std::string_view kContentType = "Content-Type: ";
constexpr std::string_view kContentLength = "Content-Length: ";
constexpr std::string_view kLineEnd = "\r\n";

}  // namespace

void appendRequest(std::string& out, const HttpRequest& request, std::string_view hostHeader) {
  // A body without a Content-Type still gets its Content-Length: writing it unframed
  // would make the server read it as the next request.
  bool withBody = !request.contentType.empty() || !request.body.empty();
  char length[24];
  std::size_t lengthSize = 0;
  if (withBody) {
    lengthSize = static_cast<std::size_t>(
        std::to_chars(length, length + sizeof length, request.body.size()).ptr - length);
  }

  std::size_t size = request.method.size() + 1 + request.target.size() + kVersion.size() +
                     kHost.size() + hostHeader.size() + kLineEnd.size() + kLineEnd.size();
  if (!request.authorization.empty()) {
    size += kAuthorization.size() + request.authorization.size() + kLineEnd.size();
  }
  if (!request.accept.empty()) size += kAccept.size() + request.accept.size() + kLineEnd.size();
  if (!request.contentType.empty()) {
    size += kContentType.size() + request.contentType.size() + kLineEnd.size();
  }
  if (withBody) size += kContentLength.size() + lengthSize + kLineEnd.size() + request.body.size();
  out.reserve(out.size() + size);

  out += request.method;
  out += ' ';
  out += request.target;
  out += kVersion;
  out += kHost;
  out += hostHeader;
  out += kLineEnd;
  if (!request.authorization.empty()) {
    out += kAuthorization;
    out += request.authorization;
    out += kLineEnd;
  }
  if (!request.accept.empty()) {
    out += kAccept;
    out += request.accept;
    out += kLineEnd;
  }
  if (!request.contentType.empty()) {
    out += kContentType;
    out += request.contentType;
    out += kLineEnd;
  }
  if (withBody) {
    out += kContentLength;
    out.append(length, lengthSize);
    out += kLineEnd;
  }
  out += kLineEnd;
  if (withBody) out += request.body;
}

}  // namespace mt::load
