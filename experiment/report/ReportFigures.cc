#include "ReportFigures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace mt::experiment::report {

namespace {

const double kNaN = std::nan("");

std::string familyTitle(const SweepAxis& axis, const SweepFamily& family, const std::string& what,
                        bool baseline) {
  std::string title = what;
  if (axis.families.size() > 1 && !family.heldFixed.empty())
    title += title.empty() ? family.heldFixed : " (" + family.heldFixed + ")";
  if (baseline) title += title.empty() ? "baseline" : ", baseline";
  return title.empty() ? "this run" : title;
}

// One series in each of two panels that share their x: `top` and `bottom` of each row.
template <typename Rows, typename X, typename Top, typename Bottom>
void addSeriesPair(Panel& topPanel, Panel& bottomPanel, const std::string& title, bool baseline,
                   const Rows& rows, X x, Top top, Bottom bottom) {
  Series upper{title, {}, {}, {}, {}, baseline};
  Series lower{title, {}, {}, {}, {}, baseline};
  for (const auto& row : rows) {
    upper.x.push_back(x(row));
    upper.y.push_back(top(row));
    lower.x.push_back(x(row));
    lower.y.push_back(bottom(row));
  }
  topPanel.series.push_back(std::move(upper));
  bottomPanel.series.push_back(std::move(lower));
}

std::string ticText(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// Tics at the swept values only: between them nothing was measured.
Axis sweepXAxis(const SweepAxis& axis) {
  Axis x;
  x.label = axis.key;
  x.ticLabels = axis.ticLabels;
  if (axis.numeric) {
    std::set<double> values;
    for (const SweepFamily& family : axis.families)
      values.insert(family.x.begin(), family.x.end());
    for (double value : values)
      x.ticLabels.emplace_back(value, ticText(value));
  }
  return x;
}

// y of each point of the family with its confidence interval, NaN where it has no results.
Series estimateSeries(const SweepFamily& family, const std::string& title, bool baseline,
                      const Estimate& (*pick)(const PointSummary&), double scale = 1) {
  Series series;
  series.title = title;
  series.baseline = baseline;
  bool anyInterval = false;
  for (std::size_t i = 0; i < family.points.size(); ++i) {
    const Estimate& value = pick(*family.points[i]);
    series.x.push_back(family.x[i]);
    series.y.push_back(value.samples > 0 ? value.mean * scale : kNaN);
    series.yLow.push_back(value.hasInterval() ? value.low * scale : kNaN);
    series.yHigh.push_back(value.hasInterval() ? value.high * scale : kNaN);
    anyInterval = anyInterval || value.hasInterval();
  }
  if (!anyInterval) {
    series.yLow.clear();
    series.yHigh.clear();
  }
  return series;
}

const Estimate& throughputOf(const PointSummary& point) {
  return point.throughput;
}
const Estimate& p50Of(const PointSummary& point) {
  return point.latencyMs[0];
}
const Estimate& p99Of(const PointSummary& point) {
  return point.latencyMs[2];
}
const Estimate& p999Of(const PointSummary& point) {
  return point.latencyMs[3];
}

// A point without push results has no value (samples 0: a gap in the curve).
const Estimate kNoEstimate{kNaN, kNaN, kNaN, 0};
const Estimate& pushP50Of(const PointSummary& point) {
  return point.push ? point.push->latencyMs[0] : kNoEstimate;
}
const Estimate& pushP99Of(const PointSummary& point) {
  return point.push ? point.push->latencyMs[2] : kNoEstimate;
}

std::string pointTitle(const PointSummary& point) {
  const std::string assignments = assignmentsText(point.assignments);
  return assignments.empty() ? point.id : point.id + ": " + assignments;
}

using Pick = const Estimate& (*)(const PointSummary&);

// This run's mean over the baseline's at each point of each family, one series per
// family and measure, with the line of no change: how a baseline comparison reads at a
// glance. Points the baseline lacks are gaps.
Panel ratioPanel(const SweepAxis& axis, const std::vector<PointSummary>& baseline,
                 const std::vector<std::pair<std::string, Pick>>& measures) {
  Panel panel;
  panel.title = "ratio to the baseline";
  panel.x = sweepXAxis(axis);
  panel.y.label = "this run / baseline";
  panel.y.min = 0;
  panel.guides.push_back({"no change", 0, 1});
  for (const SweepFamily& family : axis.families)
    for (const auto& [name, pick] : measures) {
      Series series;
      series.title = familyTitle(axis, family, name, false);
      for (std::size_t i = 0; i < family.points.size(); ++i) {
        const PointSummary* counterpart = findPoint(baseline, family.points[i]->assignments);
        const Estimate& value = pick(*family.points[i]);
        series.x.push_back(family.x[i]);
        series.y.push_back(counterpart && value.samples > 0 && pick(*counterpart).samples > 0 &&
                                   pick(*counterpart).mean != 0
                               ? value.mean / pick(*counterpart).mean
                               : kNaN);
      }
      panel.series.push_back(std::move(series));
    }
  return panel;
}

// Percentiles (`measures`) against the swept key on a log axis, one curve per measure
// and family, with the baseline's beside them and a ratio panel.
Figure percentilesFigure(const SweepAxis& axis, const std::vector<PointSummary>* baseline,
                         const std::vector<std::pair<std::string, Pick>>& measures,
                         const std::string& stem, const std::string& yLabel,
                         const std::string& titleLead) {
  Panel panel;
  panel.x = sweepXAxis(axis);
  panel.y.label = yLabel;
  panel.y.log = true;
  for (const SweepFamily& family : axis.families) {
    for (const auto& [name, pick] : measures) {
      panel.series.push_back(
          estimateSeries(family, familyTitle(axis, family, name, false), false, pick));
      if (baseline)
        panel.series.push_back(estimateSeries(counterpartFamily(family, *baseline),
                                              familyTitle(axis, family, name, true), true, pick));
    }
  }
  // Past three curves, error bars at the same x hide one another and the lines; the
  // summary table gives every interval.
  if (panel.series.size() > 3)
    for (Series& series : panel.series) {
      series.yLow.clear();
      series.yHigh.clear();
    }
  Figure figure{stem + "-" + slug(axis.key), titleLead + axis.key, {panel}};
  if (baseline) figure.panels.push_back(ratioPanel(axis, *baseline, measures));
  return figure;
}

// The cumulative distribution of a histogram's values, in ms: a step at each bucket.
Series cdfSeries(const std::optional<load::LatencyHistogram>& latency, const std::string& title,
                 bool baseline) {
  Series series{title, {}, {}, {}, {}, baseline};
  if (!latency || latency->count() == 0) return series;
  const load::LatencyHistogram& histogram = *latency;
  const double total = static_cast<double>(histogram.count());
  double cumulative = 0;
  series.x.push_back(static_cast<double>(histogram.min()) / 1e6);
  series.y.push_back(0);
  for (std::size_t index = histogram.firstIndex(); index <= histogram.lastIndex(); ++index) {
    const std::uint64_t count = histogram.bucketCount(index);
    if (count == 0) continue;
    cumulative += static_cast<double>(count);
    // A bucket's values are all at or below its upper edge; the last is the exact max.
    const std::int64_t edge =
        std::min(histogram.layout().bucketLowerBound(index + 1), histogram.max());
    series.x.push_back(static_cast<double>(std::max(edge, histogram.min())) / 1e6);
    series.y.push_back(cumulative / total);
  }
  return series;
}

Panel cdfPanel(const std::string& xLabel, const std::string& yLabel) {
  Panel panel;
  panel.kind = PanelKind::Steps;
  panel.x.label = xLabel;
  panel.x.log = true;
  panel.y.label = yLabel;
  panel.y.min = 0;
  panel.y.max = 1;
  return panel;
}

const std::optional<load::LatencyHistogram> kNoHistogram;

const std::optional<load::LatencyHistogram>& pushLatencyOf(const PointSummary& point) {
  return point.push ? point.push->latency : kNoHistogram;
}

}  // namespace

std::string slug(const std::string& text) {
  std::string result;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum)
      result += c;
    else if (c >= 'A' && c <= 'Z')
      result += static_cast<char>(c - 'A' + 'a');
    else if (!result.empty() && result.back() != '-')
      result += '-';
  }
  while (!result.empty() && result.back() == '-')
    result.pop_back();
  return result.empty() ? "x" : result;
}

