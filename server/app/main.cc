#include <CLI/CLI.hpp>

#include "MigrateCommand.h"
#include "ServeCommand.h"
#include "ServeSettings.h"

int main(int argc, char** argv) {
  CLI::App app{"minitwitter: a layered C++ web server running a small Twitter"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "minitwitter " MT_VERSION);

  mt::app::ServeSettings serveSettings;
  CLI::App* serve = app.add_subcommand(
      "serve", "Run the server. Every option can also be set by the environment variable shown.");
  mt::app::addServeOptions(*serve, serveSettings);

  mt::app::MigrateSettings migrateSettings;
  CLI::App* migrate = app.add_subcommand(
      "migrate", "Bring the database to this binary's schema (serve also does at start-up).");
  mt::app::addMigrateOptions(*migrate, migrateSettings);

  CLI11_PARSE(app, argc, argv);
  if (serve->parsed()) return mt::app::runServe(serveSettings);
  if (migrate->parsed()) return mt::app::runMigrate(migrateSettings);
  return 0;
}
