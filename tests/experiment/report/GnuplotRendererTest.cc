#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "GnuplotRenderer.h"
#include "GnuplotScript.h"

namespace mt::experiment::report {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Series series(std::string title, std::vector<double> x, std::vector<double> y,
              bool baseline = false) {
  Series s;
  s.title = std::move(title);
  s.x = std::move(x);
  s.y = std::move(y);
  s.baseline = baseline;
  return s;
}

Panel panel(PanelKind kind, std::vector<Series> all) {
  Panel p;
  p.title = "panel";
  p.kind = kind;
  p.x.label = "servers.instances";
  p.y.label = "throughput (requests/s)";
  p.series = std::move(all);
  return p;
}

Figure figure(std::vector<Panel> panels, std::string title = "figure title") {
  Figure f;
  f.name = "test-figure";
  f.title = std::move(title);
  f.panels = std::move(panels);
  return f;
}

std::string scriptOf(const Figure& f, ImageFormat format = ImageFormat::Png) {
  return GnuplotRenderer().script(f, format, "/tmp/out.png");
}

// The lines of the datablock `name` (without its header and EOD).
std::vector<std::string> datablock(const std::string& script, const std::string& name) {
  std::istringstream in(script);
  std::vector<std::string> rows;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == name + " << EOD") {
      inside = true;
    } else if (inside && line == "EOD") {
      return rows;
    } else if (inside) {
      rows.push_back(line);
    }
  }
  ADD_FAILURE() << "no datablock " << name << " in\n" << script;
  return rows;
}

// The plot clause that draws the series titled `title`.
std::string clauseOf(const std::string& script, const std::string& title) {
  std::istringstream in(script);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("title '" + title + "'") != std::string::npos) return line;
  }
  ADD_FAILURE() << "no plot clause titled " << title << " in\n" << script;
  return {};
}

TEST(GnuplotScriptTest, WritesEachSeriesAsADatablockWithNinePlaces) {
  const auto s = scriptOf(
      figure({panel(PanelKind::Lines, {series("run", {1, 2, 4}, {0.123456789012, 2500, 1e-7}),
                                       series("baseline", {1, 2}, {10, 20}, true)})}));
  EXPECT_THAT(datablock(s, "$p0s0"), ::testing::ElementsAre("1 0.123456789", "2 2500", "4 1e-07"));
  EXPECT_THAT(datablock(s, "$p0s1"), ::testing::ElementsAre("1 10", "2 20"));
  EXPECT_THAT(s, HasSubstr("$p0s0 using 1:2 with linespoints"));
  EXPECT_THAT(s, HasSubstr("$p0s1 using 1:2 with linespoints"));
}

TEST(GnuplotScriptTest, WritesMissingValuesAsNaN) {
  const auto s =
      scriptOf(figure({panel(PanelKind::Lines, {series("run", {1, 2, 3}, {5, kNaN, 7})})}));
  EXPECT_THAT(datablock(s, "$p0s0"), ::testing::ElementsAre("1 5", "2 NaN", "3 7"));
}

TEST(GnuplotScriptTest, LogAxisLeavesOutNonPositiveValuesAndTheirErrorBars) {
  Panel p = panel(PanelKind::Lines, {series("run", {-1, 0, 1, 2, 3, 40}, {5, 5, 0, -3, 80, 2})});
  p.series[0].yLow = {4, 4, -1, -4, -2, 1};
  p.series[0].yHigh = {6, 6, 1, -2, 90, 3};
  p.x.log = true;
  p.y.log = true;
  const auto s = scriptOf(figure({p}));
  EXPECT_THAT(s, HasSubstr("set logscale x 10"));
  EXPECT_THAT(s, HasSubstr("set logscale y 10"));
  // x <= 0 cannot be placed at all; y <= 0 is a gap; an error bar reaching below zero ends
  // at the lowest value drawn in the panel.
  EXPECT_THAT(datablock(s, "$p0s0"),
              ::testing::ElementsAre("1 NaN NaN NaN", "2 NaN NaN NaN", "3 80 1 90", "40 2 1 3"));
}

TEST(GnuplotScriptTest, LogAxisWithoutPositiveValuesFallsBackToLinear) {
  Panel p = panel(PanelKind::Lines, {series("errors", {1, 2}, {0, 0})});
  p.y.log = true;
  p.y.min = 0.0;
  const auto s = scriptOf(figure({p}));
  EXPECT_THAT(s, Not(HasSubstr("logscale")));
  EXPECT_THAT(datablock(s, "$p0s0"), ::testing::ElementsAre("1 0", "2 0"));
  EXPECT_THAT(s, HasSubstr("set yrange [0:*]"));
}

