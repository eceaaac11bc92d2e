#pragma once

#include <sys/types.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "SetCookie.h"

namespace mt::net {
class FileDescriptor;
}

namespace mt::http {

// Part of an open file sent with sendfile(2) instead of a body string.
struct FileBody {
  std::shared_ptr<const net::FileDescriptor> file;
  off_t offset = 0;
  std::size_t length = 0;
};

// A response as views build it. The protocol adds Date, Server, Content-Length and
// Connection when it serialises it; a view sets only what is its own business.
struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<FileBody> file;  // when set, sent instead of body

  HttpResponse() = default;
  explicit HttpResponse(int statusCode) : status(statusCode) {}

  HttpResponse& setHeader(std::string name, std::string value);  // replaces
  HttpResponse& addHeader(std::string name, std::string value);  // appends
  HttpResponse& setCookie(const SetCookie& cookie);
  const std::string* findHeader(std::string_view name) const;  // case-insensitive

  std::size_t contentLength() const { return file ? file->length : body.size(); }

  static HttpResponse text(int status, std::string body,
                           std::string contentType = "text/plain; charset=utf-8");
  // A small HTML page for an error status: "404 Not Found" and a line of detail.
  static HttpResponse error(int status, std::string_view detail = {});
};

// The standard reason phrase ("Not Found"), or "Unknown".
std::string_view reasonPhrase(int status);

}  // namespace mt::http
