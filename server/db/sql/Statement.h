#pragma once

#include <string_view>

namespace mt::db {

// A SQL statement known at compile time, prepared once per connection under its name.
// Parameters are written `$1`, `$2`, … in PostgreSQL style; the SQLite driver rewrites
// them to `?1`, `?2`, … . Every value reaches the database as a bound parameter,
// never spliced into the text. Statements are static data: keep them as
// `constexpr Statement` and pass them by reference.
struct Statement {
  std::string_view name;  // unique per backend; the prepared statement's name
  std::string_view sql;
};

}  // namespace mt::db
