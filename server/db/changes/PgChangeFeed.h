#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "ChangeFeed.h"
#include "SubscriberList.h"

namespace mt::db {

// Change notifications over PostgreSQL LISTEN/NOTIFY, so that a change committed
// through any server instance reaches the listeners of every instance. publish() runs
// pg_notify inside the publishing transaction (PostgreSQL delivers on commit, in
// commit order, and drops it on rollback). A thread of the feed's own, started by the
// first subscribe(), holds a connection that LISTENs and hands what arrives to the
// listeners; when the connection drops it reconnects with a growing pause (100 ms up to
// 2 s). Changes committed while it is disconnected are not seen: live notifications
// are best effort, the data itself is not.
//
// The first subscribe() returns once the listener listens (or its first attempt to
// connect has failed), so a change committed after it returns is delivered.
//
// The channel is `minitwitter_changes`, suffixed with the schema's name when the
// connection's schema is not `public`: NOTIFY is database-wide, and test schemas must
// not hear each other.
class PgChangeFeed final : public ChangeFeed {
 public:
  // `url` is the libpq connection string the listener connects with.
  explicit PgChangeFeed(std::string url);
  ~PgChangeFeed() override;  // stops the listener thread
  PgChangeFeed(const PgChangeFeed&) = delete;
  PgChangeFeed& operator=(const PgChangeFeed&) = delete;

  void publish(SqlConnection& connection, std::span<const Change> changes) override;
  SubscriptionId subscribe(Listener listener) override;
  void unsubscribe(SubscriptionId id) override;

  // Times the listener has connected and started listening (for tests: a reconnect
  // shows as a second one).
  std::uint64_t listenerConnections() const noexcept { return listening_.load(); }

 private:
  void listen();                                   // the listener thread
  void listenOnce();                               // one connection's life; throws when it ends
  void pause(std::chrono::milliseconds duration);  // returns early when stopping
  void deliverPayload(const std::string& payload);
  void firstAttemptFinished();

  std::string url_;
  SubscriberList subscribers_;
  std::mutex threadMutex_;
  std::condition_variable stopRequested_;
  bool stopping_ = false;   // guarded by threadMutex_
  bool attempted_ = false;  // guarded by threadMutex_: the first connection attempt is over
  std::condition_variable attemptFinished_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::atomic<std::uint64_t> listening_{0};
};

}  // namespace mt::db
