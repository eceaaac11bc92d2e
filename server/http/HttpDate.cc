#include "HttpDate.h"

#include <time.h>

#include <algorithm>
#include <array>

namespace mt::http {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> kDayNames = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> kLongDayNames = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void writeTwoDigits(char* out, unsigned value) {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
}

void writeName(char* out, std::string_view name) {
  out[0] = name[0];
  out[1] = name[1];
  out[2] = name[2];
}

// Reads the fixed-layout formats left to right; every step fails the whole parse.
class DateCursor {
 public:
  explicit DateCursor(std::string_view text) : rest_(text) {}

  bool literal(std::string_view expected) {
    if (!rest_.starts_with(expected)) return false;
    rest_.remove_prefix(expected.size());
    return true;
  }

  bool number(std::size_t digits, int& value) {
    if (rest_.size() < digits) return false;
    value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      char c = rest_[i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    rest_.remove_prefix(digits);
    return true;
  }

  // asctime pads the day of the month with a space: " 6".
  bool spacePaddedDay(int& value) {
    if (literal(" ")) return number(1, value);
    return number(2, value);
  }

  template <std::size_t N>
  bool name(const std::array<std::string_view, N>& names, int& index) {
    for (std::size_t i = 0; i < N; ++i) {
      if (literal(names[i])) {
        index = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }

  // hour ":" minute ":" second
  bool timeOfDay(int& hour, int& minute, int& second) {
    return number(2, hour) && literal(":") && number(2, minute) && literal(":") &&
           number(2, second);
  }

  bool atEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

struct DateFields {
  int year = 0;
  int month = 0;  // 0-11
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

std::optional<sys_seconds> toTime(const DateFields& f) {
  // The grammar allows a leap second (60); it is read as the next second's start.
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;
  year_month_day date{year{f.year}, month{static_cast<unsigned>(f.month + 1)},
                      day{static_cast<unsigned>(f.day)}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date} + hours{f.hour} + minutes{f.minute} + seconds{f.second};
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<sys_seconds> parseImfFixdate(std::string_view text) {
  DateCursor in(text);
  DateFields f;
  int weekday = 0;
  if (in.name(kDayNames, weekday) && in.literal(", ") && in.number(2, f.day) && in.literal(" ") &&
      in.name(kMonthNames, f.month) && in.literal(" ") && in.number(4, f.year) && in.literal(" ") &&
      in.timeOfDay(f.hour, f.minute, f.second) && in.literal(" GMT") && in.atEnd()) {
    return toTime(f);
  }
  return std::nullopt;
}

// "Sunday, 06-Nov-94 08:49:37 GMT"
std::optional<sys_seconds> parseRfc850Date(std::string_view text) {
  DateCursor in(text);
  DateFields f;
  int weekday = 0;
  int twoDigitYear = 0;
  if (!(in.name(kLongDayNames, weekday) && in.literal(", ") && in.number(2, f.day) &&
        in.literal("-") && in.name(kMonthNames, f.month) && in.literal("-") &&
        in.number(2, twoDigitYear) && in.literal(" ") && in.timeOfDay(f.hour, f.minute, f.second) &&
        in.literal(" GMT") && in.atEnd())) {
    return std::nullopt;
  }
  // RFC 9110 5.6.7: a year more than 50 years in the future is the most recent past
  // year with the same last two digits.
  int currentYear = static_cast<int>(year_month_day{floor<days>(system_clock::now())}.year());
  f.year = currentYear - currentYear % 100 + twoDigitYear;
  if (f.year > currentYear + 50) f.year -= 100;
  return toTime(f);
}

// "Sun Nov  6 08:49:37 1994"
std::optional<sys_seconds> parseAsctimeDate(std::string_view text) {
  DateCursor in(text);
  DateFields f;
  int weekday = 0;
  if (in.name(kDayNames, weekday) && in.literal(" ") && in.name(kMonthNames, f.month) &&
      in.literal(" ") && in.spacePaddedDay(f.day) && in.literal(" ") &&
      in.timeOfDay(f.hour, f.minute, f.second) && in.literal(" ") && in.number(4, f.year) &&
      in.atEnd()) {
    return toTime(f);
  }
  return std::nullopt;
}

}  // namespace

void formatHttpDate(sys_seconds time, char* out) {
  constexpr sys_seconds kEarliest = sys_days{year{0} / January / 1};
  constexpr sys_seconds kLatest =
      sys_days{year{9999} / December / 31} + hours{23} + minutes{59} + seconds{59};
  time = std::clamp(time, kEarliest, kLatest);

  sys_days date = floor<days>(time);
  year_month_day ymd{date};
  hh_mm_ss<seconds> clock{time - date};
  auto yearNumber = static_cast<unsigned>(static_cast<int>(ymd.year()));

  writeName(out, kDayNames[weekday{date}.c_encoding()]);
  out[3] = ',';
  out[4] = ' ';
  writeTwoDigits(out + 5, static_cast<unsigned>(ymd.day()));
  out[7] = ' ';
  writeName(out + 8, kMonthNames[static_cast<unsigned>(ymd.month()) - 1]);
  out[11] = ' ';
  writeTwoDigits(out + 12, yearNumber / 100);
  writeTwoDigits(out + 14, yearNumber % 100);
  out[16] = ' ';
  writeTwoDigits(out + 17, static_cast<unsigned>(clock.hours().count()));
  out[19] = ':';
  writeTwoDigits(out + 20, static_cast<unsigned>(clock.minutes().count()));
  out[22] = ':';
  writeTwoDigits(out + 23, static_cast<unsigned>(clock.seconds().count()));
  writeName(out + 25, " GM");
  out[28] = 'T';
}

std::string formatHttpDate(sys_seconds time) {
  std::string text(kHttpDateLength, '\0');
  formatHttpDate(time, text.data());
  return text;
}

std::optional<sys_seconds> parseHttpDate(std::string_view text) {
  if (text.size() == kHttpDateLength && text[3] == ',') return parseImfFixdate(text);
  if (text.find(',') != std::string_view::npos) return parseRfc850Date(text);
  return parseAsctimeDate(text);
}

std::string_view currentHttpDate() {
  struct Cache {
    time_t second = -1;
    char text[kHttpDateLength];
  };
  thread_local Cache cache;

  timespec now{};
  clock_gettime(CLOCK_REALTIME_COARSE, &now);
  if (now.tv_sec != cache.second) {
    formatHttpDate(sys_seconds{seconds{now.tv_sec}}, cache.text);
    cache.second = now.tv_sec;
  }
  return {cache.text, kHttpDateLength};
}

}  // namespace mt::http
