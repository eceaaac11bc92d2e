#include "ServerUrl.h"

#include <charconv>

#include "ApiErrors.h"

namespace mt::client {

namespace {

constexpr std::string_view kHttp = "http://";
constexpr std::string_view kHttps = "https://";

std::uint16_t parsePort(std::string_view digits, std::string_view whole) {
  unsigned value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
      value == 0 || value > 65535) {
    throw BadServerUrl("bad port in server URL '" + std::string(whole) + "'");
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

ServerUrl ServerUrl::parse(std::string_view text) {
  const std::string whole(text);
  if (text.substr(0, kHttps.size()) == kHttps) {
    throw BadServerUrl("https is not supported yet: use an http:// server URL ('" + whole + "')");
  }
  if (text.substr(0, kHttp.size()) != kHttp) {
    throw BadServerUrl("the server URL must look like http://host:port, not '" + whole + "'");
  }
  std::string_view rest = text.substr(kHttp.size());
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  while (!path.empty() && path.back() == '/')
    path.remove_suffix(1);
  if (path.find_first_of("?#") != std::string_view::npos) {
    throw BadServerUrl("the server URL must not have a query or fragment ('" + whole + "')");
  }

  ServerUrl url;
  url.pathPrefix = std::string(path);
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) throw BadServerUrl("bad IPv6 address in '" + whole + "'");
    url.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') throw BadServerUrl("bad server URL '" + whole + "'");
      url.port = parsePort(after.substr(1), text);
    }
  } else {
    const auto colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) url.port = parsePort(authority.substr(colon + 1), text);
  }
  if (url.host.empty()) throw BadServerUrl("no host in server URL '" + whole + "'");
  if (url.host.find('@') != std::string::npos) {
    throw BadServerUrl("user names in the server URL are not supported ('" + whole + "')");
  }
  return url;
}

std::string ServerUrl::canonical() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return std::string(kHttp) + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) +
         pathPrefix;
}

}  // namespace mt::client
