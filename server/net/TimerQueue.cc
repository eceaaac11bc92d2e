#include "Timer.h"

namespace mt::net {

TimerId TimerQueue::add(Clock::time_point deadline, std::function<void()> task) {
  TimerId id = nextId_++;
  tasks_.emplace(id, std::move(task));
  heap_.push({deadline, id});
  return id;
}

void TimerQueue::dropCancelledHead() {
  while (!heap_.empty() && !tasks_.contains(heap_.top().id))
    heap_.pop();
}

void TimerQueue::runExpired(Clock::time_point now) {
  for (dropCancelledHead(); !heap_.empty() && heap_.top().deadline <= now; dropCancelledHead()) {
    TimerId id = heap_.top().id;
    heap_.pop();
    auto found = tasks_.find(id);
    auto task = std::move(found->second);
    tasks_.erase(found);
    task();  // may add or cancel timers
  }
}

int TimerQueue::millisecondsUntilNext(Clock::time_point now) {
  dropCancelledHead();
  if (heap_.empty()) return -1;
  auto wait = heap_.top().deadline - now;
  if (wait <= Clock::duration::zero()) return 0;
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(wait).count());
}

}  // namespace mt::net