Figure throughputFigure(const SweepAxis& axis, const std::vector<PointSummary>* baseline) {
  Panel panel;
  panel.x = sweepXAxis(axis);
  panel.y.label = "throughput (requests/s)";
  panel.y.min = 0;
  for (const SweepFamily& family : axis.families) {
    panel.series.push_back(
        estimateSeries(family, familyTitle(axis, family, "", false), false, throughputOf));
    if (baseline)
      panel.series.push_back(estimateSeries(counterpartFamily(family, *baseline),
                                            familyTitle(axis, family, "", true), true,
                                            throughputOf));
  }
  Figure figure{"throughput-" + slug(axis.key), "Throughput against " + axis.key, {panel}};
  if (baseline)
    figure.panels.push_back(ratioPanel(axis, *baseline, {{"throughput", throughputOf}}));
  return figure;
}

Figure latencyFigure(const SweepAxis& axis, const std::vector<PointSummary>* baseline) {
  return percentilesFigure(axis, baseline, {{"p50", p50Of}, {"p99", p99Of}, {"p99.9", p999Of}},
                           "latency", "latency (ms)", "Latency percentiles against ");
}

Figure pushLatencyFigure(const SweepAxis& axis, const std::vector<PointSummary>* baseline) {
  return percentilesFigure(axis, baseline, {{"push p50", pushP50Of}, {"push p99", pushP99Of}},
                           "push-latency", "push latency (ms)", "Push latency against ");
}

