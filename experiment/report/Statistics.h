#pragma once

#include <vector>

// Means over an experiment's repetitions and their 95% confidence intervals.
namespace mt::experiment::report {

// A mean with a two-sided 95% confidence interval from Student's t distribution (the
// repetitions are few, so the normal 1.96 would understate it). With one sample the
// interval is unknown: low and high are NaN. With none, everything is NaN.
struct Estimate {
  double mean;
  double low;
  double high;
  int samples = 0;

  bool hasInterval() const { return samples >= 2; }
  double halfWidth() const { return high - mean; }
};

Estimate estimate(const std::vector<double>& samples);

// The 97.5% quantile of Student's t with `degreesOfFreedom` (>= 1) degrees of freedom.
double studentT975(int degreesOfFreedom);

}  // namespace mt::experiment::report
