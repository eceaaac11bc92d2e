#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The send-time stamp live posters put in their tweets, so that whoever receives the
// tweet (on a host sharing the clock) knows when it was sent.
namespace mt::load {

// "t=<Unix µs> #live n<serial>": the stamp first, then a tag and the poster's serial
// (so no two of a poster's tweets are equal).
std::string stampedText(std::int64_t sentUnixNs, std::uint64_t serial);

// The send time (Unix ns, µs precision) of a text that starts with a stamp: "t=" and
// digits (at most INT64_MAX / 1000), then the end or a space. nullopt otherwise.
std::optional<std::int64_t> stampOf(std::string_view text);

}  // namespace mt::load
