#include "PgConnection.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <pqxx/pqxx>
#include <utility>

#include "DatabaseError.h"
#include "PgErrors.h"
#include "SqlText.h"

namespace mt::db {
namespace {

constexpr std::string_view kUnavailable = "the database is unavailable; try again shortly";

// Type OIDs from pg_type.dat: what the result conversion needs to tell apart.
constexpr pqxx::oid kBool = 16;
constexpr pqxx::oid kInt8 = 20;
constexpr pqxx::oid kInt2 = 21;
constexpr pqxx::oid kInt4 = 23;
constexpr pqxx::oid kFloat4 = 700;
constexpr pqxx::oid kFloat8 = 701;
constexpr pqxx::oid kNumeric = 1700;

std::string parameterText(const SqlValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&value)) {
    // The shortest text that reads back as the same double.
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *real);
    return std::string(buffer, end);
  }
  return std::get<std::string>(value);
}

SqlValue fieldValue(const pqxx::field& field, pqxx::oid type) {
  if (field.is_null()) return std::monostate{};
  const char* begin = field.c_str();
  const char* end = begin + field.size();
  switch (type) {
    case kInt2:
    case kInt4:
    case kInt8: {
      std::int64_t number = 0;
      const auto [at, error] = std::from_chars(begin, end, number);
      if (error != std::errc() || at != end) throw DatabaseError("the database sent a bad integer");
      return number;
    }
    case kBool:
      return std::int64_t{*begin == 't' ? 1 : 0};
    case kFloat4:
    case kFloat8:
    case kNumeric: {
      double real = 0;
      const auto [at, error] = std::from_chars(begin, end, real);
      // Out-of-range numerics come back as ±inf/0 with result_out_of_range: keep them.
      if (at != end || (error != std::errc() && error != std::errc::result_out_of_range)) {
        throw DatabaseError("the database sent a bad number");
      }
      return real;
    }
    default:
      return std::string(begin, end);
  }
}

bool countsAffectedRows(std::string_view sql) {
  const std::string_view keyword = firstKeyword(sql);
  for (const std::string_view query : {"SELECT", "VALUES", "TABLE", "SHOW", "EXPLAIN"}) {
    if (keyword.size() == query.size() &&
        std::equal(keyword.begin(), keyword.end(), query.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) == b;
        })) {
      return false;
    }
  }
  return true;
}

SqlResult toSqlResult(const pqxx::result& result) {
  SqlResult converted;
  const auto columns = result.columns();
  std::vector<pqxx::oid> types;
  converted.columns.reserve(columns);
  types.reserve(columns);
  for (pqxx::row::size_type column = 0; column < columns; ++column) {
    converted.columns.emplace_back(result.column_name(column));
    types.push_back(result.column_type(column));
  }
  converted.rows.reserve(result.size());
  for (const pqxx::row& row : result) {
    std::vector<SqlValue>& values = converted.rows.emplace_back();
    values.reserve(columns);
    for (pqxx::row::size_type column = 0; column < columns; ++column) {
      values.push_back(fieldValue(row[column], types[column]));
    }
  }
  converted.affectedRows = static_cast<std::int64_t>(result.affected_rows());
  return converted;
}

}  // namespace

void inhibitReactivation(pqxx::connection_base& connection) {
  // libpqxx 6 would otherwise reconnect a lost connection behind our back on its next
  // use (even for the ROLLBACK of a transaction that died with it), hiding the loss
  // from the pool and stalling up to connect_timeout. Deprecated for libpqxx 7, which
  // never reconnects by itself; the call is the 6.x way to ask for that behaviour.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  connection.inhibit_reactivation(true);
#pragma GCC diagnostic pop
}

PgConnection::PgConnection(const std::string& url, SharedStatementCounter counter)
    : counter_(std::move(counter)) {
  try {
    connection_ = std::make_unique<pqxx::connection>(url);
    inhibitReactivation(*connection_);
  } catch (const std::exception&) {
    // The reason (refused, bad password, unknown host) may name the server or the
    // user: it stays out of a message a client may see.
    throw DatabaseUnavailable(std::string(kUnavailable));
  }
}

PgConnection::~PgConnection() {
  try {
    transaction_.reset();
  } catch (...) {
  }
}

void PgConnection::requireUsable() const {
  if (broken_) throw DatabaseUnavailable(std::string(kUnavailable));
}

