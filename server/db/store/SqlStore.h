#pragma once

#include "Database.h"
#include "Store.h"

namespace mt::db {

// The Store over SQL, for both backends: statements in the SQL both dialects share
// where they can, one text per dialect where they cannot (id lists: `= ANY($1)` with a
// PostgreSQL array literal, `IN (SELECT value FROM json_each($1))` with a JSON array
// for SQLite). Counters (tweets, followers, likes, …) are kept in the rows they count,
// updated in the same transaction as the change, so reads never aggregate.
class SqlStore final : public Store {
 public:
  // The database must outlive the store and be migrated (twitterMigrations()).
  explicit SqlStore(Database& database);
  // (Store's methods.)
  // ...
};

}  // namespace mt::db
