#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "Figure.h"
#include "GnuplotRenderer.h"

// The text side of the gnuplot renderer: a Figure turned into one gnuplot script with its
// data inline, styled to read in black-and-white.
namespace mt::experiment::report {

std::string gnuplotScript(const Figure& figure, ImageFormat format,
                          const std::filesystem::path& output);

// `text` as a single-quoted gnuplot string. Single quotes because gnuplot runs `...` inside
// double-quoted strings as a shell command, and a title must never do that.
std::string gnuplotQuoted(std::string_view text);

}  // namespace mt::experiment::report
