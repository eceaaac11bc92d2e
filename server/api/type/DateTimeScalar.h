#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ScalarType.h"

namespace mt::api {

// DateTime, the worked example of a custom scalar: a point in time, written as an
// RFC 3339 date-time in UTC with milliseconds, "2024-05-01T12:30:00.000Z" (what
// JavaScript's Date.toISOString() produces).
//
// - Results: a resolver returns epoch milliseconds (an Int, or an integral Float) or an
//   RFC 3339 string with any offset, which is normalised to UTC.
// - Inputs (variables and literals): an RFC 3339 string with any offset; resolvers
//   receive epoch milliseconds as an Int, ready for storage and comparison.
//
// Years 0000 to 9999 only, as the format has four digits. Fractions finer than a
// millisecond are truncated; a leap second (":60") is refused.
class DateTimeScalar final : public ScalarType {
 public:
  Value serialize(const Value& result) const override;
  Value parseValue(const Value& input) const override;
  Value parseLiteral(const ast::Value& literal, const Value& variables) const override;

  // Epoch milliseconds of an RFC 3339 date-time ("2024-05-01T14:30:00.5+02:00"), or
  // nullopt if `text` is not one.
  static std::optional<std::int64_t> parse(std::string_view text);
  // "YYYY-MM-DDTHH:MM:SS.sssZ", or nullopt if the year falls outside 0000-9999.
  static std::optional<std::string> format(std::int64_t epochMilliseconds);
};

}  // namespace mt::api
