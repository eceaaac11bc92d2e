#pragma once

#include <functional>
#include <initializer_list>
#include <span>

#include "SqlResult.h"
#include "SqlValue.h"
#include "Statement.h"

namespace mt::db {

enum class Dialect { PostgreSql, Sqlite };

// One connection to the database, used by one thread at a time (the pool hands it to a
// worker for the duration of one request). Drivers: PgConnection (libpqxx) and
// SqliteConnection. Errors are thrown as the DatabaseError family (DatabaseError.h).
class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual Dialect dialect() const noexcept = 0;

  // Runs a statement with its parameters, preparing it on this connection the first
  // time its name is seen. Inside transaction() it runs in that transaction; outside,
  // on its own (autocommit). Counts one statement in the driver's counter.
  virtual SqlResult execute(const Statement& statement, std::span<const SqlValue> params) = 0;
  SqlResult execute(const Statement& statement, std::initializer_list<SqlValue> params = {}) {
    return execute(statement, std::span<const SqlValue>(params.begin(), params.size()));
  }

  // Runs `body` in one transaction: committed when it returns, rolled back when it
  // throws (the exception propagates). A write transaction: SQLite takes the write
  // lock at BEGIN (BEGIN IMMEDIATE) so two writers never deadlock on an upgrade.
  // BEGIN and COMMIT count as statements. Not reentrant.
  virtual void transaction(const std::function<void()>& body) = 0;

  // Runs `callback` once the current transaction has committed (at once when there is
  // none); dropped if it rolls back. For work that must only follow a durable change,
  // such as in-process change notifications.
  virtual void afterCommit(std::function<void()> callback) = 0;

  // True once the connection is known to be unusable (the server went away). The pool
  // discards such a connection instead of handing it out again.
  virtual bool broken() const noexcept = 0;
};

}  // namespace mt::db
