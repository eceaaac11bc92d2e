#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mt::net {

// A fixed set of threads for blocking work (database calls, password hashing), fed
// by a bounded queue. A full queue refuses work instead of growing: the caller turns
// that into "busy, retry later".
//
// Thread affinity: trySubmit() and queueDepth() are safe from any thread.
class WorkerPool {
 public:
  using Task = std::function<void()>;

  WorkerPool(std::size_t threads, std::size_t queueCapacity);
  ~WorkerPool();  // stop() if not stopped
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool trySubmit(Task task);
  // Runs what is queued, then joins the threads. Later trySubmit() calls fail.
  void stop();

  std::size_t queueDepth() const;
  std::size_t threadCount() const { return threads_.size(); }
  std::size_t capacity() const { return capacity_; }

 private:
  void workerMain();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace mt::net