std::optional<Figure> scalingFigure(const SweepAxis& axis,
                                    const std::vector<PointSummary>* baseline) {
  if (axis.key != "servers.instances" || !axis.numeric) return std::nullopt;
  Panel speedup;
  speedup.title = "speed-up";
  speedup.x = sweepXAxis(axis);
  speedup.x.label = "server instances";
  speedup.y.label = "speed-up (throughput / throughput of 1)";
  speedup.y.min = 0;
  speedup.guides.push_back({"ideal (linear)", 1, 0});
  Panel efficiency;
  efficiency.title = "efficiency";
  efficiency.x = speedup.x;
  efficiency.y.label = "efficiency (speed-up / instances)";
  efficiency.y.min = 0;
  efficiency.guides.push_back({"ideal", 0, 1});
  const auto add = [&](const SweepFamily& family, const std::string& title, bool isBaseline) {
    const std::vector<ScalingRow> rows = scalingOf(family);
    if (rows.empty()) return;
    addSeriesPair(
        speedup, efficiency, title, isBaseline, rows,
        [](const ScalingRow& row) { return row.servers; },
        [](const ScalingRow& row) { return row.speedup; },
        [](const ScalingRow& row) { return row.efficiency; });
  };
  for (const SweepFamily& family : axis.families) {
    add(family, familyTitle(axis, family, "", false), false);
    if (baseline)
      add(counterpartFamily(family, *baseline), familyTitle(axis, family, "", true), true);
  }
  if (speedup.series.empty()) return std::nullopt;
  return Figure{
      "scaling-servers-instances", "Scaling with server instances", {speedup, efficiency}};
}

Figure distributionFigure(const PointSummary& point, const PointSummary* baseline) {
  Panel panel = cdfPanel("latency (ms)", "fraction of requests");
  panel.series.push_back(cdfSeries(point.latency, "this run", false));
  if (baseline) panel.series.push_back(cdfSeries(baseline->latency, "baseline", true));
  return {"distribution-" + slug(point.id), "Latency distribution, " + pointTitle(point), {panel}};
}

Figure pushDistributionFigure(const PointSummary& point, const PointSummary* baseline) {
  Panel panel = cdfPanel("push latency (ms)", "fraction of deliveries");
  panel.series.push_back(cdfSeries(pushLatencyOf(point), "this run", false));
  if (baseline) panel.series.push_back(cdfSeries(pushLatencyOf(*baseline), "baseline", true));
  return {"push-distribution-" + slug(point.id),
          "Push latency distribution, " + pointTitle(point),
          {panel}};
}

Figure overTimeFigure(const PointSummary& point, const PointSummary* baseline) {
  Panel throughput;
  throughput.x.label = "time into the measured phase (s)";
  throughput.x.integer = true;
  throughput.y.label = "throughput (requests/s)";
  throughput.y.min = 0;
  Panel p99;
  p99.x = throughput.x;
  p99.y.label = "p99 latency (ms)";
  p99.y.log = true;
  const auto add = [&](const PointSummary& summary, const std::string& title, bool isBaseline) {
    addSeriesPair(
        throughput, p99, title, isBaseline, summary.overTime,
        [](const SecondFigures& second) { return static_cast<double>(second.second); },
        [](const SecondFigures& second) { return second.throughput; },
        [](const SecondFigures& second) { return second.p99Ms; });
  };
  add(point, "this run", false);
  if (baseline) add(*baseline, "baseline", true);
  return {"over-time-" + slug(point.id),
          "Throughput and p99 over time, " + pointTitle(point),
          {throughput, p99}};
}

std::optional<Figure> errorsFigure(const std::vector<PointSummary>& points,
                                   const std::vector<PointSummary>* baseline) {
  std::uint64_t errors = 0;
  std::set<std::string> names;
  for (const PointSummary& point : points) {
    errors += point.errors;
    for (const auto& entry : point.operations)
      names.insert(entry.first);
  }
  if (baseline)
    for (const PointSummary& point : *baseline)
      errors += point.errors;
  if (errors == 0 || names.empty()) return std::nullopt;
  Panel panel;
  panel.kind = PanelKind::Bars;
  panel.x.label = "operation";
  panel.y.label = "errors (% of the operation's requests)";
  panel.y.min = 0;
  const std::vector<std::string> operations(names.begin(), names.end());
  for (std::size_t i = 0; i < operations.size(); ++i)
    panel.x.ticLabels.emplace_back(static_cast<double>(i + 1), operations[i]);
  const auto add = [&](const PointSummary& point, const std::string& title, bool isBaseline) {
    Series series{title, {}, {}, {}, {}, isBaseline};
    for (std::size_t i = 0; i < operations.size(); ++i) {
      const auto found = point.operations.find(operations[i]);
      series.x.push_back(static_cast<double>(i + 1));
      series.y.push_back(found == point.operations.end() || found->second.count == 0
                             ? 0
                             : 100.0 * static_cast<double>(found->second.errors) /
                                   static_cast<double>(found->second.count));
    }
    panel.series.push_back(std::move(series));
  };
  for (const PointSummary& point : points) {
    add(point, pointTitle(point), false);
    if (baseline)
      if (const PointSummary* counterpart = findPoint(*baseline, point.assignments))
        add(*counterpart, pointTitle(point) + ", baseline", true);
  }
  return Figure{"errors", "Errors per operation", {panel}};
}

}  // namespace mt::experiment::report
