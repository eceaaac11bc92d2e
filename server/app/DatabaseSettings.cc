#include "DatabaseSettings.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <map>

extern char** environ;

namespace mt::app {

namespace {
std::map<std::string, std::string> processEnvironment() {
  std::map<std::string, std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    auto equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    environment.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  return environment;
}
}  // namespace

void addDatabaseOptions(CLI::App& command, DatabaseSettings& settings) {
  command
      .add_option("--database", settings.database,
                  "PostgreSQL URL (postgresql://user:pass@host:port/twitter) or SQLite file; "
                  "default: PostgreSQL when DB is set (with HOST, USER, PASS), else "
                  "DATA_DIR/minitwitter.db")
      ->envname("MINITWITTER_DATABASE");
  command.add_option("--data-dir", settings.dataDir, "Folder for the embedded SQLite database")
      ->envname("MINITWITTER_DATA_DIR")
      ->capture_default_str();
}

db::DatabaseConfig resolveDatabase(const DatabaseSettings& settings, std::size_t poolSize) {
  db::DatabaseConfig config = db::resolveDatabaseConfig(settings.database, processEnvironment(),
                                                        settings.dataDir / "minitwitter.db");
  config.poolSize = poolSize;
  return config;
}

}  // namespace mt::app
