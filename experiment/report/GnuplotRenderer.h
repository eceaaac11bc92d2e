#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "Figure.h"

// Draws a Figure with gnuplot: SVG for the self-contained HTML report, PNG for the
// Markdown one. The data travel inside the script as datablocks, so nothing but the
// images touches the disk.
namespace mt::experiment::report {

enum class ImageFormat { Svg, Png };

class GnuplotRenderer {
 public:
  explicit GnuplotRenderer(std::filesystem::path gnuplot = "gnuplot");

  // gnuplot's version line ("gnuplot 5.4 patchlevel 4"), or nothing when it cannot be run.
  std::optional<std::string> version() const;

  // The whole gnuplot script that draws `figure` into `output` (exposed for tests).
  std::string script(const Figure& figure, ImageFormat format,
                     const std::filesystem::path& output) const;

  // Runs gnuplot on the script. Throws std::runtime_error naming the figure and
  // quoting gnuplot's error output when it fails or writes no image.
  void render(const Figure& figure, ImageFormat format, const std::filesystem::path& output) const;

 private:
  std::filesystem::path gnuplot_;
};

}  // namespace mt::experiment::report
