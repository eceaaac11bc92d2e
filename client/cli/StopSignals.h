#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace mt::client::cli {

// Turns Ctrl-C (SIGINT) and SIGTERM into a call of `onStop` while it lives, so a
// command that blocks in the network (timeline --follow) ends cleanly instead of
// being killed mid-line. Construct it on the thread that blocks, before it starts
// any other thread: the signals are blocked there and taken by a watcher thread,
// which calls `onStop` on the first signal and again every 100 ms until destroyed
// (a stop may race with a connection being made). The previous signal mask comes back
// on destruction.
class StopSignals {
 public:
  explicit StopSignals(std::function<void()> onStop);
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Whether a signal came.
  bool signalled() const { return signalled_; }

 private:
  void watch();

  std::function<void()> onStop_;
  sigset_t previousMask_{};
  std::atomic<bool> done_{false};
  std::atomic<bool> signalled_{false};
  std::thread watcher_;
};

}  // namespace mt::client::cli