void PgConnection::rethrowTranslated(std::string_view statementName) {
  try {
    throw;
  } catch (const DatabaseError&) {
    throw;
  } catch (const pqxx::broken_connection&) {
    broken_ = true;
  } catch (const pqxx::in_doubt_error&) {
    // The COMMIT's fate is unknown because the connection went away mid-way.
    broken_ = true;
  } catch (const pqxx::transaction_rollback&) {
    // 40001 serialization failure, 40P01 deadlock (libpqxx's own classes, without a
    // SQLSTATE accessor).
    if (connection_->is_open()) {
      throw TransactionConflict("the transaction collided with another one; try again");
    }
    broken_ = true;
  } catch (const pqxx::sql_error& error) {
    const std::string& state = error.sqlstate();
    const PgFailure failure = classifySqlState(state);
    if (failure == PgFailure::Unavailable || !connection_->is_open()) {
      broken_ = true;
    } else if (failure == PgFailure::Constraint) {
      std::string constraint = postgresConstraintName(error.what());
      std::string message = "the change breaks " + std::string(constraintKind(state));
      if (!constraint.empty()) message += " (" + constraint + ")";
      throw ConstraintViolation(message, std::move(constraint));
    } else if (failure == PgFailure::Conflict) {
      throw TransactionConflict("the transaction collided with another one; try again");
    } else {
      // The server's message may quote parameter values: only the SQLSTATE goes out.
      throw DatabaseError("statement '" + std::string(statementName) + "' failed (SQLSTATE " +
                          (state.empty() ? std::string("unknown") : state) + ")");
    }
  } catch (const std::exception&) {
    if (connection_->is_open()) {
      throw DatabaseError("statement '" + std::string(statementName) + "' failed");
    }
    broken_ = true;
  }
  throw DatabaseUnavailable(std::string(kUnavailable));
}

const PgConnection::Prepared& PgConnection::prepared(const Statement& statement) {
  if (auto found = statements_.find(statement.name); found != statements_.end()) {
    if (found->second.sql != statement.sql) {
      throw DatabaseError("two different statements are named '" + std::string(statement.name) +
                          "'");
    }
    return found->second;
  }
  Prepared fresh{std::string(statement.sql), parameterCount(statement.sql),
                 countsAffectedRows(statement.sql)};
  // Registers the text; libpqxx sends the PREPARE with the statement's first run.
  connection_->prepare(std::string(statement.name), fresh.sql);
  return statements_.emplace(std::string(statement.name), std::move(fresh)).first->second;
}

SqlResult PgConnection::execute(const Statement& statement, std::span<const SqlValue> params) {
  counter_->fetch_add(1, std::memory_order_relaxed);
  requireUsable();
  try {
    const Prepared& entry = prepared(statement);
    if (params.size() != static_cast<std::size_t>(entry.parameterCount)) {
      throw DatabaseError("statement '" + std::string(statement.name) + "' takes " +
                          std::to_string(entry.parameterCount) + " parameters, not " +
                          std::to_string(params.size()));
    }
    std::vector<std::string> texts;
    std::vector<const char*> values;  // nullptr is SQL NULL
    texts.reserve(params.size());
    values.reserve(params.size());
    for (const SqlValue& param : params) {
      if (isNull(param)) {
        texts.emplace_back();
      } else {
        texts.push_back(parameterText(param));
        // Parameters travel as C strings; PostgreSQL text cannot hold NUL anyway.
        if (texts.back().find('\0') != std::string::npos) {
          throw DatabaseError("statement '" + std::string(statement.name) +
                              "': a text parameter holds a NUL character");
        }
      }
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      values.push_back(isNull(params[i]) ? nullptr : texts[i].c_str());
    }
    const std::string name(statement.name);
    const auto dynamic = pqxx::prepare::make_dynamic_params(values);
    SqlResult result;
    if (transaction_) {
      result = toSqlResult(transaction_->exec_prepared(name, dynamic));
    } else {
      pqxx::nontransaction autocommit(*connection_);
      result = toSqlResult(autocommit.exec_prepared(name, dynamic));
      autocommit.commit();
    }
    if (!entry.countsAffectedRows) result.affectedRows = 0;
    return result;
  } catch (...) {
    rethrowTranslated(statement.name);
  }
}

void PgConnection::transaction(const std::function<void()>& body) {
  if (transaction_) throw DatabaseError("transactions do not nest");
  requireUsable();
  counter_->fetch_add(1, std::memory_order_relaxed);  // BEGIN
  try {
    transaction_ = std::make_unique<pqxx::work>(*connection_);
  } catch (...) {
    rethrowTranslated("BEGIN");
  }
  try {
    body();
  } catch (...) {
    const std::vector<std::function<void()>> dropped = std::exchange(afterCommit_, {});
    counter_->fetch_add(1, std::memory_order_relaxed);  // ROLLBACK
    try {
      transaction_->abort();
    } catch (...) {
      if (!connection_->is_open()) broken_ = true;
    }
    transaction_.reset();
    throw;
  }
  counter_->fetch_add(1, std::memory_order_relaxed);  // COMMIT
  try {
    transaction_->commit();
  } catch (...) {
    afterCommit_.clear();
    transaction_.reset();
    rethrowTranslated("COMMIT");
  }
  transaction_.reset();
  std::vector<std::function<void()>> callbacks = std::exchange(afterCommit_, {});
  for (const auto& callback : callbacks) {
    // The change is durable: a misbehaving callback must not make it look failed.
    try {
      callback();
    } catch (...) {
    }
  }
}

void PgConnection::afterCommit(std::function<void()> callback) {
  if (transaction_) {
    afterCommit_.push_back(std::move(callback));
  } else {
    callback();
  }
}

}  // namespace mt::db
