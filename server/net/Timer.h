#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <queue>
#include <unordered_map>
#include <vector>

namespace mt::net {

// 0 is never a valid id, so a default-initialised TimerId means "no timer".
using TimerId = std::uint64_t;
using Clock = std::chrono::steady_clock;

// The timers of one event loop: a min-heap of deadlines. Cancelling only forgets the
// task; its heap entry is skipped when it surfaces, which keeps cancel O(1) for the
// common case of a timer re-armed on every request.
//
// Thread affinity: loop thread only (the EventLoop wraps it).
class TimerQueue {
 public:
  TimerId add(Clock::time_point deadline, std::function<void()> task);
  void cancel(TimerId id) { tasks_.erase(id); }
  // Runs every task whose deadline is <= now.
  void runExpired(Clock::time_point now);
  // Milliseconds until the next deadline (rounded up), or -1 if there is none.
  int millisecondsUntilNext(Clock::time_point now);
  std::size_t size() const { return tasks_.size(); }

 private:
  struct Entry {
    Clock::time_point deadline;
    TimerId id;
    bool operator>(const Entry& other) const { return deadline > other.deadline; }
  };
  void dropCancelledHead();

  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap_;
  std::unordered_map<TimerId, std::function<void()>> tasks_;
  TimerId nextId_ = 1;
};

}  // namespace mt::net
