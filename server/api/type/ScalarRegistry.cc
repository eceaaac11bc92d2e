#include "ScalarRegistry.h"

#include <stdexcept>

#include "BuiltInScalars.h"

namespace mt::api {

ScalarRegistry& ScalarRegistry::add(std::string name,
                                    std::shared_ptr<const ScalarType> implementation) {
  if (implementation == nullptr) {
    throw std::invalid_argument("ScalarRegistry: null implementation for scalar " + name);
  }
  if (isSpecifiedScalar(name)) {
    throw std::invalid_argument("ScalarRegistry: " + name +
                                " is a specified scalar and cannot be replaced");
  }
  if (entries_.contains(name)) {
    throw std::invalid_argument("ScalarRegistry: scalar " + name + " is already registered");
  }
  entries_.emplace(std::move(name), std::move(implementation));
  return *this;
}

std::shared_ptr<const ScalarType> ScalarRegistry::find(std::string_view name) const {
  if (auto specified = specifiedScalar(name)) return specified;
  const auto found = entries_.find(name);
  return found == entries_.end() ? nullptr : found->second;
}

}  // namespace mt::api
