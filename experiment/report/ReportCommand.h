#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

// `minitwitter-experiment report` and `compare`: results folders in, a report folder or a
// terminal table out.
namespace mt::experiment::report {

struct ReportOptions {
  std::filesystem::path results;
  std::optional<std::filesystem::path> baseline;
  std::optional<std::filesystem::path> out;  // default: <results>/report
  std::filesystem::path gnuplot = "gnuplot";
  std::string toolVersion;
  std::string commandLine;
};

// Writes report.html, report.md and figures/*.svg|png into the out folder and prints
// their paths. Exit codes: 0 written; 1 written, but some figures could not be drawn
// (the report says which) or a file could not be written; 2 a folder is not a results
// folder.
int reportCommand(const ReportOptions& options, std::ostream& out, std::ostream& err);

// Prints the headline figures of several results folders side by side, the first as
// the reference for the ratios. Exit code 2 when a folder cannot be read.
int compareCommand(const std::vector<std::filesystem::path>& folders, std::ostream& out,
                   std::ostream& err);

}  // namespace mt::experiment::report
