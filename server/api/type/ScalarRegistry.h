#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "ScalarType.h"

namespace mt::api {

// The implementations of custom scalars an application offers its schemas (the
// original project's "extend the base schema types"):
//
//   ScalarRegistry registry;
//   registry.add("DateTime", std::make_shared<DateTimeScalar>());
//   SchemaBuilder(sdl).scalars(registry).build();
//
// A schema uses the implementations of the scalars its SDL declares and ignores the
// rest, so one registry can serve several schemas. The five specified scalars are
// always present and cannot be replaced.
class ScalarRegistry {
 public:
  // Throws std::invalid_argument for a specified scalar's name, a name that is already
  // registered, or a null implementation.
  ScalarRegistry& add(std::string name, std::shared_ptr<const ScalarType> implementation);

  // The implementation registered for `name`, or the specified scalar of that name;
  // null if there is none.
  std::shared_ptr<const ScalarType> find(std::string_view name) const;

  // Registered names and implementations, by name (specified scalars excluded).
  const std::map<std::string, std::shared_ptr<const ScalarType>, std::less<>>& entries()
      const noexcept {
    return entries_;
  }

 private:
  std::map<std::string, std::shared_ptr<const ScalarType>, std::less<>> entries_;
};

}  // namespace mt::api
