#include "Statistics.h"

#include <cmath>
#include <limits>

namespace mt::experiment::report {

double studentT975(int degreesOfFreedom) {
  // Tabulated to four places (the quantile has no closed form); beyond 30 the values
  // approach the normal 1.960 and are interpolated in 1/df, which is accurate to 1e-3.
  static constexpr double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                      2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                      2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                      2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  if (degreesOfFreedom < 1) return std::numeric_limits<double>::quiet_NaN();
  if (degreesOfFreedom <= 30) return kTable[degreesOfFreedom - 1];
  constexpr double kNormal = 1.959964;
  return kNormal + (kTable[29] - kNormal) * 30.0 / degreesOfFreedom;
}

Estimate estimate(const std::vector<double>& samples) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  Estimate result{kNaN, kNaN, kNaN, static_cast<int>(samples.size())};
  if (samples.empty()) return result;
  double sum = 0;
  for (double sample : samples)
    sum += sample;
  const double n = static_cast<double>(samples.size());
  result.mean = sum / n;
  if (samples.size() < 2) return result;
  double squares = 0;
  for (double sample : samples)
    squares += (sample - result.mean) * (sample - result.mean);
  const double standardError = std::sqrt(squares / (n - 1)) / std::sqrt(n);
  const double half = studentT975(result.samples - 1) * standardError;
  result.low = result.mean - half;
  result.high = result.mean + half;
  return result;
}

}  // namespace mt::experiment::report
