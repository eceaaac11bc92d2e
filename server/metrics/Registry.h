#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "Counter.h"
#include "Gauge.h"
#include "Histogram.h"
#include "Labels.h"

namespace mt::metrics {

// Owns every metric of one process, grouped in families (a name, its help and type,
// one series per label set), and renders them for a Prometheus scrape.
//
// There is no global instance: the executable creates one and hands it to whatever
// reports metrics. Registration returns a reference that stays valid for the
// registry's lifetime, so the hot path keeps it and never looks a name up again.
// Registering the same name and labels again returns the same metric.
//
// Errors (std::invalid_argument): an invalid metric or label name, a label named
// twice, a name already registered with another type, a histogram label "le", or a
// histogram re-registered with other bounds. The first help text given for a name
// is kept.
//
// Thread affinity: every method is safe from any thread. Registration and rendering
// take a mutex; the metrics themselves are lock-free.
class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  Counter& counter(std::string_view name, std::string_view help, Labels labels = {});
  Gauge& gauge(std::string_view name, std::string_view help, Labels labels = {});
  Histogram& histogram(std::string_view name, std::string_view help,
                       std::vector<double> upperBounds, Labels labels = {});

  // A gauge whose value is read when scraped (queue depth, pool size). Registering
  // the same name and labels again replaces the function. `read` runs with the
  // registry's mutex held, so it must not register metrics; it must stay callable
  // until removeFunction() or the registry's end.
  void gaugeFunction(std::string_view name, std::string_view help, std::function<double()> read,
                     Labels labels = {});
  // The same for a value that only grows, read from elsewhere (a counter kept as a
  // plain atomic by a layer that does not link this library).
  void counterFunction(std::string_view name, std::string_view help, std::function<double()> read,
                       Labels labels = {});
  // Removes a gauge or counter function; other metrics of that name are left alone.
  void removeFunction(std::string_view name, Labels labels = {});

  // Text exposition format 0.0.4: families sorted by name, series by labels.
  std::string renderPrometheus() const;

 private:
  void addFunction(std::string_view name, std::string_view help, std::function<double()> read,
                   Labels labels, bool counter);

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace mt::metrics
