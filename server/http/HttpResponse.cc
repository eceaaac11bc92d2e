#include "HttpResponse.h"

#include <algorithm>
#include <charconv>

#include "HttpSyntax.h"

namespace mt::http {

namespace {

// The detail of an error page may echo client input (a path, a header), so it is
// escaped before it goes into HTML.
void appendHtmlEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

HttpResponse& HttpResponse::setHeader(std::string name, std::string value) {
  auto sameName = [&name](const auto& header) {
    return syntax::equalsIgnoreCase(header.first, name);
  };
  auto first = std::find_if(headers.begin(), headers.end(), sameName);
  if (first == headers.end()) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  first->second = std::move(value);
  headers.erase(std::remove_if(std::next(first), headers.end(), sameName), headers.end());
  return *this;
}

HttpResponse& HttpResponse::addHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

HttpResponse& HttpResponse::setCookie(const SetCookie& cookie) {
  // Each cookie needs a Set-Cookie line of its own: the header cannot be folded
  // into a comma list (RFC 6265 3), so this appends rather than replaces.
  return addHeader("Set-Cookie", cookie.serialize());
}

const std::string* HttpResponse::findHeader(std::string_view name) const {
  for (const auto& [headerName, value] : headers) {
    if (syntax::equalsIgnoreCase(headerName, name)) return &value;
  }
  return nullptr;
}

HttpResponse HttpResponse::text(int status, std::string body, std::string contentType) {
  HttpResponse response(status);
  response.body = std::move(body);
  response.headers.emplace_back("Content-Type", std::move(contentType));
  return response;
}

HttpResponse HttpResponse::error(int status, std::string_view detail) {
  char code[4] = {};
  std::to_chars(code, code + sizeof code - 1, status);
  std::string title = code;
  title += ' ';
  title += reasonPhrase(status);

  std::string page;
  page.reserve(160 + 2 * title.size() + detail.size());
  page += "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>";
  page += title;
  page += "</title></head>\n<body><h1>";
  page += title;
  page += "</h1>\n";
  if (!detail.empty()) {
    page += "<p>";
    appendHtmlEscaped(page, detail);
    page += "</p>\n";
  }
  page += "</body></html>\n";
  return text(status, std::move(page), "text/html; charset=utf-8");
}

std::string_view reasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 101:
      return "Switching Protocols";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 203:
      return "Non-Authoritative Information";
    case 204:
      return "No Content";
    case 205:
      return "Reset Content";
    case 206:
      return "Partial Content";
    case 300:
      return "Multiple Choices";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 407:
      return "Proxy Authentication Required";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 417:
      return "Expectation Failed";
    case 421:
      return "Misdirected Request";
    case 422:
      return "Unprocessable Content";
    case 426:
      return "Upgrade Required";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 451:
      return "Unavailable For Legal Reasons";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

}  // namespace mt::http
