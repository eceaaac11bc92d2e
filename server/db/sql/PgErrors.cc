#include "PgErrors.h"

namespace mt::db {
namespace {

// The text between the double quotes that follow `from`, or empty.
std::string_view quotedAfter(std::string_view line, std::size_t from) {
  const std::size_t open = line.find('"', from);
  if (open == std::string_view::npos) return {};
  const std::size_t close = line.find('"', open + 1);
  if (close == std::string_view::npos) return {};
  return line.substr(open + 1, close - open - 1);
}

}  // namespace

std::string postgresConstraintName(std::string_view message) {
  const std::string_view line = message.substr(0, message.find('\n'));
  if (const std::size_t at = line.find("constraint \""); at != std::string_view::npos) {
    return std::string(quotedAfter(line, at));
  }
  // null value in column "c" of relation "t" violates not-null constraint
  if (const std::size_t at = line.find("null value in column \""); at != std::string_view::npos) {
    const std::string_view column = quotedAfter(line, at);
    const std::size_t relation = line.find("of relation \"", at);
    if (relation == std::string_view::npos) return std::string(column);
    return std::string(quotedAfter(line, relation)) + "." + std::string(column);
  }
  return {};
}

PgFailure classifySqlState(std::string_view sqlstate) {
  if (sqlstate.starts_with("23")) return PgFailure::Constraint;
  if (sqlstate == "40001" || sqlstate == "40P01") return PgFailure::Conflict;
  if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03") {
    return PgFailure::Unavailable;
  }
  return PgFailure::Other;
}

std::string_view constraintKind(std::string_view sqlstate) {
  if (sqlstate == "23505") return "a unique constraint";
  if (sqlstate == "23503") return "a foreign key constraint";
  if (sqlstate == "23514") return "a check constraint";
  if (sqlstate == "23502") return "a not-null constraint";
  if (sqlstate == "23P01") return "an exclusion constraint";
  return "a constraint";
}

}  // namespace mt::db
