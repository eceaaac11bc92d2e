#include "Durations.h"

#include <string>

#include "Duration.h"
#include "UsageError.h"

namespace mt::client::cli {

std::int64_t parseDuration(std::string_view text, std::string_view option) {
  if (auto ns = load::parseDurationNs(text)) return *ns;
  throw UsageError(std::string(option) + ": '" + std::string(text) +
                   "' is not a duration (e.g. 10s, 500ms, 2m)");
}

}  // namespace mt::client::cli
