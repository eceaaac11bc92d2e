#include "GnuplotScript.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

namespace mt::experiment::report {
namespace {

constexpr int kWidth = 900;
constexpr int kPanelHeight = 480;
constexpr int kFigureTitleHeight = 40;
constexpr int kKeyRowHeight = 21;  // pixels a line of the key below a plot takes
constexpr int kKeyBelowPadding = 30;
constexpr const char* kNoDataSuffix = " (no data)";
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Okabe-Ito colours stay apart for colour-blind readers; in grey print the dash patterns,
// point shapes and fill patterns below carry the difference on their own.
constexpr std::array<const char*, 7> kColours = {"#000000", "#0072b2", "#d55e00", "#009e73",
                                                 "#cc79a7", "#e69f00", "#56b4e9"};
// The run's series start solid; a baseline's are always broken, so the two never look alike.
constexpr std::array<const char*, 4> kRunDashes = {"1", "(24,8,4,8)", "(3,5)", "(24,6,4,6,4,6)"};
constexpr std::array<const char*, 4> kBaselineDashes = {"(16,8)", "(36,10)", "(36,8,12,8)",
                                                        "(6,10)"};
constexpr std::array<const char*, 3> kGuideDashes = {"1", "(10,6)", "(3,4)"};
// gnuplot point types as (open, filled) pairs of one shape: circle, square, triangle up,
// diamond, triangle down, pentagon.
constexpr std::array<std::pair<int, int>, 6> kShapes = {
    {{6, 7}, {4, 5}, {8, 9}, {12, 13}, {10, 11}, {14, 15}}};
// Hatchings first: they read in black-and-white; empty and solid fills come last.
constexpr std::array<int, 8> kFillPatterns = {4, 5, 1, 0, 6, 7, 2, 3};

struct Row {
  double x;
  double y;  // NaN: a gap
  double low;
  double high;
};

struct PreparedSeries {
  const Series* series = nullptr;
  std::vector<Row> rows;
  bool errorBars = false;
  std::size_t drawable = 0;
};

struct PreparedPanel {
  const Panel* panel = nullptr;
  bool logX = false;
  bool logY = false;
  std::vector<PreparedSeries> series;

