#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ExperimentData.h"
#include "Figure.h"
#include "SweepFamilies.h"

// The report's figures, from the points' summaries. `baseline` (may be null) is another
// results folder's points: each figure then shows the baseline's counterpart of every
// curve beside it, drawn as a baseline series.
namespace mt::experiment::report {

// Throughput against the swept key, with 95% confidence intervals.
Figure throughputFigure(const SweepAxis& axis, const std::vector<PointSummary>* baseline);

// p50, p99 and p99.9 against the swept key, on a log axis.
Figure latencyFigure(const SweepAxis& axis, const std::vector<PointSummary>* baseline);

// Push latency p50 and p99 (scenario live) against the swept key, on a log axis; points
// without push results are gaps.
Figure pushLatencyFigure(const SweepAxis& axis, const std::vector<PointSummary>* baseline);

// Speed-up and efficiency against one server: only for servers.instances with a
// one-server point.
std::optional<Figure> scalingFigure(const SweepAxis& axis,
                                    const std::vector<PointSummary>* baseline);

// The latency distribution of every request of the point (its repetitions merged).
Figure distributionFigure(const PointSummary& point, const PointSummary* baseline);

// The push latency distribution of every delivery of the point (its repetitions merged).
Figure pushDistributionFigure(const PointSummary& point, const PointSummary* baseline);

// Throughput and p99 second by second through the measured phase.
Figure overTimeFigure(const PointSummary& point, const PointSummary* baseline);

// Error rate per operation for each point; nothing when no request failed anywhere.
std::optional<Figure> errorsFigure(const std::vector<PointSummary>& points,
                                   const std::vector<PointSummary>* baseline);

// [a-z0-9-]+ from any text: "servers.instances" → "servers-instances".
std::string slug(const std::string& text);

}  // namespace mt::experiment::report
