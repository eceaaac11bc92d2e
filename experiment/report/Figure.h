#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

// What a figure of the report shows, independent of how it is drawn: the report builder
// fills these in from the results, the gnuplot renderer draws them. Figures must read in
// black-and-white print, so series differ by dash pattern and point shape, never by colour
// alone.
namespace mt::experiment::report {

struct Series {
  std::string title;  // the legend entry
  std::vector<double> x;
  std::vector<double> y;  // NaN: no value at this x (a gap, not a zero)
  // Empty, or as long as y: the ends of an error bar (a 95% confidence interval).
  std::vector<double> yLow;
  std::vector<double> yHigh;
  // A baseline's series: drawn dashed with open points beside the run's solid ones.
  bool baseline = false;
};

struct Axis {
  std::string label;  // with its unit: "throughput (requests/s)"
  bool log = false;   // non-positive values cannot be drawn on it and are left out
  std::optional<double> min;
  std::optional<double> max;
  // Category axes (a swept value that is not a number, an operation name): the series'
  // x values are the positions given here.
  std::vector<std::pair<double, std::string>> ticLabels;
  // Only whole numbers mean something (seconds, instances): tics at integers.
  bool integer = false;
};

enum class PanelKind {
  Lines,  // lines and points, with error bars where a series has them
  Steps,  // a CDF: a step line per series, no points
  Bars,   // clustered bars: x are category positions, one bar per series at each
};

// A horizontal or diagonal guide drawn thin and grey, e.g. ideal speed-up y = x.
struct GuideLine {
  std::string title;
  double slope = 0;
  double intercept = 0;
};

struct Panel {
  std::string title;
  PanelKind kind = PanelKind::Lines;
  Axis x;
  Axis y;
  std::vector<Series> series;
  std::vector<GuideLine> guides;
};

// One image. Panels are stacked top to bottom and share its width.
struct Figure {
  std::string name;  // file stem, [a-z0-9-]+: "throughput-servers-instances"
  std::string title;
  std::vector<Panel> panels;
};

}  // namespace mt::experiment::report
