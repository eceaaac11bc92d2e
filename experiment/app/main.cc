// minitwitter-experiment: runs experiment configs (experiments/*.toml) on Mininet or
// on loopback: validation, sweep expansion, --dry-run, the runs themselves with their
// results folder and summary, and `clean` after killed runs.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "RunCommand.h"
#include "RunEnvironment.h"

namespace {

int run(int argc, char** argv) {
  using namespace mt::experiment::app;
  CLI::App app("minitwitter-experiment: run minitwitter experiments on an emulated network");
  app.require_subcommand(1);
  RunOptions options;
  options.postgresBin = postgresBinDir();
  options.terminal = ::isatty(STDERR_FILENO) == 1;
  CLI::App* run = app.add_subcommand(
      "run", "Validate a config, expand its sweep and run every point (--dry-run: print plans)");
  addRunOptions(*run, options);
  CLI::App* clean = app.add_subcommand(
      "clean", "Remove what killed runs left behind (their driver groups, state, scratch folders)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  if (clean->parsed()) return cleanCommand(std::cout, std::cerr);
  return runCommand(options, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "minitwitter-experiment: " << error.what() << "\n";
    return 1;
  }
}
