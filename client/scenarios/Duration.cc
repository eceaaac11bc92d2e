#include "Duration.h"

#include <charconv>
#include <cmath>
#include <utility>

namespace mt::load {
namespace {

constexpr double kMaxSeconds = 1e6;

constexpr std::pair<std::string_view, double> kUnits[] = {
    {"ns", 1.0}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"m", 60e9}, {"h", 3600e9}, {"", 1e9}};

bool isNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '.';
}

}  // namespace

std::optional<std::int64_t> parseDurationNs(std::string_view text) {
  std::size_t numberEnd = 0;
  while (numberEnd < text.size() && isNumberChar(text[numberEnd]))
    ++numberEnd;
  const std::string_view number = text.substr(0, numberEnd);
  const std::string_view unit = text.substr(numberEnd);
  // Digits first: from_chars alone would take "inf", "1e3" or a bare ".".
  if (number.empty() || number.front() == '.' || number.back() == '.') return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size()) return std::nullopt;
  for (const auto& [name, nanoseconds] : kUnits) {
    if (unit != name) continue;
    const double total = value * nanoseconds;
    if (!std::isfinite(total) || total > kMaxSeconds * 1e9) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(total));
  }
  return std::nullopt;
}

}  // namespace mt::load
