#include "WorkerPool.h"

#include <cstdio>
#include <exception>

namespace mt::net {

WorkerPool::WorkerPool(std::size_t threads, std::size_t queueCapacity) : capacity_(queueCapacity) {
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i)
    threads_.emplace_back([this] { workerMain(); });
}

WorkerPool::~WorkerPool() {
  stop();
}

bool WorkerPool::trySubmit(Task task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= capacity_ || threads_.empty()) return false;
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_)
    thread.join();
}

std::size_t WorkerPool::queueDepth() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void WorkerPool::workerMain() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    // A failing task must not take a worker (and with it the server) down.
    try {
      task();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "minitwitter: worker task failed: %s\n", e.what());
    } catch (...) {
      std::fprintf(stderr, "minitwitter: worker task failed with a non-standard exception\n");
    }
  }
}

}  // namespace mt::net
