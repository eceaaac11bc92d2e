#include "SqliteDatabase.h"

#include "SqliteConnection.h"

namespace mt::db {

SqliteDatabase::SqliteDatabase(const DatabaseConfig& config)
    : counter_(std::make_shared<StatementCounter>(0)),
      pool_(
          [path = config.sqlitePath, busyTimeout = config.busyTimeout, counter = counter_] {
            return std::make_unique<SqliteConnection>(path, busyTimeout, counter);
          },
          config.poolSize) {
  // The first connection also switches the file to WAL; it stays in the pool.
  const ConnectionPool::Lease first = pool_.acquire();
}

}  // namespace mt::db
