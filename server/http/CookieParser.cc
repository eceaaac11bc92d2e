#include "CookieParser.h"

#include "HttpSyntax.h"

namespace mt::http {

namespace {

// Stricter than a field value, looser than RFC 6265's cookie-octet: spaces and commas
// inside a value are accepted because real clients send them.
bool isCookieValueChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x7F && c != '"' && c != ';' && c != '\\';
}

// Parses one "name=value" segment; false if it is malformed.
bool parsePair(std::string_view segment, Cookie& cookie) {
  segment = syntax::trimOws(segment);
  std::size_t equals = segment.find('=');
  if (equals == std::string_view::npos) return false;
  std::string_view name = syntax::trimOws(segment.substr(0, equals));
  std::string_view value = syntax::trimOws(segment.substr(equals + 1));
  if (!syntax::isToken(name)) return false;
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  for (char c : value) {
    if (!isCookieValueChar(c)) return false;
  }
  cookie = {name, value};
  return true;
}

// Calls visit(cookie) for each well-formed pair until it returns false.
template <typename Visit>
void forEachCookie(std::string_view header, Visit&& visit) {
  while (!header.empty()) {
    std::size_t semicolon = header.find(';');
    Cookie cookie;
    if (parsePair(header.substr(0, semicolon), cookie) && !visit(cookie)) return;
    if (semicolon == std::string_view::npos) return;
    header.remove_prefix(semicolon + 1);
  }
}

}  // namespace

std::vector<Cookie> parseCookies(std::string_view header) {
  std::vector<Cookie> cookies;
  forEachCookie(header, [&cookies](const Cookie& cookie) {
    cookies.push_back(cookie);
    return true;
  });
  return cookies;
}

std::optional<std::string_view> findCookie(const std::vector<Cookie>& cookies,
                                           std::string_view name) {
  for (const Cookie& cookie : cookies) {
    if (cookie.name == name) return cookie.value;
  }
  return std::nullopt;
}

std::optional<std::string_view> findCookie(std::string_view header, std::string_view name) {
  std::optional<std::string_view> found;
  forEachCookie(header, [&](const Cookie& cookie) {
    if (cookie.name != name) return true;
    found = cookie.value;
    return false;
  });
  return found;
}

}  // namespace mt::http
