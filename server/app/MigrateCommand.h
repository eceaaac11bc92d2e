#pragma once

#include "DatabaseSettings.h"

namespace CLI {
class App;
}

namespace mt::app {

struct MigrateSettings {
  DatabaseSettings database;
  bool statusOnly = false;
};

void addMigrateOptions(CLI::App& command, MigrateSettings& settings);

// `minitwitter migrate`: brings the database to this binary's schema version (or,
// with --status, reports it). Exit status 0 on success, 1 on a database error.
int runMigrate(const MigrateSettings& settings);

}  // namespace mt::app
