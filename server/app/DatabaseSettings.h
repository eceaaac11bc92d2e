#pragma once

#include <filesystem>
#include <string>

#include "DatabaseConfig.h"

namespace CLI {
class App;
}

namespace mt::app {

// Where the data lives, as `serve` and `migrate` are told it.
struct DatabaseSettings {
  std::string database;                    // --database: a URL or a SQLite path; empty: see below
  std::filesystem::path dataDir = "data";  // the SQLite default lives here
};

void addDatabaseOptions(CLI::App& command, DatabaseSettings& settings);

// The backend to open: --database, else the original's HOST/DB/USER/PASS when DB is
// set, else DATA_DIR/minitwitter.db. Throws std::invalid_argument with a message.
db::DatabaseConfig resolveDatabase(const DatabaseSettings& settings, std::size_t poolSize);

}  // namespace mt::app
