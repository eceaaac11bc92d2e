#include "Rfc3339.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace mt::load {
namespace {

constexpr std::int64_t kNsPerSecond = 1'000'000'000;

[[noreturn]] void reject(std::string_view text, const char* why) {
  throw std::invalid_argument("not an RFC 3339 time (" + std::string(why) + "): \"" +
                              std::string(text) + "\"");
}

// Reads `width` digits at `pos`.
int digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) reject(text, "too short");
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') reject(text, "digit expected");
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

void expect(std::string_view text, std::size_t pos, char c) {
  if (pos >= text.size() || text[pos] != c) reject(text, "separator expected");
}

}  // namespace

std::string formatRfc3339(std::int64_t unixNs) {
  using namespace std::chrono;
  std::int64_t seconds = unixNs / kNsPerSecond;
  std::int64_t fraction = unixNs % kNsPerSecond;
  if (fraction < 0) {
    fraction += kNsPerSecond;
    --seconds;
  }
  const sys_days day = floor<days>(sys_seconds{std::chrono::seconds{seconds}});
  const year_month_day date{day};
  const hh_mm_ss<std::chrono::seconds> time{sys_seconds{std::chrono::seconds{seconds}} - day};
  char text[48];
  int n = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d",
                        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                        static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                        static_cast<int>(time.minutes().count()),
                        static_cast<int>(time.seconds().count()));
  if (fraction % 1'000'000 == 0 && fraction != 0) {
    n += std::snprintf(text + n, sizeof text - n, ".%03lld",
                       static_cast<long long>(fraction / 1'000'000));
  } else if (fraction % 1'000 == 0 && fraction != 0) {
    n += std::snprintf(text + n, sizeof text - n, ".%06lld",
                       static_cast<long long>(fraction / 1'000));
  } else if (fraction != 0) {
    n += std::snprintf(text + n, sizeof text - n, ".%09lld", static_cast<long long>(fraction));
  }
  return std::string(text, static_cast<std::size_t>(n)) + "Z";
}

std::int64_t parseRfc3339(std::string_view text) {
  using namespace std::chrono;
  const int yearValue = digits(text, 0, 4);
  expect(text, 4, '-');
  const int monthValue = digits(text, 5, 2);
  expect(text, 7, '-');
  const int dayValue = digits(text, 8, 2);
  if (text.size() <= 10 || (text[10] != 'T' && text[10] != 't')) reject(text, "'T' expected");
  const int hour = digits(text, 11, 2);
  expect(text, 13, ':');
  const int minute = digits(text, 14, 2);
  expect(text, 16, ':');
  const int second = digits(text, 17, 2);
  const year_month_day date{year{yearValue}, month{static_cast<unsigned>(monthValue)},
                            day{static_cast<unsigned>(dayValue)}};
  if (!date.ok()) reject(text, "no such date");
  if (hour > 23 || minute > 59 || second > 59) reject(text, "no such time");

  std::size_t pos = 19;
  std::int64_t fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t count = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (++count > 9) reject(text, "more than 9 fraction digits");
      fraction = fraction * 10 + (text[pos] - '0');
      ++pos;
    }
    if (count == 0) reject(text, "fraction digits expected");
    for (; count < 9; ++count)
      fraction *= 10;
  }
  std::int64_t offsetSeconds = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '+' ? 1 : -1;
    const int offsetHours = digits(text, pos + 1, 2);
    expect(text, pos + 3, ':');
    const int offsetMinutes = digits(text, pos + 4, 2);
    if (offsetHours > 23 || offsetMinutes > 59) reject(text, "no such offset");
    offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
    pos += 6;
  } else {
    reject(text, "'Z' or offset expected");
  }
  if (pos != text.size()) reject(text, "trailing characters");

  const std::int64_t daySeconds = sys_days{date}.time_since_epoch() / std::chrono::seconds{1};
  const std::int64_t seconds = daySeconds + hour * 3600 + minute * 60 + second - offsetSeconds;
  return seconds * kNsPerSecond + fraction;
}

}  // namespace mt::load
