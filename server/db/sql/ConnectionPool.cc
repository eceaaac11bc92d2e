#include "ConnectionPool.h"

#include <utility>

#include "DatabaseError.h"

namespace mt::db {

ConnectionPool::ConnectionPool(Connector connect, std::size_t size,
                               std::chrono::milliseconds acquireTimeout)
    : connect_(std::move(connect)), size_(size == 0 ? 1 : size), acquireTimeout_(acquireTimeout) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {}

ConnectionPool::Lease::~Lease() {
  if (connection_) pool_->release(std::move(connection_));
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  const bool free = available_.wait_for(
      lock, acquireTimeout_, [&] { return !idle_.empty() || leased_ + idle_.size() < size_; });
  if (!free) {
    throw DatabaseUnavailable("the database is busy: no connection became free within " +
                              std::to_string(acquireTimeout_.count()) + " ms");
  }
  ++leased_;
  if (!idle_.empty()) {
    std::unique_ptr<SqlConnection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  // Open a new one outside the lock (a connect may take a while); the slot is
  // already counted as leased so that nobody else opens past the size.
  lock.unlock();
  try {
    std::unique_ptr<SqlConnection> connection = connect_();
    opened_.fetch_add(1, std::memory_order_relaxed);
    return Lease(*this, std::move(connection));
  } catch (...) {
    lock.lock();
    --leased_;
    lock.unlock();
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::release(std::unique_ptr<SqlConnection> connection) {
  // Connections are closed outside the lock: closing a PostgreSQL one is a round trip.
  std::vector<std::unique_ptr<SqlConnection>> discarded;
  {
    std::lock_guard lock(mutex_);
    --leased_;
    if (connection->broken()) {
      // A connection that broke usually means the server went away (a restart): the
      // idle ones are as stale, and handing them out would fail one request each.
      discarded = std::move(idle_);
      idle_.clear();
      discarded.push_back(std::move(connection));
    } else {
      idle_.push_back(std::move(connection));
    }
  }
  if (discarded.empty()) {
    available_.notify_one();
  } else {
    available_.notify_all();
  }
}

std::size_t ConnectionPool::idle() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

}  // namespace mt::db
