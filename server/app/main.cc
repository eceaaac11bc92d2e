#include <CLI/CLI.hpp>

#include "ServeCommand.h"
#include "ServeSettings.h"

int main(int argc, char** argv) {
  CLI::App app{"minitwitter: a layered C++ web server running a small Twitter"};
  app.require_subcommand(1);

  mt::app::ServeSettings serveSettings;
  CLI::App* serve = app.add_subcommand(
      "serve", "Run the server. Every option can also be set by the environment variable shown.");
  mt::app::addServeOptions(*serve, serveSettings);

  CLI11_PARSE(app, argc, argv);
  if (serve->parsed()) return mt::app::runServe(serveSettings);
  return 0;
}
