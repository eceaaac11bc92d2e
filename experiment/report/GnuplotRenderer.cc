#include "GnuplotRenderer.h"

#include <chrono>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "ChildProcess.h"
#include "GnuplotScript.h"

namespace mt::experiment::report {
namespace {

using runner::CommandOutput;

// A large multi-panel figure takes gnuplot well under a second; this only ends a hung one.
constexpr std::chrono::seconds kTimeout{30};
constexpr std::size_t kOutputLines = 5;

std::string firstLines(const std::string& text) {
  std::string lines;
  std::size_t count = 0;
  std::size_t start = 0;
  while (start < text.size() && count < kOutputLines) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      if (!lines.empty()) lines += '\n';
      lines += line;
      ++count;
    }
    start = end + 1;
  }
  return lines;
}

std::string describeFailure(const CommandOutput& result) {
  if (result.timedOut) return "killed after " + std::to_string(kTimeout.count()) + " s";
  if (result.exitCode > 128) return "killed by signal " + std::to_string(result.exitCode - 128);
  return "exit code " + std::to_string(result.exitCode);
}

}  // namespace

GnuplotRenderer::GnuplotRenderer(std::filesystem::path gnuplot) : gnuplot_(std::move(gnuplot)) {}

std::optional<std::string> GnuplotRenderer::version() const {
  const CommandOutput result = runner::captureCommand({gnuplot_.string(), "--version"}, kTimeout);
  std::string line = runner::firstLine(result.output);
  if (result.exitCode != 0 || line.empty()) return std::nullopt;
  return line;
}

std::string GnuplotRenderer::script(const Figure& figure, ImageFormat format,
                                    const std::filesystem::path& output) const {
  return gnuplotScript(figure, format, output);
}

void GnuplotRenderer::render(const Figure& figure, ImageFormat format,
                             const std::filesystem::path& output) const {
  const std::string figureName = "figure " + figure.name + ": ";
  const std::string prefix = figureName + "gnuplot: ";
  std::error_code ignored;
  // A stale image from an earlier report must not pass for this one.
  std::filesystem::remove(output, ignored);
  // --default-settings: a user's ~/.gnuplot must not restyle the report. Its errors go to
  // stderr and the image to `output`, so stdout and stderr merged are its messages.
  const CommandOutput result = runner::captureCommand({gnuplot_.string(), "--default-settings"},
                                                      kTimeout, script(figure, format, output));
  if (result.exitCode == -1) {
    throw std::runtime_error(figureName +
                             "gnuplot not found: install gnuplot-nox (bash tools/setup.sh)");
  }
  if (result.exitCode != 0) {
    std::filesystem::remove(output, ignored);  // half an image is no image
    const std::string details = firstLines(result.output);
    throw std::runtime_error(prefix + (details.empty() ? "" : details + " ") + "(" +
                             describeFailure(result) + ")");
  }
  if (!std::filesystem::exists(output, ignored) ||
      std::filesystem::file_size(output, ignored) == 0) {
    std::string message = prefix + "wrote no image to " + output.string();
    const std::string details = firstLines(result.output);
    if (!details.empty()) message += ": " + details;
    throw std::runtime_error(message);
  }
}

}  // namespace mt::experiment::report