TEST(GnuplotScriptTest, LogAxisIgnoresANonPositiveMinimum) {
  Panel p = panel(PanelKind::Lines, {series("run", {1, 2}, {1, 10})});
  p.y.log = true;
  p.y.min = 0.0;
  p.y.max = 100.0;
  EXPECT_THAT(scriptOf(figure({p})), HasSubstr("set yrange [*:100]"));
}

TEST(GnuplotScriptTest, LogAxisUnderTwoDecadesGetsOneTwoFiveTicsAndASnugRange) {
  Panel p = panel(PanelKind::Lines, {series("run", {1, 2}, {3, 40})});
  p.y.log = true;
  const auto s = scriptOf(figure({p}));
  EXPECT_THAT(s, HasSubstr("set ytics (2, 5, 10, 20, 50)"));
  EXPECT_THAT(s, HasSubstr("set yrange [2:50]"));
  // Over two decades, gnuplot's own decade tics serve.
  Panel wide = panel(PanelKind::Lines, {series("run", {1, 2}, {0.5, 900})});
  wide.y.log = true;
  EXPECT_THAT(scriptOf(figure({wide})), HasSubstr("set ytics autofreq"));
}

TEST(GnuplotScriptTest, LogAxisUnderADecadeIsDrawnLinearFromZero) {
  Panel p = panel(PanelKind::Lines, {series("p99", {1, 2, 3}, {26, 27.5, 28})});
  p.y.log = true;
  const auto s = scriptOf(figure({p}));
  EXPECT_THAT(s, Not(HasSubstr("logscale")));
  EXPECT_THAT(s, HasSubstr("set yrange [0:*]"));
}

TEST(GnuplotScriptTest, IntegerAxisTicsAtWholeSteps) {
  Panel p = panel(PanelKind::Lines, {series("run", {1, 2}, {3, 4})});
  p.x.integer = true;
  EXPECT_THAT(scriptOf(figure({p})), HasSubstr("set xtics 1\n"));
  Panel longer = panel(PanelKind::Lines, {series("run", {1, 60}, {3, 4})});
  longer.x.integer = true;
  EXPECT_THAT(scriptOf(figure({longer})), HasSubstr("set xtics 5\n"));
}

TEST(GnuplotScriptTest, QuotesUserTextSoNothingIsInterpreted) {
  Panel p = panel(PanelKind::Lines, {series("it's \"p99_9\" `touch x` \\n @a {b}^c&d", {1}, {1})});
  p.x.label = "servers.instances";
  p.y.label = "line\nbreak";
  const auto s = scriptOf(figure({p}, "title_with_underscore"));
  // Single quotes: gnuplot runs `...` inside double quotes and reads \ escapes there.
  EXPECT_THAT(s, HasSubstr("title 'it''s \"p99_9\" `touch x` \\n @a {b}^c&d'"));
  EXPECT_THAT(s, HasSubstr("set xlabel 'servers.instances'"));
  EXPECT_THAT(s, HasSubstr("set ylabel 'line break'"));
  EXPECT_THAT(s, HasSubstr("title 'title_with_underscore'"));
  EXPECT_THAT(s, HasSubstr("noenhanced"));
}

TEST(GnuplotScriptTest, UsesErrorBarsOnlyForSeriesThatHaveThem) {
  Series withBars = series("with bars", {1, 2}, {10, 20});
  withBars.yLow = {9, kNaN};
  withBars.yHigh = {11, kNaN};
  Series lopsided = series("lopsided", {1, 2}, {10, 20});
  lopsided.yLow = {9};  // not as long as y: not error bars
  lopsided.yHigh = {11};
  const auto s = scriptOf(
      figure({panel(PanelKind::Lines, {withBars, series("without", {1, 2}, {30, 40}), lopsided})}));
  EXPECT_THAT(clauseOf(s, "with bars"), HasSubstr("using 1:2:3:4 with yerrorlines"));
  // A missing bound draws no bar rather than hiding the point.
  EXPECT_THAT(datablock(s, "$p0s0"), ::testing::ElementsAre("1 10 9 11", "2 20 20 20"));
  EXPECT_THAT(clauseOf(s, "without"),
              AllOf(HasSubstr("using 1:2 with linespoints"), Not(HasSubstr("errorlines"))));
  EXPECT_THAT(clauseOf(s, "lopsided"), HasSubstr("using 1:2 with linespoints"));
  EXPECT_THAT(datablock(s, "$p0s2"), ::testing::ElementsAre("1 10", "2 20"));
}

