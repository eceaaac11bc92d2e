#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace mt::http {

// One name=value pair of a Cookie request header; views into the header value.
struct Cookie {
  std::string_view name;
  std::string_view value;  // without the surrounding double quotes, if it had them
};

// Parses a Cookie header's cookie-string (RFC 6265 4.2.1): "a=1; b=2". Tolerates what
// browsers and scripts really send (missing or extra spaces, a trailing ';') and
// skips malformed pairs rather than rejecting the header, as browsers would.
std::vector<Cookie> parseCookies(std::string_view header);

// The value of the first cookie with this name (case-sensitive). The first one is the
// one with the most specific path, which is the order browsers send them in.
std::optional<std::string_view> findCookie(const std::vector<Cookie>& cookies,
                                           std::string_view name);

// Same, straight from the header, without building a vector: the usual case of a
// server that wants one cookie (its session token).
std::optional<std::string_view> findCookie(std::string_view header, std::string_view name);

}  // namespace mt::http
