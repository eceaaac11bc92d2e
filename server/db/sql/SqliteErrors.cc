#include "SqliteErrors.h"

#include <sqlite3.h>

#include "DatabaseError.h"

namespace mt::db {
namespace {

std::string_view constraintKind(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
      return "unique";
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return "primary key";
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return "foreign key";
    case SQLITE_CONSTRAINT_CHECK:
      return "check";
    case SQLITE_CONSTRAINT_NOTNULL:
      return "not-null";
    default:
      return "";
  }
}

}  // namespace

std::string sqliteConstraintName(std::string_view message) {
  constexpr std::string_view marker = "constraint failed: ";
  const std::size_t at = message.find(marker);
  if (at == std::string_view::npos) return {};
  std::string_view name = message.substr(at + marker.size());
  // Several columns ("t.a, t.b") stay together: together they are the rule broken.
  while (!name.empty() && (name.back() == ' ' || name.back() == '\n'))
    name.remove_suffix(1);
  return std::string(name);
}

void throwSqliteError(int code, std::string_view message, std::string_view statement) {
  const int primary = code & 0xff;
  if (primary == SQLITE_CONSTRAINT) {
    std::string constraint = sqliteConstraintName(message);
    const std::string_view kind = constraintKind(code);
    std::string text =
        "the change breaks a " + std::string(kind) + (kind.empty() ? "" : " ") + "constraint";
    if (!constraint.empty()) text += " (" + constraint + ")";
    throw ConstraintViolation(text, std::move(constraint));
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw TransactionConflict("the database is busy with another write; try again");
  }
  throw DatabaseError("statement '" + std::string(statement) +
                      "' failed: " + std::string(sqlite3_errstr(code)));
}

}  // namespace mt::db