TEST(GnuplotScriptTest, BaselineIsDashedWithOpenPointsAndTheRunSolidWithFilledOnes) {
  const auto s = scriptOf(figure(
      {panel(PanelKind::Lines, {series("run", {1}, {1}), series("baseline", {1}, {2}, true)})}));
  EXPECT_THAT(clauseOf(s, "run"), AllOf(HasSubstr("dt 1 "), HasSubstr("pt 7 ")));
  EXPECT_THAT(clauseOf(s, "baseline"), AllOf(HasSubstr("dt (16,8)"), HasSubstr("pt 4 ")));
}

std::string after(const std::string& text, const std::string& key) {
  const auto at = text.find(key);
  if (at == std::string::npos) return "";
  const auto start = at + key.size();
  return text.substr(start, text.find(' ', start) - start);
}

TEST(GnuplotScriptTest, EverySeriesHasItsOwnDashAndPoint) {
  std::vector<Series> all;
  all.reserve(6);
  for (int i = 0; i < 6; ++i) {
    all.push_back(series("series " + std::to_string(i), {1}, {1.0 + i}, i % 2 == 1));
  }
  const auto s = scriptOf(figure({panel(PanelKind::Lines, all)}));
  std::set<std::string> dashes;
  std::set<std::string> points;
  for (int i = 0; i < 6; ++i) {
    const auto clause = clauseOf(s, "series " + std::to_string(i));
    dashes.insert(after(clause, " dt "));
    points.insert(after(clause, " pt "));
  }
  EXPECT_EQ(dashes.size(), 6u) << s;
  EXPECT_EQ(points.size(), 6u) << s;
}

TEST(GnuplotScriptTest, StepsAreLinesThroughTheStairCornersWithoutPoints) {
  const auto s =
      scriptOf(figure({panel(PanelKind::Steps, {series("run", {1, 2, 3, 4}, {0.1, 0.5, kNaN, 1}),
                                                series("baseline", {1, 2}, {0.2, 0.9}, true)})}));
  EXPECT_THAT(datablock(s, "$p0s0"),
              ::testing::ElementsAre("1 0.1", "2 0.1", "2 0.5", "3 NaN", "4 1"));
  EXPECT_THAT(clauseOf(s, "run"), AllOf(HasSubstr("with lines"), Not(HasSubstr(" pt "))));
  const auto baseline = clauseOf(s, "baseline");
  EXPECT_NE(after(baseline, " dt "), after(clauseOf(s, "run"), " dt "));
}

TEST(GnuplotScriptTest, BarsStandSideBySideWithDistinctPatternsAndErrorBars) {
  Panel p = panel(PanelKind::Bars,
                  {series("run", {1, 2}, {10, 20}), series("baseline", {1, 2}, {12, 18}, true)});
  p.series[0].yLow = {9, 19};
  p.series[0].yHigh = {11, 21};
  p.x.ticLabels = {{1, "home_timeline"}, {2, "post_tweet"}};
  const auto s = scriptOf(figure({p}));
  EXPECT_THAT(s, HasSubstr("set boxwidth 0.4 absolute"));
  const auto run = clauseOf(s, "run");
  const auto baseline = clauseOf(s, "baseline");
  EXPECT_THAT(run, AllOf(HasSubstr("using ($1+(-0.2)):2 with boxes"), HasSubstr("fill pattern")));
  EXPECT_THAT(baseline,
              AllOf(HasSubstr("using ($1+(0.2)):2 with boxes"), HasSubstr("fill pattern")));
  EXPECT_NE(after(run, "fill pattern "), after(baseline, "fill pattern "));
  EXPECT_THAT(s, HasSubstr("$p0s0 using ($1+(-0.2)):2:3:4 with yerrorbars"));
  EXPECT_THAT(s, Not(HasSubstr("$p0s1 using ($1+(0.2)):2:3:4")));
  EXPECT_THAT(s, HasSubstr("set xtics ('home_timeline' 1, 'post_tweet' 2)"));
  // Room for the outer bars, and bars from zero.
  EXPECT_THAT(s, HasSubstr("set xrange [0.5:2.5]"));
  EXPECT_THAT(s, HasSubstr("set yrange [0:*]"));
}

