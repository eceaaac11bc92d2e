#pragma once

#include <string>
#include <string_view>

namespace mt::db {

// The constraint SQLite names in a message such as "UNIQUE constraint failed:
// users.username" ("users.username"); empty when it names none ("FOREIGN KEY
// constraint failed").
std::string sqliteConstraintName(std::string_view message);

// Throws the DatabaseError that `code` (an extended result code) stands for:
// ConstraintViolation, TransactionConflict (busy, locked) or DatabaseError. `message`
// is sqlite3_errmsg's text; only the constraint name is taken from it, so SQL never
// reaches the exception. `statement` names what failed, for the message.
[[noreturn]] void throwSqliteError(int code, std::string_view message, std::string_view statement);

}  // namespace mt::db
