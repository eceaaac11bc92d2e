#include "ReportCommand.h"

#include <fstream>
#include <sstream>

#include "CompareTable.h"
#include "GnuplotRenderer.h"
#include "ReportBuilder.h"
#include "ReportWriters.h"
#include "ResultFiles.h"
#include "ResultsFolder.h"

namespace mt::experiment::report {

namespace {

std::optional<ResultsFolder> readOrSay(const std::filesystem::path& dir, std::ostream& err) {
  try {
    return readResultsFolder(dir);
  } catch (const std::exception& error) {
    err << "minitwitter-experiment: " << error.what() << "\n";
    return std::nullopt;
  }
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Draws every figure twice (SVG for the HTML, PNG for the Markdown); a figure that
// cannot be drawn is reported in place of the image.
RenderedFigures drawFigures(const std::vector<Figure>& figures, const std::filesystem::path& dir,
                            const GnuplotRenderer& renderer, std::vector<std::string>& failures) {
  RenderedFigures rendered;
  std::optional<std::string> missingGnuplot;
  if (!renderer.version())
    missingGnuplot = "gnuplot not found: install gnuplot-nox (bash tools/setup.sh)";
  for (const Figure& figure : figures) {
    RenderedFigure& result = rendered[figure.name];
    if (missingGnuplot) {
      result.error = *missingGnuplot;
      continue;
    }
    try {
      const std::filesystem::path svg = dir / "figures" / (figure.name + ".svg");
      const std::filesystem::path png = dir / "figures" / (figure.name + ".png");
      renderer.render(figure, ImageFormat::Svg, svg);
      renderer.render(figure, ImageFormat::Png, png);
      result.svg = readFile(svg);
      result.pngPath = "figures/" + figure.name + ".png";
    } catch (const std::exception& error) {
      result.error = error.what();
    }
  }
  for (const auto& [name, figure] : rendered)
    if (!figure.error.empty()) failures.push_back(figure.error);
  if (missingGnuplot) failures = {*missingGnuplot};
  return rendered;
}

// Images of an earlier report in the same folder would be left behind under names this
// report no longer uses.
void clearFigures(const std::filesystem::path& dir) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string extension = entry.path().extension().string();
    if (extension == ".svg" || extension == ".png") std::filesystem::remove(entry.path(), error);
  }
}

}  // namespace

int reportCommand(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  const std::optional<ResultsFolder> folder = readOrSay(options.results, err);
  if (!folder) return 2;
  std::optional<ResultsFolder> baseline;
  if (options.baseline) {
    baseline = readOrSay(*options.baseline, err);
    if (!baseline) return 2;
  }
  const std::filesystem::path dir = options.out.value_or(folder->dir / "report");
  const Report report =
      buildReport(*folder, baseline ? &*baseline : nullptr,
                  {runner::nowRfc3339(), options.toolVersion, options.commandLine});
  std::vector<std::string> failures;
  try {
    std::filesystem::create_directories(dir / "figures");
    clearFigures(dir / "figures");
    const RenderedFigures figures =
        drawFigures(report.figures, dir, GnuplotRenderer(options.gnuplot), failures);
    runner::writeFileAtomically(dir / "report.html", renderHtml(report.document, figures));
    runner::writeFileAtomically(dir / "report.md", renderMarkdown(report.document, figures));
  } catch (const std::exception& error) {
    err << "minitwitter-experiment: cannot write the report into " << dir.string() << ": "
        << error.what() << "\n";
    return 1;
  }
  out << "report: " << (dir / "report.html").string() << "\n"
      << "        " << (dir / "report.md").string() << " (figures in " << (dir / "figures").string()
      << ")\n";
  if (!failures.empty()) {
    for (const std::string& failure : failures)
      err << "minitwitter-experiment: warning: " << failure << "\n";
    err << "minitwitter-experiment: the report lacks " << failures.size()
        << " figure(s); it says where\n";
    return 1;
  }
  return 0;
}

int compareCommand(const std::vector<std::filesystem::path>& folders, std::ostream& out,
                   std::ostream& err) {
  std::vector<ResultsFolder> read;
  for (const std::filesystem::path& dir : folders) {
    std::optional<ResultsFolder> folder = readOrSay(dir, err);
    if (!folder) return 2;
    read.push_back(std::move(*folder));
  }
  out << compareTable(read);
  return 0;
}

}  // namespace mt::experiment::report
