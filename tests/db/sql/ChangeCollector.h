#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "ChangeFeed.h"

namespace mt::db::testing {

// Collects what a change feed delivers, for tests that wait for a change to arrive.
// The wait's bound only decides when a test gives up (a failure), never whether it
// passes: a change that arrives passes however late.
class ChangeCollector {
 public:
  ChangeFeed::Listener listener() {
    return [this](const Change& change) {
      std::lock_guard lock(mutex_);
      changes_.push_back(change);
      arrived_.notify_all();
    };
  }

  // Waits until `done(changes so far)` holds; false if it does not within a minute.
  bool waitUntil(const std::function<bool(const std::vector<Change>&)>& done,
                 std::chrono::milliseconds patience = std::chrono::seconds(60)) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, patience, [&] { return done(changes_); });
  }
  bool waitFor(const Change& change,
               std::chrono::milliseconds patience = std::chrono::seconds(60)) {
    return waitUntil(
        [&](const std::vector<Change>& changes) {
          for (const Change& seen : changes) {
            if (seen == change) return true;
          }
          return false;
        },
        patience);
  }

  std::vector<Change> changes() {
    std::lock_guard lock(mutex_);
    return changes_;
  }
  bool saw(const Change& change) {
    std::lock_guard lock(mutex_);
    for (const Change& seen : changes_) {
      if (seen == change) return true;
    }
    return false;
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<Change> changes_;
};

}  // namespace mt::db::testing
