#pragma once

#include <memory>

#include "Database.h"
#include "InProcessChangeFeed.h"
#include "StatementCounter.h"

namespace mt::db {

// The embedded backend: a SQLite file, a pool of SqliteConnections to it and the
// in-process change feed (one process owns the file).
class SqliteDatabase final : public Database {
 public:
  // Opens one connection at once, so that a file that cannot be created is reported
  // here (DatabaseError) rather than by the first request.
  explicit SqliteDatabase(const DatabaseConfig& config);

  Dialect dialect() const noexcept override { return Dialect::Sqlite; }
  ConnectionPool& pool() override { return pool_; }
  ChangeFeed& changes() override { return changes_; }
  std::uint64_t statementsExecuted() const noexcept override { return counter_->load(); }

 private:
  SharedStatementCounter counter_;
  InProcessChangeFeed changes_;
  ConnectionPool pool_;  // after the feed: pending callbacks are dropped first
};

}  // namespace mt::db
