#pragma once

#include <string>
#include <string_view>

namespace mt::db {

// The constraint a PostgreSQL error message names: the quoted name after `constraint`
// ("duplicate key value violates unique constraint "users_username_key"" →
// "users_username_key"), or "table.column" for a not-null violation; empty when none.
// libpqxx 6 does not expose the result's PG_DIAG_CONSTRAINT_NAME field, hence the
// message; only the first line is read, never the DETAIL that holds values.
std::string postgresConstraintName(std::string_view message);

// What a failed statement's SQLSTATE says about the connection and the transaction.
enum class PgFailure {
  Constraint,   // class 23: integrity constraint violation
  Conflict,     // 40001 serialization failure, 40P01 deadlock: retry the transaction
  Unavailable,  // class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect)
  Other,
};
PgFailure classifySqlState(std::string_view sqlstate);

// "a unique constraint" for 23505, …: for messages.
std::string_view constraintKind(std::string_view sqlstate);

}  // namespace mt::db
