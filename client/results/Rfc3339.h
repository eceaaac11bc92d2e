#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mt::load {

// "2026-11-28T15:50:28.123Z": UTC, with as many fraction digits (0, 3, 6 or 9) as the
// value needs, so parseRfc3339(formatRfc3339(t)) == t for every t.
std::string formatRfc3339(std::int64_t unixNs);

// Accepts RFC 3339 date-times: 'T' or 't', fraction of 1..9 digits or none, 'Z', 'z'
// or a ±hh:mm offset. Throws std::invalid_argument with the text otherwise.
std::int64_t parseRfc3339(std::string_view text);

}  // namespace mt::load
