#pragma once

#include <string>
#include <vector>

#include "ExperimentData.h"
#include "ReportDocument.h"
#include "SweepFamilies.h"

// The report's tables. With a baseline (may be null), each point has three rows: this
// run, the baseline's counterpart, and their ratio.
namespace mt::experiment::report {

// What was run: experiment, backend, dates, points and runs, overrides, topology,
// database, servers and workload of the first point.
Table runDescriptionTable(const ResultsFolder& folder);

// machine.json: kernel, cores, memory, OS, compiler, tool versions.
Table machineTable(const ResultsFolder& folder);

// Per point: repetitions with results, throughput, p50, p99, p99.9 and error rate, means
// with 95% confidence intervals.
Table pointsTable(const std::vector<PointSummary>& points,
                  const std::vector<PointSummary>* baseline);

// Per point (scenario live): repetitions with push results, deliveries (total), deliveries/s,
// subscribers, peak streams, push p50, p99, p99.9 (means with 95% confidence intervals)
// and streams that ended early.
Table pushTable(const std::vector<PointSummary>& points, const std::vector<PointSummary>* baseline);

// Every run: status, why, its figures and client hosts.
Table runsTable(const ResultsFolder& folder);

// Speed-up and efficiency of each family of a servers.instances sweep.
Table scalingTable(const SweepAxis& axis, const std::vector<PointSummary>* baseline);

// Requests and errors per operation and point, with the kinds of error.
Table operationsTable(const std::vector<PointSummary>& points,
                      const std::vector<PointSummary>* baseline);

}  // namespace mt::experiment::report
