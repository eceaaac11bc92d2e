#include "Histogram.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace mt::metrics {

Histogram::Histogram(std::vector<double> upperBounds) : bounds_(std::move(upperBounds)) {
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    if (!std::isfinite(bounds_[i])) {
      throw std::invalid_argument("histogram bounds must be finite (+Inf is implied)");
    }
    if (i > 0 && !(bounds_[i - 1] < bounds_[i])) {
      throw std::invalid_argument("histogram bounds must be strictly increasing");
    }
  }
  buckets_ = std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1);
}

void Histogram::observe(double value) {
  if (std::isnan(value)) return;
  auto bound = std::lower_bound(bounds_.begin(), bounds_.end(), value);
  auto index = static_cast<std::size_t>(bound - bounds_.begin());
  buckets_[index].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot snap;
  snap.upperBounds = bounds_;
  snap.cumulative.reserve(bounds_.size() + 1);
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    snap.cumulative.push_back(running);
  }
  snap.count = running;
  snap.sum = sum_.load(std::memory_order_relaxed);
  return snap;
}

std::vector<double> Histogram::defaultBounds() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};
}

std::vector<double> Histogram::exponentialBounds(double start, double factor, std::size_t count) {
  if (!(start > 0.0) || !(factor > 1.0)) {
    throw std::invalid_argument("exponential bounds need start > 0 and factor > 1");
  }
  std::vector<double> bounds;
  bounds.reserve(count);
  for (double b = start; bounds.size() < count; b *= factor) {
    bounds.push_back(b);
  }
  return bounds;
}

std::vector<double> Histogram::linearBounds(double start, double width, std::size_t count) {
  if (!(width > 0.0)) throw std::invalid_argument("linear bounds need width > 0");
  std::vector<double> bounds;
  bounds.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    bounds.push_back(start + width * static_cast<double>(i));
  }
  return bounds;
}

}  // namespace mt::metrics