TEST(GnuplotScriptTest, RotatesLongCategoryNames) {
  Panel p = panel(PanelKind::Lines, {series("run", {1, 2}, {1, 2})});
  p.x.ticLabels = {{1, "a"}, {2, "b"}};
  EXPECT_THAT(scriptOf(figure({p})), Not(HasSubstr("rotate")));
  p.x.ticLabels = {{1, "user_timeline_with_replies"}, {2, "b"}};
  EXPECT_THAT(scriptOf(figure({p})), HasSubstr("rotate by 30 right"));
}

TEST(GnuplotScriptTest, DrawsGuideLinesAsThinGreyFunctions) {
  Panel p = panel(PanelKind::Lines, {series("run", {1, 2}, {1000, 1900})});
  p.guides.push_back({"ideal speed-up", 1000, 0.5});
  const auto s = scriptOf(figure({p}));
  EXPECT_THAT(s, HasSubstr("guide0(x) = 1000 * x + 0.5"));
  EXPECT_THAT(clauseOf(s, "ideal speed-up"),
              AllOf(HasSubstr("guide0(x) with lines"), HasSubstr("lw 1"), HasSubstr("#8c8c8c")));
}

TEST(GnuplotScriptTest, AppliesAxisRangesAndLabels) {
  Panel p = panel(PanelKind::Lines, {series("run", {1, 2}, {1, 2})});
  p.x.min = 0.5;
  p.y.min = 0.0;
  p.y.max = 100.0;
  const auto s = scriptOf(figure({p}));
  EXPECT_THAT(s, HasSubstr("set xrange [0.5:*]"));
  EXPECT_THAT(s, HasSubstr("set yrange [0:100]"));
  EXPECT_THAT(s, HasSubstr("set ylabel 'throughput (requests/s)'"));
}

TEST(GnuplotScriptTest, SaysNoDataForAPanelWithNothingToDraw) {
  Panel empty = panel(PanelKind::Lines, {});
  Panel onlyGaps = panel(PanelKind::Steps, {series("run", {1, 2}, {kNaN, kNaN})});
  const auto s = scriptOf(figure({empty, onlyGaps}));
  std::size_t count = 0;
  for (auto at = s.find("'no data'"); at != std::string::npos; at = s.find("'no data'", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 2u) << s;
}

TEST(GnuplotScriptTest, StacksPanelsUnderTheFigureTitle) {
  const auto s = scriptOf(figure({panel(PanelKind::Lines, {series("a", {1}, {1})}),
                                  panel(PanelKind::Bars, {series("b", {1}, {1})})},
                                 "Scaling"));
  EXPECT_THAT(s, HasSubstr("set multiplot title 'Scaling'"));
  // Top to bottom under the title's 40 pixels.
  EXPECT_THAT(s, HasSubstr("set origin 0, 0.48\nset size 1, 0.48\n"));
  EXPECT_THAT(s, HasSubstr("set origin 0, 0\nset size 1, 0.48\n"));
  EXPECT_THAT(s, HasSubstr("set terminal pngcairo size 900,1000 "));
  EXPECT_THAT(s, HasSubstr("$p1s0 << EOD"));
}

TEST(GnuplotScriptTest, SvgHasNoScriptsAndPngIsCairo) {
  const Figure f = figure({panel(PanelKind::Lines, {series("a", {1}, {1})})});
  const auto svg = scriptOf(f, ImageFormat::Svg);
  EXPECT_THAT(svg, HasSubstr("set terminal svg size 900,520 dynamic"));
  EXPECT_THAT(
      svg, AllOf(Not(HasSubstr("mouse")), Not(HasSubstr("standalone")), Not(HasSubstr("jsdir"))));
  EXPECT_THAT(scriptOf(f, ImageFormat::Png), HasSubstr("set terminal pngcairo size 900,520"));
  EXPECT_THAT(svg, HasSubstr("set output '/tmp/out.png'"));
}

// Rendering, with the gnuplot that is installed.

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t bigEndian32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
  }
  return value;
}

void expectPng(const fs::path& path, std::uint32_t width, std::uint32_t height) {
  const std::string bytes = readFile(path);
  ASSERT_GE(bytes.size(), 24u) << path;
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  EXPECT_EQ(bigEndian32(bytes, 16), width);
  EXPECT_EQ(bigEndian32(bytes, 20), height);
}

