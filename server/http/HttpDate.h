#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mt::http {

// IMF-fixdate, the one format a server sends (RFC 9110 5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT".
inline constexpr std::size_t kHttpDateLength = 29;

// Writes exactly kHttpDateLength characters to `out`. Times outside the years
// 0000-9999, which the format cannot express, are clamped into them.
void formatHttpDate(std::chrono::sys_seconds time, char* out);
std::string formatHttpDate(std::chrono::sys_seconds time);

// Parses any of the three formats a recipient must accept (RFC 9110 5.6.7):
// IMF-fixdate, the obsolete RFC 850 form ("Sunday, 06-Nov-94 08:49:37 GMT") and
// asctime ("Sun Nov  6 08:49:37 1994"). Returns nullopt for anything else, which is
// how an If-Modified-Since with a bad date is to be treated: as absent.
std::optional<std::chrono::sys_seconds> parseHttpDate(std::string_view text);

// The current time as an HTTP date for the Date header, formatted at most once a
// second per thread (the clock read is the coarse one, a few nanoseconds). The view
// stays valid on the calling thread until its next call.
std::string_view currentHttpDate();

}  // namespace mt::http
