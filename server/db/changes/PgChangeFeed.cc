#include "PgChangeFeed.h"

#include <algorithm>
#include <functional>
#include <pqxx/pqxx>
#include <utility>
#include <vector>

#include "DatabaseError.h"
#include "PgConnection.h"
#include "SqlConnection.h"
#include "Statement.h"

namespace mt::db {
namespace {

// The channel for the connection's schema (see the class comment). Kept as one SQL
// expression so that the publisher and the listener cannot disagree.
#define MT_CHANGE_CHANNEL                                                               \
  "CASE COALESCE(current_schema(), 'public') WHEN 'public' THEN 'minitwitter_changes' " \
  "ELSE 'minitwitter_changes_' || current_schema() END"

constexpr Statement kNotify{"mt_change_feed_notify", "SELECT pg_notify(" MT_CHANGE_CHANNEL ", $1)"};
constexpr const char* kChannelQuery = "SELECT " MT_CHANGE_CHANNEL;
#undef MT_CHANGE_CHANNEL

// NOTIFY payloads must stay under 8000 bytes: changes go in lines, batched below that.
constexpr std::size_t kMaxPayload = 7000;

constexpr std::chrono::milliseconds kFirstPause{100};
constexpr std::chrono::milliseconds kLongestPause{2000};
constexpr long kWaitMicroseconds = 200'000;  // how often the listener checks for stop
constexpr std::chrono::seconds kLongestFirstAttempt{30};

// Disconnects before the receiver goes: its destructor would otherwise send an UNLISTEN
// over a connection that is closing anyway, or already broken.
class DisconnectFirst {
 public:
  explicit DisconnectFirst(pqxx::connection_base& connection) : connection_(connection) {}
  ~DisconnectFirst() { connection_.disconnect(); }
  DisconnectFirst(const DisconnectFirst&) = delete;
  DisconnectFirst& operator=(const DisconnectFirst&) = delete;

 private:
  pqxx::connection_base& connection_;
};

class Receiver final : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection_base& connection, const std::string& channel,
           std::function<void(const std::string&)> deliver)
      : pqxx::notification_receiver(connection, channel), deliver_(std::move(deliver)) {}
  void operator()(const std::string& payload, int) override { deliver_(payload); }

 private:
  std::function<void(const std::string&)> deliver_;
};

}  // namespace

PgChangeFeed::PgChangeFeed(std::string url) : url_(std::move(url)) {}

PgChangeFeed::~PgChangeFeed() {
  {
    std::lock_guard lock(threadMutex_);
    stopping_ = true;
    stop_ = true;
  }
  stopRequested_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PgChangeFeed::publish(SqlConnection& connection, std::span<const Change> changes) {
  if (changes.empty()) return;
  if (connection.dialect() != Dialect::PostgreSql) {
    throw DatabaseError("the PostgreSQL change feed needs a PostgreSQL connection");
  }
  std::string payload;
  for (const Change& change : changes) {
    const std::string line = encodeChange(change);
    if (!payload.empty() && payload.size() + 1 + line.size() > kMaxPayload) {
      connection.execute(kNotify, {SqlValue(std::move(payload))});
      payload.clear();
    }
    if (!payload.empty()) payload += '\n';
    payload += line;
  }
  connection.execute(kNotify, {SqlValue(std::move(payload))});
}

ChangeFeed::SubscriptionId PgChangeFeed::subscribe(Listener listener) {
  const SubscriptionId id = subscribers_.add(std::move(listener));
  std::unique_lock lock(threadMutex_);
  if (!thread_.joinable() && !stopping_) thread_ = std::thread([this] { listen(); });
  // The attempt is bounded by connect_timeout; the bound here only guards against a
  // connection string that disables it.
  attemptFinished_.wait_for(lock, kLongestFirstAttempt, [this] { return attempted_ || stopping_; });
  return id;
}

void PgChangeFeed::firstAttemptFinished() {
  {
    std::lock_guard lock(threadMutex_);
    if (attempted_) return;
    attempted_ = true;
  }
  attemptFinished_.notify_all();
}

void PgChangeFeed::unsubscribe(SubscriptionId id) {
  subscribers_.remove(id);
}

void PgChangeFeed::deliverPayload(const std::string& payload) {
  std::vector<Change> changes;
  std::string_view rest = payload;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    if (auto change = decodeChange(rest.substr(0, newline))) changes.push_back(*change);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
  }
  if (!changes.empty()) subscribers_.deliver(changes);
}

void PgChangeFeed::pause(std::chrono::milliseconds duration) {
  std::unique_lock lock(threadMutex_);
  stopRequested_.wait_for(lock, duration, [this] { return stopping_; });
}

void PgChangeFeed::listenOnce() {
  pqxx::connection connection(url_);
  inhibitReactivation(connection);
  std::string channel;
  {
    pqxx::nontransaction query(connection);
    channel = query.exec(kChannelQuery).at(0).at(0).c_str();
    query.commit();
  }
  Receiver receiver(connection, channel,
                    [this](const std::string& payload) { deliverPayload(payload); });
  const DisconnectFirst disconnectFirst(connection);
  // add_receiver swallows a broken connection during LISTEN: make sure it listens.
  if (!connection.is_open()) throw pqxx::broken_connection();
  listening_.fetch_add(1);
  firstAttemptFinished();
  while (!stop_.load()) {
    connection.await_notification(0, kWaitMicroseconds);
    if (!connection.is_open()) throw pqxx::broken_connection();
  }
}

void PgChangeFeed::listen() {
  std::chrono::milliseconds nextPause = kFirstPause;
  while (!stop_.load()) {
    const std::uint64_t before = listening_.load();
    try {
      listenOnce();
    } catch (...) {
      // Down, restarting or unreachable: nothing to report to anyone, try again. An
      // exception must never leave this thread (std::terminate).
    }
    firstAttemptFinished();
    if (stop_.load()) break;
    // Back to the first pause once a connection has worked.
    if (listening_.load() != before) nextPause = kFirstPause;
    pause(nextPause);
    nextPause = std::min(nextPause * 2, kLongestPause);
  }
}

}  // namespace mt::db
