#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "FileDescriptor.h"
#include "Timer.h"

namespace mt::net {

// Something with a file descriptor in an epoll set.
class IoHandler {
 public:
  virtual void handleEvents(std::uint32_t events) = 0;

 protected:
  ~IoHandler() = default;
};

// One thread's reactor: an epoll set, a timer queue and a task queue that other
// threads feed through an eventfd. Work crosses threads only through
// runInLoop()/queueInLoop().
class EventLoop {
 public:
  using Task = std::function<void()>;

  EventLoop();
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Runs until quit(). Thread affinity: the thread that calls run() becomes the loop
  // thread; until then no thread is, and work handed to the loop waits in its queue.
  void run();
  // Safe from any thread.
  void quit();

  // Safe from any thread. runInLoop runs the task at once when called on the loop
  // thread; queueInLoop always defers it to after the current batch of events.
  void runInLoop(Task task);
  void queueInLoop(Task task);

  bool isInLoopThread() const { return threadId_.load() == std::this_thread::get_id(); }
  void assertInLoopThread() const;

  // Loop thread only. `handler` is non-owning and must stay alive until remove().
  void add(int fd, std::uint32_t events, IoHandler* handler);
  void modify(int fd, std::uint32_t events, IoHandler* handler);
  void remove(int fd);

  // Loop thread only.
  TimerId runAfter(std::chrono::milliseconds delay, Task task);
  void cancel(TimerId id) { timers_.cancel(id); }

  // The time the current iteration started: cheap, and good enough for timeouts.
  Clock::time_point now() const { return now_; }

 private:
  class Wakeup;
  void wakeup();
  void runQueuedTasks();

  FileDescriptor epoll_;
  FileDescriptor wakeupFd_;
  std::atomic<std::thread::id> threadId_;
  std::atomic<bool> quit_{false};
  TimerQueue timers_;
  Clock::time_point now_;

  std::mutex tasksMutex_;
  std::vector<Task> tasks_;
  bool runningTasks_ = false;
};

}  // namespace mt::net
