#pragma once

#include <cstdint>
#include <string_view>

namespace mt::client::cli {

// A duration option ("10s", "500ms", "2m", a plain number of seconds: Duration.h) in
// nanoseconds.
// Throws UsageError naming `option` for anything else.
std::int64_t parseDuration(std::string_view text, std::string_view option);

}  // namespace mt::client::cli
