#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mt::db {

class Database;

// A schema change: one version, applied in one transaction, with its SQL for each
// dialect (statements separated by ";" at line ends).
struct Migration {
  int version;
  std::string_view name;
  std::string_view postgresSql;
  std::string_view sqliteSql;
};

struct MigrationReport {
  int versionBefore = 0;
  int versionAfter = 0;
  std::vector<std::string> applied;  // "2 add_likes"
};

// Brings the database to the newest of `migrations` (versions 1, 2, 3, … in order;
// the store's list is twitterMigrations() in store/TwitterMigrations.h), recording each in the
// table `schema_migrations`. Several server instances starting together on one PostgreSQL apply
// each migration once (an advisory lock serialises them). Throws MigrationError when the database
// is at a version newer than this binary knows ("upgrade minitwitter"), or when a migration fails
// (its transaction is rolled back).
MigrationReport migrate(Database& database, std::span<const Migration> migrations);

// The version the database is at (0 for an empty database).
int schemaVersion(Database& database);

}  // namespace mt::db
