#include "SqlResult.h"

#include <variant>

#include "DatabaseError.h"

namespace mt::db {
namespace {

std::string_view typeName(const SqlValue& value) {
  switch (value.index()) {
    case 0:
      return "null";
    case 1:
      return "an integer";
    case 2:
      return "a real number";
    default:
      return "text";
  }
}

const SqlValue& cell(const SqlResult& result, std::size_t row, std::size_t column) {
  if (row >= result.rows.size() || column >= result.rows[row].size()) {
    throw DatabaseError("the result has no row " + std::to_string(row) + ", column " +
                        std::to_string(column));
  }
  return result.rows[row][column];
}

[[noreturn]] void throwWrongType(const SqlResult& result, std::size_t column, const SqlValue& value,
                                 std::string_view wanted) {
  const std::string name =
      column < result.columns.size() ? result.columns[column] : std::to_string(column);
  throw DatabaseError("column '" + name + "' is " + std::string(typeName(value)) + ", not " +
                      std::string(wanted));
}

}  // namespace

std::int64_t SqlResult::integer(std::size_t row, std::size_t column) const {
  const SqlValue& value = cell(*this, row, column);
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  throwWrongType(*this, column, value, "an integer");
}

std::optional<std::int64_t> SqlResult::optionalInteger(std::size_t row, std::size_t column) const {
  if (isNull(cell(*this, row, column))) return std::nullopt;
  return integer(row, column);
}

std::string SqlResult::text(std::size_t row, std::size_t column) const {
  const SqlValue& value = cell(*this, row, column);
  if (const auto* string = std::get_if<std::string>(&value)) return *string;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  throwWrongType(*this, column, value, "text");
}

std::optional<std::string> SqlResult::optionalText(std::size_t row, std::size_t column) const {
  if (isNull(cell(*this, row, column))) return std::nullopt;
  return text(row, column);
}

bool SqlResult::boolean(std::size_t row, std::size_t column) const {
  const SqlValue& value = cell(*this, row, column);
  if (const auto* number = std::get_if<std::int64_t>(&value);
      number && (*number == 0 || *number == 1)) {
    return *number == 1;
  }
  throwWrongType(*this, column, value, "a boolean (0 or 1)");
}

}  // namespace mt::db
