#pragma once

#include <chrono>

#include "Model.h"

namespace mt::twitter {

// Now, as the store's timestamps are: milliseconds since the Unix epoch, UTC.
inline db::Millis nowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace mt::twitter
