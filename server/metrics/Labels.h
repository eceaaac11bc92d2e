#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mt::metrics {

// Label name/value pairs of one series, e.g. {{"method", "GET"}, {"status", "200"}}.
// Order does not matter: the registry sorts them by name.
using Labels = std::vector<std::pair<std::string, std::string>>;

}  // namespace mt::metrics