// Whether the image's text has `part`; an SVG is too long to print when it does not.
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string expectSvg(const fs::path& path) {
  std::string text = readFile(path);
  EXPECT_TRUE(text.starts_with("<?xml") || text.starts_with("<svg")) << text.substr(0, 100);
  EXPECT_TRUE(contains(text, "</svg>")) << path;
  EXPECT_FALSE(contains(text, "<script")) << path;
  EXPECT_FALSE(contains(text, "href=\"http")) << path;
  EXPECT_FALSE(contains(text, "href='http")) << path;
  return text;
}

class GnuplotRenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!renderer_.version()) GTEST_SKIP() << "gnuplot is not installed";
    dir_ = fs::temp_directory_path() /
           ("mt-gnuplot-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // An executable shell script standing in for gnuplot.
  fs::path fakeGnuplot(const std::string& body) {
    fs::path path = dir_ / "fake-gnuplot";
    std::ofstream(path) << "#!/bin/sh\ncat >/dev/null\n" << body << '\n';
    fs::permissions(path, fs::perms::owner_all);
    return path;
  }

  GnuplotRenderer renderer_;
  fs::path dir_;
};

Panel linesWithErrorBarsOnLogY() {
  Panel p = panel(PanelKind::Lines, {series("this run", {1, 2, 4, 8}, {12, 8.5, 0, 3}),
                                     series("baseline", {1, 2, 4, 8}, {15, kNaN, 7, 4.5}, true)});
  p.series[0].yLow = {10, 7, 0, 2.5};
  p.series[0].yHigh = {14, 10, 0, 3.6};
  p.y.log = true;
  p.guides.push_back({"target", 0, 5});
  return p;
}

Panel cdf() {
  Panel p = panel(PanelKind::Steps, {});
  p.x.log = true;
  p.x.label = "latency (ms)";
  for (int s = 0; s < 3; ++s) {
    Series line = series("series " + std::to_string(s), {}, {}, s > 0);
    for (int i = 0; i < 100; ++i) {
      const double q = (i + 0.5) / 100;
      line.x.push_back(0.1 * std::pow(1e4, std::pow(q, 1.0 + s)));
      line.y.push_back(q);
    }
    p.series.push_back(line);
  }
  return p;
}

Panel bars() {
  Panel p = panel(PanelKind::Bars, {series("run", {1, 2, 3}, {1200, 800, 450}),
                                    series("baseline", {1, 2, 3}, {1000, kNaN, 420}, true)});
  p.series[0].yLow = {1100, 760, 400};
  p.series[0].yHigh = {1300, 840, 500};
  p.x.ticLabels = {{1, "home_timeline"}, {2, "post_tweet"}, {3, "follow"}};
  return p;
}

TEST_F(GnuplotRenderTest, ReportsItsVersion) {
  EXPECT_THAT(renderer_.version().value_or(""), ::testing::StartsWith("gnuplot "));
  EXPECT_FALSE(GnuplotRenderer(dir_ / "no-such-gnuplot").version());
}

TEST_F(GnuplotRenderTest, RendersEachKindOfPanelAsPngAndSvg) {
  const std::vector<std::pair<std::string, Panel>> panels = {
      {"lines", linesWithErrorBarsOnLogY()}, {"steps", cdf()}, {"bars", bars()}};
  for (const auto& [name, p] : panels) {
    SCOPED_TRACE(name);
    const Figure f = figure({p});
    renderer_.render(f, ImageFormat::Png, dir_ / (name + ".png"));
    expectPng(dir_ / (name + ".png"), 900, 520);
    renderer_.render(f, ImageFormat::Svg, dir_ / (name + ".svg"));
    EXPECT_TRUE(contains(expectSvg(dir_ / (name + ".svg")), "throughput (requests/s)"));
  }
}

TEST_F(GnuplotRenderTest, DrawsASinglePointOfEachKind) {
  for (const PanelKind kind : {PanelKind::Lines, PanelKind::Steps, PanelKind::Bars}) {
    Panel p = panel(kind, {series("run", {4}, {250})});
    p.series[0].yLow = {200};
    p.series[0].yHigh = {300};
    p.x.log = true;
    p.y.log = true;
    p.y.min = 250.0;
    p.y.max = 250.0;
    const fs::path path = dir_ / ("single-" + std::to_string(static_cast<int>(kind)) + ".png");
    EXPECT_NO_THROW(renderer_.render(figure({p}), ImageFormat::Png, path))
        << renderer_.script(figure({p}), ImageFormat::Png, path);
    expectPng(path, 900, 520);
  }
}

