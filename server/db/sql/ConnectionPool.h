#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "SqlConnection.h"

namespace mt::db {

// A bounded set of connections, opened lazily. Sized to the worker pool, so a worker
// never waits for a connection in normal operation; the wait bound is for the
// unexpected. Connections the driver marks broken are dropped on release and a fresh
// one is opened on a later acquire, which is how the server recovers by itself when
// the database restarts: requests in the gap get DatabaseUnavailable, later ones work.
//
// Thread-safe.
class ConnectionPool {
 public:
  using Connector = std::function<std::unique_ptr<SqlConnection>()>;

  // `connect` opens one connection or throws (DatabaseUnavailable when unreachable).
  ConnectionPool(Connector connect, std::size_t size,
                 std::chrono::milliseconds acquireTimeout = std::chrono::seconds(5));
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // A connection for the holder's exclusive use, returned to the pool when the lease
  // is destroyed.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    SqlConnection& operator*() const noexcept { return *connection_; }
    SqlConnection* operator->() const noexcept { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };

  // Throws DatabaseUnavailable when no connection can be opened, or when none is free
  // within the acquire timeout.
  Lease acquire();

  std::size_t size() const noexcept { return size_; }
  std::size_t idle() const;
  // Connections opened over the pool's life (a reconnect counts), for tests and /metrics.
  std::uint64_t connectionsOpened() const noexcept { return opened_.load(); }

 private:
  void release(std::unique_ptr<SqlConnection> connection);

  Connector connect_;
  std::size_t size_;
  std::chrono::milliseconds acquireTimeout_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
  std::size_t leased_ = 0;
  std::atomic<std::uint64_t> opened_{0};
};

}  // namespace mt::db
