#include "LiveStamp.h"

#include <limits>

namespace mt::load {

std::string stampedText(std::int64_t sentUnixNs, std::uint64_t serial) {
  return "t=" + std::to_string(sentUnixNs / 1000) + " #live n" + std::to_string(serial);
}

std::optional<std::int64_t> stampOf(std::string_view text) {
  if (!text.starts_with("t=")) return std::nullopt;
  text.remove_prefix(2);
  // The result is in ns, so the stamp is at most INT64_MAX / 1000 µs.
  constexpr std::int64_t kMaxMicros = std::numeric_limits<std::int64_t>::max() / 1000;
  std::int64_t micros = 0;
  std::size_t digits = 0;
  for (; digits < text.size() && text[digits] >= '0' && text[digits] <= '9'; ++digits) {
    const int digit = text[digits] - '0';
    if (micros > (kMaxMicros - digit) / 10) return std::nullopt;
    micros = micros * 10 + digit;
  }
  if (digits == 0 || (digits < text.size() && text[digits] != ' ')) return std::nullopt;
  return micros * 1000;
}

}  // namespace mt::load
