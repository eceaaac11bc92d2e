#include "Directive.h"

#include <algorithm>
#include <array>

namespace mt::api {

bool Directive::isAllowedAt(DirectiveLocation location) const noexcept {
  return std::find(locations.begin(), locations.end(), location) != locations.end();
}

bool isSpecifiedDirective(std::string_view name) noexcept {
  static constexpr std::array<std::string_view, 5> kSpecified = {"include", "skip", "deprecated",
                                                                 "specifiedBy", "oneOf"};
  return std::find(kSpecified.begin(), kSpecified.end(), name) != kSpecified.end();
}

}  // namespace mt::api