TEST_F(GnuplotRenderTest, StacksSeveralPanelsInOneImage) {
  const Figure f = figure({linesWithErrorBarsOnLogY(), bars(), panel(PanelKind::Lines, {})});
  renderer_.render(f, ImageFormat::Png, dir_ / "three.png");
  expectPng(dir_ / "three.png", 900, 3 * 480 + 40);
  renderer_.render(f, ImageFormat::Svg, dir_ / "three.svg");
  const std::string svg = expectSvg(dir_ / "three.svg");
  EXPECT_TRUE(contains(svg, "figure title"));
  EXPECT_TRUE(contains(svg, "no data"));
}

TEST_F(GnuplotRenderTest, DrawsAnEmptyPanelAsNoData) {
  // Nothing but gaps (-1 on a log axis would fall back to a linear one and be drawn).
  Panel p = panel(PanelKind::Lines, {series("run", {1, 2}, {kNaN, kNaN})});
  p.y.log = true;
  const Figure f = figure({p});
  renderer_.render(f, ImageFormat::Svg, dir_ / "empty.svg");
  EXPECT_TRUE(contains(expectSvg(dir_ / "empty.svg"), "no data"));
  renderer_.render(f, ImageFormat::Png, dir_ / "empty.png");
  expectPng(dir_ / "empty.png", 900, 520);
  // A figure without panels still makes an image.
  renderer_.render(figure({}), ImageFormat::Png, dir_ / "none.png");
  expectPng(dir_ / "none.png", 900, 520);
}

TEST_F(GnuplotRenderTest, PrintsTextLiterallyAndRunsNothingInIt) {
  const fs::path marker = dir_ / "marker";
  Panel p =
      panel(PanelKind::Lines, {series("p99_9 `touch " + marker.string() + "` it's", {1}, {1})});
  p.y.label = "latency (\u00b5s) @home";
  renderer_.render(figure({p}, "servers.instances ^2 {x}"), ImageFormat::Svg, dir_ / "text.svg");
  const std::string svg = expectSvg(dir_ / "text.svg");
  EXPECT_TRUE(contains(svg, "p99_9 `touch "));
  EXPECT_TRUE(contains(svg, "servers.instances ^2 {x}"));
  EXPECT_TRUE(contains(svg, "latency (\u00b5s) @home"));
  EXPECT_FALSE(fs::exists(marker));
}

TEST_F(GnuplotRenderTest, SaysHowToInstallAMissingGnuplot) {
  const GnuplotRenderer missing(dir_ / "no-such-gnuplot");
  const Figure f = figure({panel(PanelKind::Lines, {series("a", {1}, {1})})});
  try {
    missing.render(f, ImageFormat::Png, dir_ / "x.png");
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr("figure test-figure"), HasSubstr("gnuplot not found"),
                                    HasSubstr("gnuplot-nox")));
  }
}

TEST_F(GnuplotRenderTest, QuotesGnuplotsErrorOutputWhenItFails) {
  const GnuplotRenderer failing(fakeGnuplot("echo 'line 3: undefined variable: zzz' >&2\nexit 3"));
  const Figure f = figure({panel(PanelKind::Lines, {series("a", {1}, {1})})});
  try {
    failing.render(f, ImageFormat::Png, dir_ / "x.png");
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(),
                AllOf(HasSubstr("figure test-figure: gnuplot: line 3: undefined variable: zzz"),
                      HasSubstr("exit code 3")));
  }
}

TEST_F(GnuplotRenderTest, FailsWhenGnuplotWritesNoImage) {
  // A stale image from before must not count as this one.
  std::ofstream(dir_ / "stale.png") << "old";
  const GnuplotRenderer silent(fakeGnuplot("exit 0"));
  const Figure f = figure({panel(PanelKind::Lines, {series("a", {1}, {1})})});
  EXPECT_THROW(
      {
        try {
          silent.render(f, ImageFormat::Png, dir_ / "stale.png");
        } catch (const std::runtime_error& error) {
          EXPECT_THAT(error.what(), HasSubstr("figure test-figure: gnuplot: wrote no image"));
          throw;
        }
      },
      std::runtime_error);
}

TEST_F(GnuplotRenderTest, FailsOnAScriptGnuplotRejects) {
  // A real gnuplot error: an output folder that does not exist.
  const Figure f = figure({panel(PanelKind::Lines, {series("a", {1}, {1})})});
  EXPECT_THROW(renderer_.render(f, ImageFormat::Png, dir_ / "missing-dir" / "x.png"),
               std::runtime_error);
}

}  // namespace
}  // namespace mt::experiment::report
