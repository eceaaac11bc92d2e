#pragma once

#include <string>

#include "RunResults.h"

namespace mt::load {

// The results as a table for people: one row per operation and a total (count,
// errors, requests/s over the measured phase, p50/p90/p99/p99.9/max latency), then
// the errors by kind.
std::string formatSummary(const RunResults& results);

// "850us", "12.3ms", "1.24s": three significant digits, the unit chosen to fit.
std::string formatLatency(std::int64_t ns);

}  // namespace mt::load
