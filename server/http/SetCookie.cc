#include "SetCookie.h"

#include <cassert>
#include <charconv>
#include <string_view>

#include "HttpSyntax.h"

namespace mt::http {

namespace {

// cookie-octet (RFC 6265 4.1.1): what a value may hold without quoting. The server
// makes its own cookie values (tokens), so a bad one is a programming error.
bool isCookieOctet(char c) {
  auto u = static_cast<unsigned char>(c);
  return u == 0x21 || (u >= 0x23 && u <= 0x2B) || (u >= 0x2D && u <= 0x3A) ||
         (u >= 0x3C && u <= 0x5B) || (u >= 0x5D && u <= 0x7E);
}

[[maybe_unused]] bool isCookieValue(std::string_view value) {
  for (char c : value) {
    if (!isCookieOctet(c)) return false;
  }
  return true;
}

std::string_view sameSiteName(SetCookie::SameSite sameSite) {
  switch (sameSite) {
    case SetCookie::SameSite::Strict:
      return "Strict";
    case SetCookie::SameSite::Lax:
      return "Lax";
    case SetCookie::SameSite::None:
      return "None";
    case SetCookie::SameSite::Unset:
      break;
  }
  return {};
}

}  // namespace

std::string SetCookie::serialize() const {
  assert(syntax::isToken(name) && "cookie name must be a token");
  assert(isCookieValue(value) && "cookie value must be cookie-octets");

  std::string out;
  out.reserve(name.size() + value.size() + path.size() + 64);
  out += name;
  out += '=';
  out += value;
  if (!path.empty()) {
    out += "; Path=";
    out += path;
  }
  if (maxAge) {
    // A negative Max-Age is how a cookie is deleted; RFC 6265 5.2.2 treats any
    // value <= 0 as "expire now", so it is written as 0.
    char digits[24];
    long long seconds = maxAge->count() > 0 ? static_cast<long long>(maxAge->count()) : 0;
    char* end = std::to_chars(digits, digits + sizeof digits, seconds).ptr;
    out += "; Max-Age=";
    out.append(digits, end);
  }
  if (secure) out += "; Secure";
  if (httpOnly) out += "; HttpOnly";
  if (std::string_view site = sameSiteName(sameSite); !site.empty()) {
    out += "; SameSite=";
    out += site;
  }
  return out;
}

}  // namespace mt::http
