#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "Change.h"

namespace mt::db {

class SqlConnection;

// Change notifications, one interface over PostgreSQL LISTEN/NOTIFY (changes made by
// any server instance on the same database reach every instance) and an in-process bus
// for SQLite (one instance owns the file).
//
// Thread-safe. Listeners run on the feed's own thread (PostgreSQL) or on the thread
// that committed (SQLite): they must be quick and must not throw; hand work elsewhere.
class ChangeFeed {
 public:
  using Listener = std::function<void(const Change&)>;
  using SubscriptionId = std::uint64_t;

  virtual ~ChangeFeed() = default;

  // Emits `changes` as part of the transaction running on `connection`: delivered
  // after it commits, never if it rolls back. Called by the store inside transaction().
  virtual void publish(SqlConnection& connection, std::span<const Change> changes) = 0;

  virtual SubscriptionId subscribe(Listener listener) = 0;
  // After it returns, the listener is not running and will not run again.
  virtual void unsubscribe(SubscriptionId id) = 0;
};

}  // namespace mt::db
