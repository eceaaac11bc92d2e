#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "SqlValue.h"

namespace mt::db {

// The rows a statement returned, fully read (both drivers materialise them, so the
// connection is free again when execute() returns).
struct SqlResult {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;
  std::int64_t affectedRows = 0;  // INSERT/UPDATE/DELETE: rows changed

  bool empty() const noexcept { return rows.empty(); }
  std::size_t size() const noexcept { return rows.size(); }

  // Typed reads of row `row`, column `column`; throw DatabaseError when the value has
  // another type (an integer read as text is converted, the other way is not).
  std::int64_t integer(std::size_t row, std::size_t column) const;
  std::optional<std::int64_t> optionalInteger(std::size_t row, std::size_t column) const;
  std::string text(std::size_t row, std::size_t column) const;
  std::optional<std::string> optionalText(std::size_t row, std::size_t column) const;
  bool boolean(std::size_t row, std::size_t column) const;  // 0/1 integer
};

}  // namespace mt::db
