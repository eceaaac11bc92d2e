#include "ReportBuilder.h"

#include <algorithm>

#include "ExperimentData.h"
#include "Formatting.h"
#include "ReportFigures.h"
#include "ReportTables.h"
#include "SweepFamilies.h"

namespace mt::experiment::report {

namespace {

class Builder {
 public:
  Builder(const ResultsFolder& folder, const ResultsFolder* baseline, const ReportContext& context)
      : folder_(folder),
        baselineFolder_(baseline),
        context_(context),
        points_(summarizePoints(folder)),
        axes_(sweepAxes(folder.sweepKeys, points_)) {
    if (baseline) baselinePoints_ = summarizePoints(*baseline);
  }

  Report build() {
    report_.document.title = "Experiment report: " + folder_.experiment;
    introduction();
    summary();
    for (const SweepAxis& axis : axes_)
      sweepSection(axis);
    pushSection();
    distributions();
    overTime();
    errors();
    runs();
    whatWasRun();
    method();
    return std::move(report_);
  }

 private:
  const std::vector<PointSummary>* baseline() const {
    return baselineFolder_ ? &baselinePoints_ : nullptr;
  }
  const PointSummary* counterpart(const PointSummary& point) const {
    return baselineFolder_ ? findPoint(baselinePoints_, point.assignments) : nullptr;
  }

  void add(Block block) { report_.document.blocks.push_back(std::move(block)); }
  void heading(const std::string& text) { add(Heading{2, text}); }
  void paragraph(const std::string& text) { add(Paragraph{text}); }
  void figure(Figure figure, const std::string& caption) {
    add(FigureRef{figure.name, caption});
    report_.figures.push_back(std::move(figure));
  }
  void table(Table table, const std::string& caption = "") {
    table.caption = caption;
    add(std::move(table));
  }

  static std::vector<std::string> runProblems(const ResultsFolder& folder) {
    std::vector<std::string> lines;
    for (const PointData& point : folder.points)
      for (const RunData& run : point.runs)
        if (run.figures.status != "ok")
          lines.push_back(point.id + " repetition " + std::to_string(run.repetition) + " (" +
                          assignmentsText(point.assignments) + "): " + run.figures.status +
                          (run.figures.reason.empty() ? "" : ": " + run.figures.reason));
    return lines;
  }

  void introduction() {
    std::string text = folder_.description.empty() ? "" : folder_.description + ". ";
    text += "Run on " +
            std::string(folder_.backend == "loopback"  ? "loopback (no network emulation)"
                        : folder_.backend == "mininet" ? "an emulated Mininet network"
                                                       : "an unknown network") +
            (folder_.started.empty() ? "" : ", started " + folder_.started) +
            "; the results are in `" + folder_.dir.string() + "`.";
    paragraph(text);
    if (baselineFolder_)
      paragraph("Compared with the baseline `" + baselineFolder_->dir.string() + "` (" +
                baselineFolder_->experiment + " on " + baselineFolder_->backend +
                (baselineFolder_->started.empty() ? "" : ", started " + baselineFolder_->started) +
                "). Every table gives this run, the baseline and their ratio (this run / "
                "baseline); every figure draws the baseline dashed with open points, and those "
                "against a swept key add a panel of the ratio.");
    paragraph("Report generated " + context_.generatedAt + " by minitwitter-experiment " +
              context_.toolVersion + ".");
    for (const std::string& problem : folder_.problems)
      add(Notice{"Incomplete results folder: " + problem + "."});
    for (const std::string& problem : runProblems(folder_))
      add(Notice{"Not every run succeeded: " + problem + "."});
    if (baselineFolder_) {
      for (const std::string& problem : baselineFolder_->problems)
        add(Notice{"Baseline: " + problem + "."});
      for (const std::string& problem : runProblems(*baselineFolder_))
        add(Notice{"Baseline run not ok: " + problem + "."});
      std::string unmatched;
      for (const PointSummary& point : points_)
        if (!counterpart(point))
          unmatched += (unmatched.empty() ? "" : "; ") + point.id + " (" +
                       assignmentsText(point.assignments) + ")";
      if (!unmatched.empty())
        add(Notice{"The baseline has no point with the same settings as " + unmatched +
                   ": those are shown without a comparison."});
    }
  }

  void summary() {
    heading("Summary");
    paragraph(
        "One row per sweep point; runs: repetitions with results of those planned. "
        "Figures are means over the point's repetitions with a "
        "95% confidence interval (± half-width, Student's t with n − 1 degrees of freedom; "
        "none with one repetition). Throughput counts every completed request, successes "
        "and errors, per second of the measured phase; latencies are percentiles of all "
        "requests of a repetition, every client host merged.");
    table(pointsTable(points_, baseline()), "Sweep points");
  }

  void sweepSection(const SweepAxis& axis) {
    heading("Against " + axis.key);
    std::string text = "The points that vary `" + axis.key + "`";
    if (axis.families.size() > 1)
      text += ", one curve for each combination of the other swept keys, held fixed";
    else if (!axis.families.empty() && !axis.families.front().heldFixed.empty())
      text += " with " + axis.families.front().heldFixed;
    text += ". Error bars are 95% confidence intervals over repetitions.";
    paragraph(text);
    figure(throughputFigure(axis, baseline()), "Throughput against " + axis.key + ".");
    const bool intervals = axis.families.size() == 1 && !baselineFolder_;
    figure(latencyFigure(axis, baseline()),
           "Latency percentiles against " + axis.key +
               (intervals ? "."
                          : "; the intervals are in the summary table, not drawn, so that "
                            "the curves stay readable."));
    if (std::optional<Figure> scaling = scalingFigure(axis, baseline())) {
      heading("Scaling with server instances");
      paragraph(
          "Speed-up is the mean throughput with n instances over that with one; efficiency is "
          "the speed-up over n. Linear scaling is a speed-up of n and an efficiency of 100 %.");
      figure(std::move(*scaling), "Speed-up and efficiency against one server instance.");
      table(scalingTable(axis, baseline()), "Scaling");
    }
  }

