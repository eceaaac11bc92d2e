#include "EventLoop.h"

#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace mt::net {

namespace {
constexpr int kMaxEventsPerWait = 256;

[[noreturn]] void throwErrno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}
}  // namespace

// The eventfd's handler: drains the counter so the next wakeup() is seen again.
class EventLoop::Wakeup final : public IoHandler {
 public:
  explicit Wakeup(int fd) : fd_(fd) {}
  void handleEvents(std::uint32_t) override {
    std::uint64_t value;
    [[maybe_unused]] ssize_t n = ::read(fd_, &value, sizeof(value));
  }

 private:
  int fd_;
};

EventLoop::EventLoop()
    : epoll_(::epoll_create1(EPOLL_CLOEXEC)),
      wakeupFd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      now_(Clock::now()) {
  if (!epoll_.valid()) throwErrno("epoll_create1");
  if (!wakeupFd_.valid()) throwErrno("eventfd");
}

EventLoop::~EventLoop() = default;

void EventLoop::assertInLoopThread() const {
  if (!isInLoopThread()) {
    std::fprintf(stderr, "minitwitter: EventLoop used from a thread that does not own it\n");
    std::abort();
  }
}

void EventLoop::run() {
  threadId_ = std::this_thread::get_id();
  Wakeup wakeupHandler(wakeupFd_.get());
  add(wakeupFd_.get(), EPOLLIN, &wakeupHandler);
  std::array<epoll_event, kMaxEventsPerWait> events{};
  while (!quit_.load(std::memory_order_acquire)) {
    now_ = Clock::now();
    int timeout = timers_.millisecondsUntilNext(now_);
    int n = ::epoll_wait(epoll_.get(), events.data(), kMaxEventsPerWait, timeout);
    if (n < 0 && errno != EINTR) throwErrno("epoll_wait");
    now_ = Clock::now();
    for (int i = 0; i < n; ++i) {
      static_cast<IoHandler*>(events[i].data.ptr)->handleEvents(events[i].events);
    }
    timers_.runExpired(now_);
    runQueuedTasks();
  }
  runQueuedTasks();
  remove(wakeupFd_.get());
}

void EventLoop::quit() {
  quit_.store(true, std::memory_order_release);
  if (!isInLoopThread()) wakeup();
}

void EventLoop::runInLoop(Task task) {
  if (isInLoopThread()) {
    task();
  } else {
    queueInLoop(std::move(task));
  }
}

void EventLoop::queueInLoop(Task task) {
  {
    std::lock_guard lock(tasksMutex_);
    tasks_.push_back(std::move(task));
  }
  // On the loop thread outside runQueuedTasks() the tasks run at the end of this
  // iteration anyway; everywhere else the loop may be asleep in epoll_wait.
  if (!isInLoopThread() || runningTasks_) wakeup();
}

void EventLoop::wakeup() {
  std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wakeupFd_.get(), &one, sizeof(one));
}

void EventLoop::runQueuedTasks() {
  std::vector<Task> batch;
  {
    std::lock_guard lock(tasksMutex_);
    batch.swap(tasks_);
  }
  runningTasks_ = true;
  for (Task& task : batch)
    task();
  runningTasks_ = false;
}

void EventLoop::add(int fd, std::uint32_t events, IoHandler* handler) {
  epoll_event ev{};
  ev.events = events;
  ev.data.ptr = handler;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, fd, &ev) < 0) throwErrno("epoll_ctl(ADD)");
}

void EventLoop::modify(int fd, std::uint32_t events, IoHandler* handler) {
  epoll_event ev{};
  ev.events = events;
  ev.data.ptr = handler;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_MOD, fd, &ev) < 0) throwErrno("epoll_ctl(MOD)");
}

void EventLoop::remove(int fd) {
  ::epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, fd, nullptr);
}

TimerId EventLoop::runAfter(std::chrono::milliseconds delay, Task task) {
  return timers_.add(now_ + delay, std::move(task));
}

}  // namespace mt::net
