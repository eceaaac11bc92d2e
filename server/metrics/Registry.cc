#include "Registry.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
#include <variant>

#include "PrometheusText.h"

namespace mt::metrics {
namespace {

enum class Type { Counter, Gauge, Histogram };

std::string_view typeName(Type type) {
  switch (type) {
    case Type::Counter:
      return "counter";
    case Type::Gauge:
      return "gauge";
    case Type::Histogram:
      return "histogram";
  }
  return "untyped";
}

using Series = std::variant<std::unique_ptr<Counter>, std::unique_ptr<Gauge>,
                            std::unique_ptr<Histogram>, std::function<double()>>;

struct Family {
  Type type;
  std::string help;
  std::vector<double> bounds;  // histograms only; every series of the family shares them
  std::map<Labels, Series> series;
};

// Sorted by name so that {a,b} and {b,a} name the same series.
Labels normalise(Labels labels, Type type) {
  std::sort(labels.begin(), labels.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string& name = labels[i].first;
    if (!isValidLabelName(name)) throw std::invalid_argument("invalid label name: " + name);
    if (i > 0 && labels[i - 1].first == name) {
      throw std::invalid_argument("label named twice: " + name);
    }
    if (type == Type::Histogram && name == "le") {
      throw std::invalid_argument("a histogram cannot have a label named le");
    }
  }
  return labels;
}

void renderFamily(std::string& out, const std::string& name, const Family& family) {
  appendHelpLine(out, name, family.help);
  appendTypeLine(out, name, typeName(family.type));
  for (const auto& [labels, series] : family.series) {
    if (auto* counter = std::get_if<std::unique_ptr<Counter>>(&series)) {
      appendSample(out, name, "", labels, {}, {}, formatValue((*counter)->value()));
    } else if (auto* gauge = std::get_if<std::unique_ptr<Gauge>>(&series)) {
      appendSample(out, name, "", labels, {}, {}, formatValue((*gauge)->value()));
    } else if (auto* read = std::get_if<std::function<double()>>(&series)) {
      appendSample(out, name, "", labels, {}, {}, formatValue((*read)()));
    } else {
      Histogram::Snapshot snap = std::get<std::unique_ptr<Histogram>>(series)->snapshot();
      for (std::size_t i = 0; i < snap.cumulative.size(); ++i) {
        std::string le = i < snap.upperBounds.size() ? formatValue(snap.upperBounds[i]) : "+Inf";
        appendSample(out, name, "_bucket", labels, "le", le, formatValue(snap.cumulative[i]));
      }
      appendSample(out, name, "_sum", labels, {}, {}, formatValue(snap.sum));
      appendSample(out, name, "_count", labels, {}, {}, formatValue(snap.count));
    }
  }
}

}  // namespace

struct Registry::State {
  mutable std::mutex mutex;
  std::map<std::string, Family, std::less<>> families;

  // Caller holds `mutex`.
  Family& family(std::string_view name, std::string_view help, Type type) {
    if (!isValidMetricName(name)) {
      throw std::invalid_argument("invalid metric name: " + std::string(name));
    }
    auto it = families.find(name);
    if (it == families.end()) {
      it = families.emplace(std::string(name), Family{type, std::string(help), {}, {}}).first;
    } else if (it->second.type != type) {
      throw std::invalid_argument("metric " + std::string(name) + " is already a " +
                                  std::string(typeName(it->second.type)));
    }
    return it->second;
  }
};

Registry::Registry() : state_(std::make_unique<State>()) {}
Registry::~Registry() = default;

Counter& Registry::counter(std::string_view name, std::string_view help, Labels labels) {
  labels = normalise(std::move(labels), Type::Counter);
  std::lock_guard lock(state_->mutex);
  Family& family = state_->family(name, help, Type::Counter);
  auto [it, inserted] = family.series.try_emplace(std::move(labels));
  if (inserted) it->second = std::make_unique<Counter>();
  return *std::get<std::unique_ptr<Counter>>(it->second);
}

Gauge& Registry::gauge(std::string_view name, std::string_view help, Labels labels) {
  labels = normalise(std::move(labels), Type::Gauge);
  std::lock_guard lock(state_->mutex);
  Family& family = state_->family(name, help, Type::Gauge);
  auto [it, inserted] = family.series.try_emplace(std::move(labels));
  if (inserted) {
    it->second = std::make_unique<Gauge>();
  } else if (!std::holds_alternative<std::unique_ptr<Gauge>>(it->second)) {
    throw std::invalid_argument("gauge " + std::string(name) +
                                " is already registered as a function for these labels");
  }
  return *std::get<std::unique_ptr<Gauge>>(it->second);
}

Histogram& Registry::histogram(std::string_view name, std::string_view help,
                               std::vector<double> upperBounds, Labels labels) {
  labels = normalise(std::move(labels), Type::Histogram);
  std::lock_guard lock(state_->mutex);
  Family& family = state_->family(name, help, Type::Histogram);
  if (family.series.empty()) {
    family.bounds = upperBounds;
  } else if (family.bounds != upperBounds) {
    throw std::invalid_argument("histogram " + std::string(name) +
                                " is already registered with other bounds");
  }
  auto [it, inserted] = family.series.try_emplace(std::move(labels));
  if (inserted) {
    try {
      it->second = std::make_unique<Histogram>(std::move(upperBounds));
    } catch (...) {
      family.series.erase(it);
      if (family.series.empty()) state_->families.erase(std::string(name));
      throw;
    }
  }
  return *std::get<std::unique_ptr<Histogram>>(it->second);
}

void Registry::gaugeFunction(std::string_view name, std::string_view help,
                             std::function<double()> read, Labels labels) {
  addFunction(name, help, std::move(read), std::move(labels), /*counter=*/false);
}

void Registry::counterFunction(std::string_view name, std::string_view help,
                               std::function<double()> read, Labels labels) {
  addFunction(name, help, std::move(read), std::move(labels), /*counter=*/true);
}

void Registry::addFunction(std::string_view name, std::string_view help,
                           std::function<double()> read, Labels labels, bool counter) {
  Type type = counter ? Type::Counter : Type::Gauge;
  if (!read) throw std::invalid_argument("metric function " + std::string(name) + " is empty");
  labels = normalise(std::move(labels), type);
  std::lock_guard lock(state_->mutex);
  Family& family = state_->family(name, help, type);
  auto [it, inserted] = family.series.try_emplace(std::move(labels));
  if (!inserted && !std::holds_alternative<std::function<double()>>(it->second)) {
    throw std::invalid_argument(std::string(typeName(type)) + " " + std::string(name) +
                                " is already registered as a value for these labels");
  }
  it->second = std::move(read);
}

void Registry::removeFunction(std::string_view name, Labels labels) {
  labels = normalise(std::move(labels), Type::Gauge);
  std::lock_guard lock(state_->mutex);
  auto family = state_->families.find(name);
  if (family == state_->families.end()) return;
  auto it = family->second.series.find(labels);
  if (it == family->second.series.end()) return;
  if (!std::holds_alternative<std::function<double()>>(it->second)) return;
  family->second.series.erase(it);
  if (family->second.series.empty()) state_->families.erase(family);
}

std::string Registry::renderPrometheus() const {
  std::string out;
  std::lock_guard lock(state_->mutex);
  for (const auto& [name, family] : state_->families) {
    renderFamily(out, name, family);
  }
  return out;
}

}  // namespace mt::metrics
