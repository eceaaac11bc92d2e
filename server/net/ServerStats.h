#pragma once

#include <atomic>
#include <cstdint>

namespace mt::net {

// Counters the core keeps for /metrics. Relaxed atomics: each is read on its own.
struct ServerStats {
  std::atomic<std::int64_t> connectionsOpen{0};
  std::atomic<std::uint64_t> connectionsAccepted{0};
  std::atomic<std::uint64_t> connectionsRefused{0};
};

}  // namespace mt::net