  bool empty() const {
    return std::none_of(series.begin(), series.end(),
                        [](const PreparedSeries& s) { return s.drawable > 0; });
  }
};

std::string number(double value) {
  if (!std::isfinite(value)) return "NaN";
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.9g", value);
  return text.data();
}

bool anyPositive(const Panel& panel, bool xAxis) {
  for (const auto& series : panel.series) {
    for (double value : xAxis ? series.x : series.y) {
      if (std::isfinite(value) && value > 0) return true;
    }
  }
  return false;
}

// Whether the positive values on an axis span at least a decade. A log scale is for data
// that do; under a decade it only crowds the labels (one or two in all) and bends lines
// that a reader would compare by eye, so such an axis is drawn linear.
bool spansADecade(const Panel& panel, bool xAxis) {
  double lowest = std::numeric_limits<double>::infinity();
  double highest = 0;
  const auto take = [&](const std::vector<double>& values) {
    for (double value : values) {
      if (!std::isfinite(value) || value <= 0) continue;
      lowest = std::min(lowest, value);
      highest = std::max(highest, value);
    }
  };
  for (const auto& series : panel.series) {
    if (xAxis) {
      take(series.x);
    } else {
      take(series.y);
      take(series.yLow);
      take(series.yHigh);
    }
  }
  return highest > 0 && highest / lowest >= 10;
}

// On a log y axis, error bars that reach zero or below end at the lowest value drawn in the
// panel: they run to the bottom of the data instead of vanishing or breaking the axis.
void endErrorBarsAboveZero(std::vector<PreparedSeries>& all) {
  double lowest = std::numeric_limits<double>::infinity();
  for (const auto& series : all) {
    for (const auto& row : series.rows) {
      for (double value : {row.y, row.low}) {
        if (std::isfinite(value) && value > 0) lowest = std::min(lowest, value);
      }
    }
  }
  for (auto& series : all) {
    for (auto& row : series.rows) {
      if (row.low <= 0) row.low = std::min(lowest, row.y);
      if (row.high <= 0) row.high = row.y;
    }
  }
}

// The corners of a step line (each value held until the next x) as points to join with
// straight lines. gnuplot's own `with steps` restarts the dash pattern on every step, so a
// dense CDF drawn with it looks solid whatever its dash type; one joined line keeps it.
std::vector<Row> stairs(const std::vector<Row>& rows) {
  std::vector<Row> corners;
  const Row* previous = nullptr;
  for (const auto& row : rows) {
    if (previous != nullptr && std::isfinite(row.y)) {
      corners.push_back({row.x, previous->y, previous->y, previous->y});
    }
    corners.push_back(row);
    previous = std::isfinite(row.y) ? &row : nullptr;
  }
  return corners;
}

PreparedPanel prepare(const Panel& panel) {
  PreparedPanel prepared;
  prepared.panel = &panel;
  // A log axis with nothing positive on it would make gnuplot fail; linear still shows the data.
  prepared.logX = panel.x.log && panel.kind != PanelKind::Bars && anyPositive(panel, true) &&
                  spansADecade(panel, true);
  prepared.logY = panel.y.log && anyPositive(panel, false) && spansADecade(panel, false);
  for (const auto& series : panel.series) {
    PreparedSeries out;
    out.series = &series;
    out.errorBars = panel.kind != PanelKind::Steps && !series.yLow.empty() &&
                    series.yLow.size() == series.y.size() && series.yHigh.size() == series.y.size();
    const std::size_t n = std::min(series.x.size(), series.y.size());
    for (std::size_t i = 0; i < n; ++i) {
      const double x = series.x[i];
      if (!std::isfinite(x) || (prepared.logX && x <= 0)) continue;
      const double y = series.y[i];
      if (!std::isfinite(y) || (prepared.logY && y <= 0)) {
        out.rows.push_back({x, kNaN, kNaN, kNaN});
        continue;
      }
      Row row{x, y, y, y};
      if (out.errorBars) {
        if (std::isfinite(series.yLow[i])) row.low = series.yLow[i];
        if (std::isfinite(series.yHigh[i])) row.high = series.yHigh[i];
      }
      out.rows.push_back(row);
      ++out.drawable;
    }
    if (panel.kind == PanelKind::Steps) out.rows = stairs(out.rows);
    prepared.series.push_back(std::move(out));
  }
  if (prepared.logY) endErrorBarsAboveZero(prepared.series);
  return prepared;
}

std::string blockName(std::size_t panel, std::size_t series) {
  return "$p" + std::to_string(panel) + "s" + std::to_string(series);
}

void writeDatablock(std::ostream& out, const std::string& name, const PreparedSeries& series) {
  out << name << " << EOD\n";
  for (const auto& row : series.rows) {
    out << number(row.x) << ' ' << number(row.y);
    if (series.errorBars) out << ' ' << number(row.low) << ' ' << number(row.high);
    out << '\n';
  }
  out << "EOD\n";
}

// A range end for gnuplot: the given value, or `*` (autoscale) where it is missing or
// cannot lie on a log axis.
std::string rangeEnd(std::optional<double> value, bool log) {
  if (!value || !std::isfinite(*value) || (log && *value <= 0)) return "*";
  return number(*value);
}

// Category positions of the x axis: tic positions and every x a series has.
std::vector<double> categoryPositions(const PreparedPanel& panel) {
  std::set<double> positions;
  for (const auto& [position, label] : panel.panel->x.ticLabels) {
    if (std::isfinite(position)) positions.insert(position);
  }
  for (const auto& series : panel.series) {
    for (const auto& row : series.rows)
      positions.insert(row.x);
  }
  return {positions.begin(), positions.end()};
}

double smallestGap(const std::vector<double>& sorted) {
  double gap = std::numeric_limits<double>::infinity();
  for (std::size_t i = 1; i < sorted.size(); ++i)
    gap = std::min(gap, sorted[i] - sorted[i - 1]);
  return std::isfinite(gap) && gap > 0 ? gap : 1.0;
}

// The smallest and largest drawn value on one axis (error bars included), or nothing.
std::optional<std::pair<double, double>> dataRange(const PreparedPanel& prepared, char axis) {
  std::optional<std::pair<double, double>> range;
  const auto add = [&](double value) {
    if (!std::isfinite(value)) return;
    if ((axis == 'x' ? prepared.logX : prepared.logY) && value <= 0) return;
    if (!range)
      range = std::make_pair(value, value);
    else
      range = std::make_pair(std::min(range->first, value), std::max(range->second, value));
  };
  for (const auto& series : prepared.series)
    for (const auto& row : series.rows) {
      if (axis == 'x') {
        add(row.x);
      } else if (std::isfinite(row.y)) {
        add(row.y);
        add(row.low);
        add(row.high);
      }
    }
  return range;
}

// Tics where gnuplot's own would mislead: whole steps on an integer axis (not 1.2 s), and
// 1-2-5 steps on a log axis spanning under two decades (gnuplot labels only the decades,
// which may be one or two labels in all, and pads the range out to them). Returns the
// range such log tics need, from the tic at or below the data to the one at or above it.
std::optional<std::pair<double, double>> writeAutomaticTics(std::ostream& out, char axis,
                                                            const Axis& spec,
                                                            const PreparedPanel& prepared) {
  const bool log = axis == 'x' ? prepared.logX : prepared.logY;
  std::optional<std::pair<double, double>> range = dataRange(prepared, axis);
  // Bounds given by the figure are the range: the tics must cover them.
  if (range && spec.min && (!log || *spec.min > 0)) range->first = *spec.min;
  if (range && spec.max && (!log || *spec.max > 0)) range->second = *spec.max;
  if (range && log && range->second / range->first < 100) {
    std::vector<double> candidates;
    const int firstExponent = static_cast<int>(std::floor(std::log10(range->first)));
    const int lastExponent = static_cast<int>(std::ceil(std::log10(range->second)));
    for (int exponent = firstExponent; exponent <= lastExponent; ++exponent)
      for (const double step : {1.0, 2.0, 5.0})
        candidates.push_back(step * std::pow(10, exponent));
    double low = candidates.front();
    double high = candidates.back();
    bool highFound = false;
    for (const double tic : candidates) {
      if (tic <= range->first * (1 + 1e-9)) low = tic;
      if (!highFound && tic >= range->second * (1 - 1e-9)) {
        high = tic;
        highFound = true;
      }
    }
    std::string list;
    for (const double tic : candidates)
      if (tic >= low && tic <= high) list += (list.empty() ? "" : ", ") + number(tic);
    out << "set " << axis << "tics (" << list << ")\n";
    return std::make_pair(low, high);
  }
  if (range && spec.integer && !log) {
    const double span = range->second - range->first;
    double step = 1;
    for (const double nice : {2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0})
      if (span / step > 12) step = nice;
    out << "set " << axis << "tics " << number(step) << "\n";
    return std::nullopt;
  }
  out << "set " << axis << "tics autofreq\n";
  return std::nullopt;
}

// The range that tics chosen here need, when they need one.
std::optional<std::pair<double, double>> writeTicLabels(std::ostream& out, char axis,
                                                        const Axis& spec,
                                                        const PreparedPanel& prepared) {
  if (spec.ticLabels.empty()) return writeAutomaticTics(out, axis, spec, prepared);
  std::size_t longest = 0;
  std::string list;
  for (const auto& [position, label] : spec.ticLabels) {
    if (!list.empty()) list += ", ";
    list += gnuplotQuoted(label) + " " + number(position);
    longest = std::max(longest, label.size());
  }
  out << "set " << axis << "tics (" << list << ")";
  // Long category names would run into each other side by side.
  if (axis == 'x' && (longest > 14 || longest * spec.ticLabels.size() > 70)) {
    out << " rotate by 30 right";
  }
  out << '\n';
  return std::nullopt;
}

// The width in characters of a key beside the plot, or 0 when the key goes below it:
// beside it never covers data, below it leaves the plot its width when the key is large.
std::size_t keyBesideWidth(const PreparedPanel& prepared) {
  std::size_t entries = prepared.panel->guides.size();
  std::size_t longest = 0;
  for (const auto& series : prepared.series) {
    ++entries;
    const std::size_t suffix = series.drawable == 0 ? std::string_view(kNoDataSuffix).size() : 0;
    longest = std::max(longest, series.series->title.size() + suffix);
  }
  for (const auto& guide : prepared.panel->guides)
    longest = std::max(longest, guide.title.size());
  if (prepared.empty() || entries > 6 || longest > 28) return 0;
  return longest + 12;  // the sample line, the gaps and the box
}

// The lines a key below the plot takes (gnuplot sets one entry per line there).
std::size_t keyRowsBelow(const PreparedPanel& prepared) {
  if (prepared.empty() || keyBesideWidth(prepared) > 0) return 0;
  return prepared.series.size() + prepared.panel->guides.size();
}

void writeKey(std::ostream& out, const PreparedPanel& prepared) {
  if (keyBesideWidth(prepared) > 0) {
    out << "set key outside right top vertical Left reverse";
  } else {
    out << "set key below center horizontal Left reverse";
  }
  out << " box lc rgb '#808080' samplen 5 spacing 1.2 width 1\n";
}

void writeAxes(std::ostream& out, const PreparedPanel& prepared) {
  const Panel& panel = *prepared.panel;
  out << "set xlabel " << gnuplotQuoted(panel.x.label);
  // gnuplot puts a key below the plot on top of the axis label; an empty line keeps it clear.
  if (keyBesideWidth(prepared) == 0) out << ".\"\\n\"";
  out << '\n';
  out << "set ylabel " << gnuplotQuoted(panel.y.label) << '\n';
  if (prepared.logX) out << "set logscale x 10\n";
  if (prepared.logY) out << "set logscale y 10\n";
  out << "set format x '%g'\nset format y '%g'\n";
  const auto xTicRange = writeTicLabels(out, 'x', panel.x, prepared);
  const auto yTicRange = writeTicLabels(out, 'y', panel.y, prepared);

  std::string xLow = rangeEnd(panel.x.min, prepared.logX);
  std::string xHigh = rangeEnd(panel.x.max, prepared.logX);
  if (xTicRange && xLow == "*") xLow = number(xTicRange->first);
  if (xTicRange && xHigh == "*") xHigh = number(xTicRange->second);
  // Categories and bars need room beside the outer ones, or they sit on the border.
  if ((panel.kind == PanelKind::Bars || !panel.x.ticLabels.empty()) && !prepared.logX) {
    const auto positions = categoryPositions(prepared);
    if (!positions.empty()) {
      const double half = smallestGap(positions) / 2;
      if (xLow == "*") xLow = number(positions.front() - half);
      if (xHigh == "*") xHigh = number(positions.back() + half);
    }
  }
  std::string yLow = rangeEnd(panel.y.min, prepared.logY);
  std::string yHigh = rangeEnd(panel.y.max, prepared.logY);
  if (yTicRange && yLow == "*") yLow = number(yTicRange->first);
  // A latency asked for on a log axis but drawn linear (it spans under a decade) starts at
  // zero, like every other linear measure here, so that heights compare.
  if (panel.y.log && !prepared.logY && yLow == "*") {
    const auto range = dataRange(prepared, 'y');
    if (range && range->first >= 0) yLow = "0";
  }
  if (yTicRange && yHigh == "*") yHigh = number(yTicRange->second);
  if (panel.kind == PanelKind::Bars && !prepared.logY && yLow == "*") {
    bool nonNegative = true;
    for (const auto& series : prepared.series) {
      for (const auto& row : series.rows) {
        if (row.y < 0 || row.low < 0) nonNegative = false;
      }
    }
    // Bars grow from zero; an axis starting elsewhere would misstate their ratios.
    if (nonNegative) yLow = "0";
  }
  // gnuplot refuses a range whose ends are equal; autoscaling still shows the data.
  if (xLow == xHigh) xLow = xHigh = "*";
  if (yLow == yHigh) yLow = "*";
  out << "set xrange [" << xLow << ':' << xHigh << "]\n";
  out << "set yrange [" << yLow << ':' << yHigh << "]\n";
}

struct Look {
  std::string colour;
  std::string dash;
  int point;
  int pattern;
};

Look lookOf(const PreparedPanel& prepared, std::size_t index) {
  std::size_t runs = 0;
  std::size_t baselines = 0;
  for (std::size_t i = 0; i < index; ++i) {
    (prepared.series[i].series->baseline ? baselines : runs) += 1;
  }
  const bool baseline = prepared.series[index].series->baseline;
  const auto& shape = kShapes[index % kShapes.size()];
  return Look{
      kColours[index % kColours.size()],
      baseline ? kBaselineDashes[baselines % kBaselineDashes.size()]
               : kRunDashes[runs % kRunDashes.size()],
      baseline ? shape.first : shape.second,
      kFillPatterns[index % kFillPatterns.size()],
  };
}

// Each category's bars together take 80% of the space between neighbouring categories.
double barWidth(const PreparedPanel& prepared) {
  return smallestGap(categoryPositions(prepared)) * 0.8 /
         static_cast<double>(std::max<std::size_t>(prepared.series.size(), 1));
}

std::string style(const Look& look, bool points) {
  std::string text = " lc rgb '" + look.colour + "' lw 2 dt " + look.dash;
  if (points) text += " pt " + std::to_string(look.point) + " ps 1.3";
  return text;
}

std::string barClauses(const PreparedSeries& series, const Look& look, const std::string& block,
                       double offset) {
  std::ostringstream clause;
  // The border takes the line colour; the dash of a baseline's border tells it apart too.
  const std::string fill = " lc rgb '" + look.colour + "' lw 1 dt " + look.dash + " fill pattern " +
                           std::to_string(look.pattern) + " border";
  if (series.drawable == 0) {
    clause << "keyentry with boxes" << fill << " title "
           << gnuplotQuoted(series.series->title + kNoDataSuffix);
    return clause.str();
  }
  const std::string x = "($1+(" + number(offset) + "))";
  clause << block << " using " << x << ":2 with boxes" << fill << " title "
         << gnuplotQuoted(series.series->title);
  if (series.errorBars) {
    clause << ", \\\n     " << block << " using " << x
           << ":2:3:4 with yerrorbars lc rgb '#000000' lw 1 pt 7 ps 0 notitle";
  }
  return clause.str();
}

std::string lineClause(const PreparedSeries& series, const Look& look, const std::string& block,
                       bool steps) {
  std::ostringstream clause;
  if (series.drawable == 0) {
    clause << "keyentry with " << (steps ? "lines" : "linespoints") << style(look, !steps)
           << " title " << gnuplotQuoted(series.series->title + kNoDataSuffix);
    return clause.str();
  }
  // Steps: the datablock already holds the stairs' corners (see stairs()).
  const char* with = steps ? "lines" : series.errorBars ? "yerrorlines" : "linespoints";
  clause << block << " using " << (series.errorBars && !steps ? "1:2:3:4" : "1:2") << " with "
         << with << style(look, !steps) << " title " << gnuplotQuoted(series.series->title);
  return clause.str();
}

std::vector<std::string> seriesClauses(const PreparedPanel& prepared, std::size_t panelIndex) {
  const Panel& panel = *prepared.panel;
  std::vector<std::string> clauses;
  const std::size_t count = prepared.series.size();
  const double width = barWidth(prepared);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& series = prepared.series[i];
    const Look look = lookOf(prepared, i);
    const std::string block = blockName(panelIndex, i);
    if (panel.kind == PanelKind::Bars) {
      const double offset = (static_cast<double>(i) - static_cast<double>(count - 1) / 2) * width;
      clauses.push_back(barClauses(series, look, block, offset));
    } else {
      clauses.push_back(lineClause(series, look, block, panel.kind == PanelKind::Steps));
    }
  }
  return clauses;
}

std::vector<std::string> guideClauses(std::ostream& out, const Panel& panel) {
  std::vector<std::string> clauses;
  for (std::size_t i = 0; i < panel.guides.size(); ++i) {
    const auto& guide = panel.guides[i];
    out << "guide" << i << "(x) = " << number(guide.slope) << " * x + " << number(guide.intercept)
        << '\n';
    std::ostringstream clause;
    clause << "guide" << i << "(x) with lines lc rgb '#8c8c8c' lw 1 dt "
           << kGuideDashes[i % kGuideDashes.size()] << " title " << gnuplotQuoted(guide.title);
    clauses.push_back(clause.str());
  }
  return clauses;
}

void writeEmptyPanel(std::ostream& out, const Panel& panel) {
  out << "set xlabel " << gnuplotQuoted(panel.x.label) << '\n';
  out << "set ylabel " << gnuplotQuoted(panel.y.label) << '\n';
  out << "unset xtics\nunset ytics\nunset key\n";
  out << "set xrange [0:1]\nset yrange [0:1]\n";
  out << "set label 1 'no data' at graph 0.5, graph 0.5 center font ',14'\n";
  out << "plot NaN notitle\n";
}

// Where a panel sits in the image, as fractions of its size.
struct Placement {
  double bottom;
  double height;
};

void writePanel(std::ostream& out, const PreparedPanel& prepared, std::size_t index,
                Placement placement, std::size_t rightMargin) {
  const Panel& panel = *prepared.panel;
  out << "\nreset\n";
  out << "set origin 0, " << number(placement.bottom) << "\nset size 1, "
      << number(placement.height) << '\n';
  // The same margins in every panel keep stacked panels' axes aligned.
  out << "set lmargin 12\nset rmargin " << rightMargin << '\n';
  out << "set grid back lt 1 lc rgb '#d0d0d0' lw 1 dt solid\n";
  out << "set border lw 1\n";
  out << "set title " << gnuplotQuoted(panel.title) << " font ',12'\n";
  if (prepared.empty()) {
    writeEmptyPanel(out, panel);
    return;
  }
  writeAxes(out, prepared);
  writeKey(out, prepared);
  // Room around the data so the outermost points do not sit on the border.
  if (panel.kind == PanelKind::Lines) {
    // xfix: the offsets, not a stretch to the next tic, pad the x range (a log axis would
    // stretch by a decade). Only the top of y: a throughput axis should still start at zero.
    out << "set autoscale xfix\n";
    out << "set offsets " << (prepared.logX ? "0, 0" : "graph 0.03, graph 0.03") << ", "
        << (prepared.logY ? "0" : "graph 0.05") << ", 0\n";
  }
  if (panel.kind == PanelKind::Bars)
    out << "set boxwidth " << number(barWidth(prepared)) << " absolute\n";
  auto clauses = seriesClauses(prepared, index);
  for (auto& clause : guideClauses(out, panel))
    clauses.push_back(std::move(clause));
  out << "plot ";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    out << (i == 0 ? "" : ", \\\n     ") << clauses[i];
  }
  out << '\n';
}

