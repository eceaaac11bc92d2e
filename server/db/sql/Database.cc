#include "Database.h"

#include "PgDatabase.h"
#include "SqliteDatabase.h"

namespace mt::db {

std::unique_ptr<Database> openDatabase(const DatabaseConfig& config) {
  if (config.dialect == Dialect::PostgreSql) return std::make_unique<PgDatabase>(config);
  return std::make_unique<SqliteDatabase>(config);
}

}  // namespace mt::db
