#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace mt::http {

// A Set-Cookie header value (RFC 6265 section 4.1).
struct SetCookie {
  enum class SameSite { Unset, Strict, Lax, None };

  std::string name;
  std::string value;
  std::string path = "/";
  std::optional<std::chrono::seconds> maxAge;
  bool httpOnly = true;
  bool secure = false;
  SameSite sameSite = SameSite::Lax;

  // "name=value; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax"
  std::string serialize() const;
};

}  // namespace mt::http