// The figure's name goes into a comment only; keep it to characters that cannot end or
// escape the comment.
std::string commentSafe(const std::string& text) {
  std::string safe;
  for (char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    safe += plain ? c : '?';
  }
  return safe;
}

}  // namespace

std::string gnuplotQuoted(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "''";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      quoted += ' ';  // a single-quoted string cannot hold a line break or other controls
    } else {
      quoted += c;
    }
  }
  quoted += '\'';
  return quoted;
}

std::string gnuplotScript(const Figure& figure, ImageFormat format,
                          const std::filesystem::path& output) {
  std::vector<PreparedPanel> panels;
  for (const auto& panel : figure.panels)
    panels.push_back(prepare(panel));
  const Panel placeholder;  // a figure without panels still draws one, saying "no data"
  if (panels.empty()) panels.push_back(prepare(placeholder));

  // A key below its plot adds to the panel's height rather than taking the plot's.
  std::vector<int> heights;
  int height = figure.title.empty() ? 0 : kFigureTitleHeight;
  for (const auto& panel : panels) {
    const auto rows = static_cast<int>(keyRowsBelow(panel));
    heights.push_back(kPanelHeight + (rows == 0 ? 0 : rows * kKeyRowHeight + kKeyBelowPadding));
    height += heights.back();
  }
  std::ostringstream out;
  out << "# figure " << commentSafe(figure.name) << "\n";
  // noenhanced: names like p99_9 or servers.instances print as written, not as sub/superscripts.
  if (format == ImageFormat::Svg) {
    out << "set terminal svg size " << kWidth << ',' << height
        << " dynamic noenhanced font 'sans,11' background '#ffffff'\n";
  } else {
    out << "set terminal pngcairo size " << kWidth << ',' << height
        << " noenhanced font 'sans,11' background '#ffffff'\n";
  }
  out << "set encoding utf8\n";
  out << "set output " << gnuplotQuoted(output.string()) << '\n';
  for (std::size_t p = 0; p < panels.size(); ++p) {
    for (std::size_t s = 0; s < panels[p].series.size(); ++s) {
      writeDatablock(out, blockName(p, s), panels[p].series[s]);
    }
  }
  out << "set multiplot";
  if (!figure.title.empty()) out << " title " << gnuplotQuoted(figure.title) << " font ',14'";
  out << '\n';
  std::size_t rightMargin = 3;
  for (const auto& panel : panels)
    rightMargin = std::max(rightMargin, keyBesideWidth(panel));
  int top = height - (figure.title.empty() ? 0 : kFigureTitleHeight);
  for (std::size_t p = 0; p < panels.size(); ++p) {
    top -= heights[p];
    const Placement placement{static_cast<double>(top) / height,
                              static_cast<double>(heights[p]) / height};
    writePanel(out, panels[p], p, placement, rightMargin);
  }
  out << "\nunset multiplot\nset output\n";
  return out.str();
}

}  // namespace mt::experiment::report
