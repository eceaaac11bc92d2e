#include "CompareTable.h"

#include <algorithm>

#include "ExperimentData.h"
#include "Formatting.h"
#include "SweepFamilies.h"

namespace mt::experiment::report {

namespace {

std::string label(std::size_t index) {
  std::string name;
  for (std::size_t i = index + 1; i > 0; i = (i - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (i - 1) % 26));
  return name;
}

// Terminal columns are counted in characters, and the table has a few that take more
// than one byte in UTF-8 (±, ×, –).
std::size_t displayWidth(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string layout(const std::vector<std::vector<std::string>>& rows,
                   const std::vector<bool>& rightAligned) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
  std::string text;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - displayWidth(row[i]), ' ');
      const bool right = i < rightAligned.size() && rightAligned[i];
      line += (i ? "  " : "") + (right ? pad + row[i] : row[i] + pad);
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    text += line + "\n";
  }
  return text;
}

std::vector<std::string> pointRow(const std::string& name, const PointSummary& point,
                                  const PointSummary* reference) {
  return {
      name,
      point.id,
      assignmentsText(point.assignments).empty() ? kNoValue : assignmentsText(point.assignments),
      point.status,
      std::to_string(point.runsWithResults) + "/" + std::to_string(point.runs),
      formatEstimate(point.throughput),
      formatEstimate(point.latencyMs[0]),
      formatEstimate(point.latencyMs[2]),
      formatEstimate(point.latencyMs[3]),
      formatPercentEstimate(point.errorRate),
      reference ? formatRatio(point.throughput.mean, reference->throughput.mean) : kNoValue,
      reference ? formatRatio(point.latencyMs[2].mean, reference->latencyMs[2].mean) : kNoValue};
}

}  // namespace

std::string compareTable(const std::vector<ResultsFolder>& folders) {
  std::string text;
  std::vector<std::vector<PointSummary>> points;
  for (std::size_t i = 0; i < folders.size(); ++i) {
    const ResultsFolder& folder = folders[i];
    points.push_back(summarizePoints(folder));
    std::size_t runs = 0;
    for (const PointData& point : folder.points)
      runs += point.runs.size();
    text += label(i) + "  " + folder.dir.string() + "\n   " + folder.experiment + ", " +
            (folder.backend.empty() ? "unknown network" : folder.backend) + ", " +
            std::to_string(folder.points.size()) + " point(s), " + std::to_string(runs) +
            " run(s), " + (folder.started.empty() ? "start unknown" : "started " + folder.started) +
            (folder.complete ? "" : ", INCOMPLETE") + "\n";
  }
  text += "\n";
  std::vector<std::vector<std::string>> rows = {{"run", "point", "assignments", "status", "runs",
                                                 "req/s", "p50 ms", "p99 ms", "p99.9 ms", "errors",
                                                 "req/s vs A", "p99 vs A"}};
  std::vector<std::vector<bool>> shown(folders.size());
  for (std::size_t i = 0; i < folders.size(); ++i)
    shown[i].assign(points[i].size(), false);
  // Each point of any folder, in order of first appearance, with its counterparts.
  for (std::size_t owner = 0; owner < folders.size(); ++owner)
    for (std::size_t p = 0; p < points[owner].size(); ++p) {
      if (shown[owner][p]) continue;
      const runner::Assignments& assignments = points[owner][p].assignments;
      const PointSummary* reference = points.empty() ? nullptr : findPoint(points[0], assignments);
      for (std::size_t i = owner; i < folders.size(); ++i) {
        const PointSummary* point = findPoint(points[i], assignments);
        if (!point) continue;
        shown[i][static_cast<std::size_t>(point - points[i].data())] = true;
        rows.push_back(pointRow(label(i), *point, i == 0 ? nullptr : reference));
      }
    }
  text +=
      layout(rows, {false, false, false, false, true, true, true, true, true, true, true, true});
  text += "\nmeans over repetitions ± 95% confidence interval; ratios: this run / A's same point\n";
  return text;
}

}  // namespace mt::experiment::report
