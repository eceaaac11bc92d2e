#pragma once

#include <optional>
#include <span>
#include <string>

#include "Model.h"
#include "SqlConnection.h"
#include "SqlValue.h"

namespace mt::db {

// A list passed as one bound parameter, so a batch read is one statement whatever its
// length: a PostgreSQL array literal ("{1,2,3}", read with `= ANY($n::bigint[])` or
// `unnest($n::text[])`) or a JSON array ("[1,2,3]", read with `json_each($n)`) for
// SQLite. Values stay data: strings are quoted and escaped, never spliced into SQL.
std::string idListParameter(Dialect dialect, std::span<const Id> ids);
std::string textListParameter(Dialect dialect, std::span<const std::string> texts);

// NULL when absent.
template <class T>
SqlValue nullableParameter(const std::optional<T>& value) {
  if (!value) return SqlValue{};
  return SqlValue{*value};
}

}  // namespace mt::db
