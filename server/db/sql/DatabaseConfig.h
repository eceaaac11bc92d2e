#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include "SqlConnection.h"

namespace mt::db {

// Where the data lives. Chosen by `--database URL`, else by the original project's
// environment variables (`HOST`, `DB`, `USER`, `PASS`; PostgreSQL when `DB` is set),
// else the embedded SQLite file.
struct DatabaseConfig {
  Dialect dialect = Dialect::Sqlite;
  // PostgreSQL: a libpq connection URI (postgresql://user:pass@host:port/dbname?…).
  std::string postgresUrl;
  // SQLite: the database file; its folder is created if missing.
  std::filesystem::path sqlitePath = "data/minitwitter.db";
  std::size_t poolSize = 4;                      // the worker pool's size
  std::chrono::milliseconds busyTimeout{5'000};  // SQLite: wait for the write lock
  std::chrono::milliseconds connectTimeout{5'000};

  // For messages and logs: the URL with its password replaced by "***", or the path.
  std::string describe() const;
};

// Builds the config from `--database` (empty when not given) and the environment.
// `database` may be `postgresql://…`/`postgres://…`, `sqlite:PATH`, or a plain path
// (SQLite). Without it, `DB` set in `environment` selects PostgreSQL with host `HOST`
// (default localhost), user `USER`, password `PASS` and database name `DB` (the
// original used `twitter`). Throws std::invalid_argument with a clear message for a
// URL it cannot use.
DatabaseConfig resolveDatabaseConfig(const std::string& database,
                                     const std::map<std::string, std::string>& environment,
                                     const std::filesystem::path& defaultSqlitePath);

}  // namespace mt::db
