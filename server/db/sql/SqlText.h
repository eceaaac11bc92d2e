#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mt::db {

// Lexical work on SQL text that the drivers and the migrator share. Each function
// looks only at code: string literals ('…'), quoted identifiers ("…"), dollar-quoted
// bodies ($tag$…$tag$) and comments (-- and /* */) are left alone.

// `$1`, `$2`, … → `?1`, `?2`, … (SQLite's numbered parameters).
std::string rewriteDollarParameters(std::string_view sql);

// The highest `$N` in the statement (0 when it has none): how many parameters it takes.
int parameterCount(std::string_view sql);

// The statement's first keyword ("SELECT", "insert", …), or empty.
std::string_view firstKeyword(std::string_view sql);

// Splits a migration script into statements at ";" (trimmed, empty ones dropped). A
// CREATE TRIGGER statement runs to the ";" after its body's closing END, so the
// statements inside the body stay in it.
std::vector<std::string_view> splitSqlScript(std::string_view script);

}  // namespace mt::db
