#include "SubscriberList.h"

#include <utility>

namespace mt::db {

ChangeFeed::SubscriptionId SubscriberList::add(ChangeFeed::Listener listener) {
  std::lock_guard lock(mutex_);
  const ChangeFeed::SubscriptionId id = nextId_++;
  listeners_.emplace(id, std::make_shared<const ChangeFeed::Listener>(std::move(listener)));
  return id;
}

void SubscriberList::remove(ChangeFeed::SubscriptionId id) {
  std::shared_ptr<const ChangeFeed::Listener> removed;
  {
    std::lock_guard lock(mutex_);
    const auto found = listeners_.find(id);
    if (found == listeners_.end()) return;
    removed = std::move(found->second);
    listeners_.erase(found);
  }
  // `removed` is destroyed here, outside the lock (unless a delivery on this very
  // thread still holds it, which then destroys it when its call returns).
}

void SubscriberList::deliver(std::span<const Change> changes) {
  std::lock_guard lock(mutex_);
  for (const Change& change : changes) {
    // Walk by id rather than by iterator: a listener may add or remove listeners.
    ChangeFeed::SubscriptionId after = 0;
    for (auto next = listeners_.upper_bound(after); next != listeners_.end();
         next = listeners_.upper_bound(after)) {
      after = next->first;
      const std::shared_ptr<const ChangeFeed::Listener> listener = next->second;
      try {
        (*listener)(change);
      } catch (...) {
      }
    }
  }
}

}  // namespace mt::db
