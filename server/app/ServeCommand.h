#pragma once

#include "ServeSettings.h"

namespace mt::app {

// Runs `minitwitter serve` until SIGINT or SIGTERM, then shuts down gracefully.
// Returns the process exit code.
int runServe(ServeSettings settings);

}  // namespace mt::app
