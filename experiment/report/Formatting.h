#pragma once

#include <string>

#include "Statistics.h"

// How the report's tables write numbers: few significant digits (the measurements do
// not have more), thousands separated, and "–" where there is no value.
namespace mt::experiment::report {

inline constexpr const char* kNoValue = "–";

// 1234.5 → "1,235"; 14.63 → "14.6"; 0.9534 → "0.953": three significant digits, but never
// fewer than the integer part.
std::string formatSignificant(double value);

// "1,364 ± 12" (95% confidence interval), "1,364" (one sample), "–" (none).
std::string formatEstimate(const Estimate& estimate);

// An error rate: 0.0123 → "1.23 %"; 0 → "0 %".
std::string formatPercent(double rate);
std::string formatPercentEstimate(const Estimate& estimate);

// value / reference: "1.23×"; "–" when either is missing or the reference is 0.
std::string formatRatio(double value, double reference);

// 83.4 → "1 min 23 s"; 4.25 → "4.3 s".
std::string formatSeconds(double seconds);

}  // namespace mt::experiment::report