  bool anyPush() const {
    const auto has = [](const std::vector<PointSummary>& points) {
      return std::any_of(points.begin(), points.end(),
                         [](const PointSummary& point) { return point.push.has_value(); });
    };
    return has(points_) || (baselineFolder_ && has(baselinePoints_));
  }

  // Scenario live: what the subscribers measured. Absent for the other scenarios.
  void pushSection() {
    if (!anyPush()) return;
    heading("Push latency");
    paragraph(
        "The subscribers' side of the live scenario: each delivery is a tweet sent in the "
        "measured phase and pushed to one subscriber's `timelineTweet` stream; its push "
        "latency is the time it was received less the send time the poster stamped in it "
        "(two readings of CLOCK_REALTIME: across hosts only as good as their clocks agree; "
        "Mininet hosts and loopback share one clock). Deliveries are totals over the "
        "repetitions; deliveries/s, subscribers, peak streams (open at once) and the "
        "percentiles are means over repetitions with a 95% confidence interval, as in the "
        "summary. Stream errors count streams that failed to open or ended early.");
    table(pushTable(points_, baseline()), "Push latency per sweep point");
    for (const SweepAxis& axis : axes_)
      figure(pushLatencyFigure(axis, baseline()),
             "Push latency p50 and p99 against " + axis.key + ".");
    perPoint([](const PointSummary& point) { return point.push && point.push->latency; },
             "no push results, no push latency distribution", pushDistributionFigure,
             "Push latency CDF");
  }

  void distributions() {
    heading("Latency distribution");
    paragraph(
        "The share of requests answered within a given time, every request of every "
        "repetition of the point. Read from the load clients' histograms, whose "
        "buckets are within 0.39 % of the exact value.");
    perPoint([](const PointSummary& point) { return point.latency.has_value(); },
             "no results, no distribution", distributionFigure, "Latency CDF");
  }

  void overTime() {
    heading("Over time");
    paragraph(
        "Throughput and p99 latency in each whole second of the measured phase (the partial "
        "seconds at its ends are left out), averaged over repetitions.");
    perPoint([](const PointSummary& point) { return !point.overTime.empty(); },
             "no whole second of results to draw", overTimeFigure, "Throughput and p99 over time");
  }

  // A figure for each point that has what it draws, a notice for each that has not.
  void perPoint(bool (*drawable)(const PointSummary&), const std::string& missing,
                Figure (*draw)(const PointSummary&, const PointSummary*),
                const std::string& caption) {
    for (const PointSummary& point : points_) {
      if (!drawable(point)) {
        add(Notice{point.id + ": " + missing + "."});
        continue;
      }
      figure(
          draw(point, counterpart(point)),
          caption + ", " + point.id +
              (point.assignments.empty() ? "" : " (" + assignmentsText(point.assignments) + ")") +
              ".");
    }
  }

  void errors() {
    heading("Errors");
    std::optional<Figure> bars = errorsFigure(points_, baseline());
    if (bars)
      figure(std::move(*bars), "Share of each operation's requests that failed, per point.");
    else
      paragraph("No request failed in any run" +
                std::string(baselineFolder_ ? ", here or in the baseline." : "."));
    table(operationsTable(points_, baseline()), "Requests and errors per operation");
  }

  void runs() {
    heading("Runs");
    paragraph(
        "Every run of every point, as the runner recorded it (summary.json) and as its "
        "client result files read now.");
    table(runsTable(folder_), "Runs");
    if (baselineFolder_) table(runsTable(*baselineFolder_), "Runs of the baseline");
  }

  void whatWasRun() {
    heading("What was run");
    table(runDescriptionTable(folder_), "Experiment");
    table(machineTable(folder_), "Machine");
    paragraph("The config file as given (`config.toml` in the results folder):");
    add(Preformatted{folder_.configText.empty() ? "(missing)" : folder_.configText});
    if (baselineFolder_) {
      table(runDescriptionTable(*baselineFolder_), "Baseline experiment");
      table(machineTable(*baselineFolder_), "Baseline machine");
    }
  }

  void method() {
    heading("How this report was made");
    add(Preformatted{context_.command});
    paragraph(
        "Each client host's results (`c*.json`, docs/load-results.md) are merged exactly, "
        "histogram bucket by bucket, into a run's figures; a point's figures are the mean "
        "of its runs'. Runs that are not ok still count when their client files are there; "
        "the Runs table says which.");
  }

  const ResultsFolder& folder_;
  const ResultsFolder* baselineFolder_;
  const ReportContext& context_;
  std::vector<PointSummary> points_;
  std::vector<PointSummary> baselinePoints_;
  std::vector<SweepAxis> axes_;
  Report report_;
};

}  // namespace

Report buildReport(const ResultsFolder& folder, const ResultsFolder* baseline,
                   const ReportContext& context) {
  return Builder(folder, baseline, context).build();
}

}  // namespace mt::experiment::report
