#include "MigrateCommand.h"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "Database.h"
#include "DatabaseError.h"
#include "Migrations.h"
#include "TwitterMigrations.h"

namespace mt::app {

void addMigrateOptions(CLI::App& command, MigrateSettings& settings) {
  addDatabaseOptions(command, settings.database);
  command.add_flag("--status", settings.statusOnly,
                   "Only print the database's schema version and the newest this binary knows");
}

int runMigrate(const MigrateSettings& settings) {
  try {
    db::DatabaseConfig config = resolveDatabase(settings.database, 1);
    auto database = db::openDatabase(config);
    auto migrations = db::twitterMigrations();
    int newest = migrations.empty() ? 0 : migrations.back().version;
    if (settings.statusOnly) {
      int version = db::schemaVersion(*database);
      std::printf("%s: schema version %d; this minitwitter knows up to %d%s\n",
                  config.describe().c_str(), version, newest,
                  version < newest   ? " (run `minitwitter migrate`)"
                  : version > newest ? " (upgrade minitwitter)"
                                     : "");
      return version > newest ? 1 : 0;
    }
    db::MigrationReport report = db::migrate(*database, migrations);
    if (report.applied.empty()) {
      std::printf("%s: already at schema version %d\n", config.describe().c_str(),
                  report.versionAfter);
    } else {
      for (const std::string& applied : report.applied) {
        std::printf("applied migration %s\n", applied.c_str());
      }
      std::printf("%s: schema version %d -> %d\n", config.describe().c_str(), report.versionBefore,
                  report.versionAfter);
    }
    return 0;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "minitwitter migrate: %s\n", e.what());
    return 2;
  } catch (const db::DatabaseError& e) {
    std::fprintf(stderr, "minitwitter migrate: %s\n", e.what());
    return 1;
  }
}

}  // namespace mt::app
