#pragma once

#include "Database.h"
#include "PgChangeFeed.h"
#include "StatementCounter.h"

namespace mt::db {

// PostgreSQL: a pool of PgConnections and the LISTEN/NOTIFY change feed. Connects
// lazily, so a server that is down at start-up only fails requests until it is up.
class PgDatabase final : public Database {
 public:
  explicit PgDatabase(const DatabaseConfig& config);

  Dialect dialect() const noexcept override { return Dialect::PostgreSql; }
  ConnectionPool& pool() override { return pool_; }
  ChangeFeed& changes() override { return changes_; }
  std::uint64_t statementsExecuted() const noexcept override { return counter_->load(); }

 private:
  SharedStatementCounter counter_;
  PgChangeFeed changes_;
  ConnectionPool pool_;
};

}  // namespace mt::db
