#include <chrono>
#include <optional>
#include <string>

#include "Database.h"
#include "DatabaseError.h"
#include "Migrations.h"
#include "SqlText.h"

namespace mt::db {
namespace {

// pg_advisory_xact_lock's key: any constant every minitwitter agrees on ("mtmigrat").
constexpr std::int64_t kMigrationLockKey = 0x6d746d6967726174;

constexpr Statement kLock{"mt_migrate_lock", "SELECT pg_advisory_xact_lock($1)"};
constexpr Statement kPgTableExists{"mt_migrate_exists_pg",
                                   "SELECT to_regclass('schema_migrations') IS NOT NULL"};
constexpr Statement kSqliteTableExists{
    "mt_migrate_exists_sqlite",
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"};
constexpr Statement kCreateTable{"mt_migrate_create",
                                 "CREATE TABLE schema_migrations ("
                                 "version INTEGER PRIMARY KEY, "
                                 "name TEXT NOT NULL, "
                                 "applied_at BIGINT NOT NULL)"};
constexpr Statement kVersion{"mt_migrate_version",
                             "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"};
constexpr Statement kRecord{
    "mt_migrate_record",
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"};

bool migrationsTableExists(SqlConnection& connection) {
  const SqlResult result = connection.execute(
      connection.dialect() == Dialect::PostgreSql ? kPgTableExists : kSqliteTableExists);
  return result.integer(0, 0) != 0;
}

int currentVersion(SqlConnection& connection) {
  if (!migrationsTableExists(connection)) return 0;
  return static_cast<int>(connection.execute(kVersion).integer(0, 0));
}

std::int64_t nowMilliseconds() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A name for statement `index` of a migration that no other statement shares, even
// when a migration's text changes under the same version (the connection caches
// prepared statements by name and refuses one name for two texts).
std::string statementName(const Migration& migration, std::size_t index, std::string_view sql) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (const char c : sql) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return "mt_migration_" + std::to_string(migration.version) + "_" + std::to_string(index) + "_" +
         std::to_string(hash);
}

void checkNumbering(std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i + 1)) {
      throw MigrationError("the migrations must be numbered 1, 2, 3, … in order; number " +
                           std::to_string(i + 1) + " is " + std::to_string(migrations[i].version));
    }
  }
}

std::string newerSchemaMessage(int version, int latest) {
  return "the database schema is at version " + std::to_string(version) +
         ", newer than this minitwitter knows (" + std::to_string(latest) +
         "): upgrade minitwitter";
}

void apply(SqlConnection& connection, const Migration& migration) {
  const std::string_view script =
      connection.dialect() == Dialect::PostgreSql ? migration.postgresSql : migration.sqliteSql;
  std::size_t index = 0;
  for (const std::string_view sql : splitSqlScript(script)) {
    const std::string name = statementName(migration, index++, sql);
    connection.execute(Statement{name, sql});
  }
  connection.execute(kRecord, {SqlValue(std::int64_t{migration.version}),
                               SqlValue(std::string(migration.name)), SqlValue(nowMilliseconds())});
}

}  // namespace

MigrationReport migrate(Database& database, std::span<const Migration> migrations) {
  checkNumbering(migrations);
  const int latest = static_cast<int>(migrations.size());
  ConnectionPool::Lease connection = database.pool().acquire();
  MigrationReport report;
  std::optional<int> before;
  int after = 0;

  // One transaction per migration. On PostgreSQL each takes the advisory lock first
  // and reads the version only then, so instances starting together apply each
  // migration once: the others wait, then find it done.
  for (;;) {
    const Migration* applied = nullptr;
    try {
      connection->transaction([&] {
        if (connection->dialect() == Dialect::PostgreSql) {
          connection->execute(kLock, {SqlValue(kMigrationLockKey)});
        }
        if (!migrationsTableExists(*connection)) connection->execute(kCreateTable);
        const int version = static_cast<int>(connection->execute(kVersion).integer(0, 0));
        if (!before) before = version;
        after = version;
        if (version > latest) throw MigrationError(newerSchemaMessage(version, latest));
        if (version == latest) return;
        applied = &migrations[static_cast<std::size_t>(version)];
        apply(*connection, *applied);
        after = applied->version;
      });
    } catch (const MigrationError&) {
      throw;
    } catch (const DatabaseUnavailable&) {
      throw;
    } catch (const DatabaseError& error) {
      if (applied == nullptr) throw;
      throw MigrationError("migration " + std::to_string(applied->version) + " " +
                           std::string(applied->name) + " failed: " + error.what());
    }
    if (applied == nullptr) break;
    report.applied.push_back(std::to_string(applied->version) + " " + std::string(applied->name));
  }
  report.versionBefore = before.value_or(0);
  report.versionAfter = after;
  return report;
}

int schemaVersion(Database& database) {
  ConnectionPool::Lease connection = database.pool().acquire();
  return currentVersion(*connection);
}

}  // namespace mt::db
