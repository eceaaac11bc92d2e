#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace mt::load {

// "100ms", "2s", "1.5m", "250us", "10ns", "1h", or a plain number of seconds ("0.2"),
// to nanoseconds (rounded). nullopt for anything else, a negative value, or more than
// 10^6 seconds.
std::optional<std::int64_t> parseDurationNs(std::string_view text);

}  // namespace mt::load
