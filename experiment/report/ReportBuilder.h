#pragma once

#include <string>
#include <vector>

#include "Figure.h"
#include "ReportDocument.h"
#include "ResultsFolder.h"

// The report of a results folder, optionally beside a baseline folder: its document and
// the figures that document refers to. Every section is present even when the folder is
// incomplete; what is missing is said where it is missing.
namespace mt::experiment::report {

struct ReportContext {
  std::string generatedAt;  // RFC 3339
  std::string toolVersion;
  std::string command;  // the command line that made the report
};

struct Report {
  ReportDocument document;
  std::vector<Figure> figures;
};

Report buildReport(const ResultsFolder& folder, const ResultsFolder* baseline,
                   const ReportContext& context);

}  // namespace mt::experiment::report
