#include "Formatting.h"

#include <cmath>
#include <cstdio>

namespace mt::experiment::report {

namespace {

std::string groupThousands(const std::string& digits) {
  // digits: an optional '-', integer digits, optional fraction.
  const std::size_t start = digits.starts_with('-') ? 1 : 0;
  std::size_t end = digits.find('.');
  if (end == std::string::npos) end = digits.size();
  std::string result = digits;
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(end) - 3;
       i > static_cast<std::ptrdiff_t>(start); i -= 3)
    result.insert(static_cast<std::size_t>(i), ",");
  return result;
}

}  // namespace

std::string formatSignificant(double value) {
  if (!std::isfinite(value)) return kNoValue;
  if (value == 0) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  const int decimals = std::max(0, 2 - magnitude);
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return groupThousands(text);
}

std::string formatEstimate(const Estimate& estimate) {
  if (estimate.samples == 0 || !std::isfinite(estimate.mean)) return kNoValue;
  if (!estimate.hasInterval()) return formatSignificant(estimate.mean);
  return formatSignificant(estimate.mean) + " ± " + formatSignificant(estimate.halfWidth());
}

std::string formatPercent(double rate) {
  if (!std::isfinite(rate)) return kNoValue;
  return formatSignificant(rate * 100) + " %";
}

std::string formatPercentEstimate(const Estimate& estimate) {
  if (estimate.samples == 0 || !std::isfinite(estimate.mean)) return kNoValue;
  // No error in any repetition: an interval of ± 0 would only add noise.
  if (!estimate.hasInterval() || (estimate.mean == 0 && estimate.halfWidth() == 0))
    return formatPercent(estimate.mean);
  return formatSignificant(estimate.mean * 100) + " ± " +
         formatSignificant(estimate.halfWidth() * 100) + " %";
}

std::string formatRatio(double value, double reference) {
  if (!std::isfinite(value) || !std::isfinite(reference) || reference == 0) return kNoValue;
  char text[32];
  std::snprintf(text, sizeof text, "%.2f×", value / reference);
  return text;
}

std::string formatSeconds(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return kNoValue;
  char text[48];
  if (seconds < 60)
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  else
    std::snprintf(text, sizeof text, "%d min %d s", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  return text;
}

}  // namespace mt::experiment::report
