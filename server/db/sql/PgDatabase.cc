#include "PgDatabase.h"

#include "PgConnection.h"
#include "PostgresUrl.h"

namespace mt::db {

PgDatabase::PgDatabase(const DatabaseConfig& config)
    : counter_(std::make_shared<StatementCounter>(0)),
      changes_(withConnectTimeout(config.postgresUrl, config.connectTimeout)),
      pool_([url = withConnectTimeout(config.postgresUrl, config.connectTimeout),
             counter = counter_] { return std::make_unique<PgConnection>(url, counter); },
            config.poolSize) {}

}  // namespace mt::db
