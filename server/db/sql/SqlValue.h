#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace mt::db {

// One parameter or column value, in the types both backends share. Booleans travel as
// 0/1 integers (SQLite has no boolean; the PostgreSQL driver converts `bool` columns).
// Timestamps are integers: milliseconds since the Unix epoch, UTC.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

inline bool isNull(const SqlValue& value) noexcept {
  return std::holds_alternative<std::monostate>(value);
}

}  // namespace mt::db
