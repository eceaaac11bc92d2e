// minitwitter-experiment: runs experiment configs (experiments/*.toml) on Mininet or
// on loopback: validation, sweep expansion, --dry-run, the runs themselves with their
// results folder and summary, `clean` after killed runs, and `report`/`compare` of
// results folders.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "ReportCommand.h"
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
  mt::experiment::report::ReportOptions reportOptions;
  reportOptions.toolVersion = MT_VERSION;
  CLI::App* report = app.add_subcommand(
      "report", "Write report.html and report.md (figures by gnuplot) of a results folder");
  report->add_option("RESULTS_DIR", reportOptions.results, "A results folder of `run`")->required();
  report->add_option("--baseline", reportOptions.baseline,
                     "Another results folder to compare with, figure by figure");
  report->add_option("--out", reportOptions.out, "Where to write (default: RESULTS_DIR/report)");
  report->add_option("--gnuplot", reportOptions.gnuplot, "The gnuplot program")
      ->capture_default_str();
  std::vector<std::filesystem::path> compared;
  CLI::App* compare =
      app.add_subcommand("compare", "Print the headline figures of results folders side by side");
  compare->add_option("RESULTS_DIR", compared, "Results folders; the first is the reference")
      ->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  if (clean->parsed()) return cleanCommand(std::cout, std::cerr);
  if (report->parsed()) {
    for (int i = 0; i < argc; ++i)
      reportOptions.commandLine += (i ? " " : "") + std::string(argv[i]);
    return mt::experiment::report::reportCommand(reportOptions, std::cout, std::cerr);
  }
  if (compare->parsed())
    return mt::experiment::report::compareCommand(compared, std::cout, std::cerr);
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
