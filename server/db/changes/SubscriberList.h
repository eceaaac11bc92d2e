#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <span>

#include "ChangeFeed.h"

namespace mt::db {

// The listeners of a change feed and their delivery, shared by both feeds. Delivery
// holds a lock that unsubscribe() takes too, so once remove() returns the listener is
// not running and never runs again. The lock is recursive: a listener may subscribe
// or unsubscribe (itself included) from inside its call without deadlocking.
class SubscriberList {
 public:
  ChangeFeed::SubscriptionId add(ChangeFeed::Listener listener);
  void remove(ChangeFeed::SubscriptionId id);
  // Calls every listener for each change, in order. A listener that throws is
  // skipped for that change (listeners must not throw; the feed must not die of it).
  void deliver(std::span<const Change> changes);

 private:
  std::recursive_mutex mutex_;
  std::map<ChangeFeed::SubscriptionId, std::shared_ptr<const ChangeFeed::Listener>> listeners_;
  ChangeFeed::SubscriptionId nextId_ = 1;
};

}  // namespace mt::db
