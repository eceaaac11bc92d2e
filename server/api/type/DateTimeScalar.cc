#include "DateTimeScalar.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "GraphQLError.h"
#include "Inspect.h"
#include "Printer.h"

namespace mt::api {

namespace {

namespace chrono = std::chrono;

// Reads exactly `count` digits at text[at...]; nullopt if they are not all digits.
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (text.size() < at + count) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

[[noreturn]] void invalidString(const Value& value) {
  throw GraphQLError("DateTime cannot represent an invalid date-time string: " + inspect(value));
}

Value fromString(const Value& input) {
  const auto epoch = DateTimeScalar::parse(input.asString());
  if (!epoch.has_value()) invalidString(input);
  return Value(*epoch);
}

}  // namespace

std::optional<std::int64_t> DateTimeScalar::parse(std::string_view text) {
  // date-fullyear "-" date-month "-" date-mday "T" time-hour ":" time-minute ":"
  // time-second [time-secfrac] time-offset   (RFC 3339, section 5.6)
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  const auto second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') || text[13] != ':' ||
      text[16] != ':') {
    return std::nullopt;
  }
  if (*hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  const chrono::year_month_day date{chrono::year(*year),
                                    chrono::month(static_cast<unsigned>(*month)),
                                    chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;

  std::size_t at = 19;
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t fractionStart = at;
    int scale = 100;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      millis += (text[at] - '0') * scale;  // digits past the third add nothing
      scale /= 10;
      ++at;
    }
    if (at == fractionStart) return std::nullopt;
  }
  if (at >= text.size()) return std::nullopt;
  int offsetMinutes = 0;
  if (text[at] == 'Z' || text[at] == 'z') {
    ++at;
  } else if (text[at] == '+' || text[at] == '-') {
    const auto offsetHour = digits(text, at + 1, 2);
    const auto offsetMinute = digits(text, at + 4, 2);
    if (!offsetHour || !offsetMinute || text[at + 3] != ':' || *offsetHour > 23 ||
        *offsetMinute > 59) {
      return std::nullopt;
    }
    offsetMinutes = (*offsetHour * 60 + *offsetMinute) * (text[at] == '-' ? -1 : 1);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;

  const auto time = chrono::sys_days(date) + chrono::hours(*hour) + chrono::minutes(*minute) +
                    chrono::seconds(*second) + chrono::milliseconds(millis) -
                    chrono::minutes(offsetMinutes);
  return chrono::duration_cast<chrono::milliseconds>(time.time_since_epoch()).count();
}

std::optional<std::string> DateTimeScalar::format(std::int64_t epochMilliseconds) {
  // 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
  constexpr std::int64_t kMin = -62167219200000;
  constexpr std::int64_t kMax = 253402300799999;
  if (epochMilliseconds < kMin || epochMilliseconds > kMax) return std::nullopt;
  const chrono::sys_time<chrono::milliseconds> time{chrono::milliseconds(epochMilliseconds)};
  const auto day = chrono::floor<chrono::days>(time);
  const chrono::year_month_day date{day};
  const chrono::hh_mm_ss clock{time - day};
  char buffer[96];  // 25 bytes used; room for any int GCC cannot rule out
  std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
      static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
      static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  return std::string(buffer);
}

Value DateTimeScalar::serialize(const Value& result) const {
  std::optional<std::int64_t> epoch;
  if (result.isInt()) {
    epoch = result.asInt();
  } else if (result.isFloat() && std::isfinite(result.asFloat()) &&
             std::trunc(result.asFloat()) == result.asFloat() &&
             std::fabs(result.asFloat()) < 1e17) {
    epoch = static_cast<std::int64_t>(result.asFloat());
  } else if (result.isString()) {
    epoch = parse(result.asString());
    if (!epoch.has_value()) invalidString(result);
  } else {
    throw GraphQLError("DateTime cannot represent value: " + inspect(result));
  }
  auto text = format(*epoch);
  if (!text.has_value()) {
    throw GraphQLError("DateTime cannot represent a date-time outside years 0000-9999: " +
                       inspect(result));
  }
  return Value(std::move(*text));
}

Value DateTimeScalar::parseValue(const Value& input) const {
  if (!input.isString()) {
    throw GraphQLError("DateTime cannot represent non-string value: " + inspect(input));
  }
  return fromString(input);
}

Value DateTimeScalar::parseLiteral(const ast::Value& literal, const Value& /*variables*/) const {
  const auto* node = std::get_if<ast::StringValue>(&literal);
  if (node == nullptr) {
    throw GraphQLError("DateTime cannot represent non-string value: " + print(literal));
  }
  return fromString(Value(node->value));
}

}  // namespace mt::api
