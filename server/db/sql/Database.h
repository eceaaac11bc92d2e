#pragma once

#include <memory>

#include "ChangeFeed.h"
#include "ConnectionPool.h"
#include "DatabaseConfig.h"

namespace mt::db {

// One open database: its dialect, its connection pool and its change feed. What the
// store is built on and what `minitwitter migrate` works on.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const noexcept = 0;
  virtual ConnectionPool& pool() = 0;
  virtual ChangeFeed& changes() = 0;
  // Statements executed over every connection of this database since it opened (BEGIN
  // and COMMIT included): what the round-trip tests and /metrics read.
  virtual std::uint64_t statementsExecuted() const noexcept = 0;
};

// Opens the configured backend. Connects lazily: a PostgreSQL that is down at start-up
// makes requests fail with DatabaseUnavailable until it is up, it does not stop the
// server. Throws DatabaseError for a configuration it cannot use (a SQLite file that
// cannot be created).
std::unique_ptr<Database> openDatabase(const DatabaseConfig& config);

}  // namespace mt::db
