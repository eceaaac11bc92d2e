#include "SqlStore.h"

#include <chrono>
#include <functional>
#include <random>
#include <thread>

#include "DatabaseError.h"
#include "TweetReadStatements.h"
#include "TweetRows.h"

namespace mt::db {
namespace {

// A conflict means another transaction touched the same rows at the same moment; by
// the time it is retried that one has usually committed. Contended rows (a popular
// tweet's counters) may collide a few times running, so allow several attempts.
constexpr int kWriteAttempts = 8;

// A short random pause before a retry, so that colliding writers do not collide again
// in lock step.
void pauseBeforeRetry(int attempt) {
  thread_local std::minstd_rand random(
      static_cast<unsigned>(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  std::uniform_int_distribution<int> micros(0, 500 * attempt);
  std::this_thread::sleep_for(std::chrono::microseconds(micros(random)));
}

}  // namespace

SqlStore::SqlStore(Database& database) : database_(database), dialect_(database.dialect()) {}

void SqlStore::inTransaction(const std::function<void(SqlConnection&)>& body) {
  for (int attempt = 1;; ++attempt) {
    {
      auto connection = database_.pool().acquire();
      try {
        connection->transaction([&] { body(*connection); });
        return;
      } catch (const TransactionConflict&) {
        if (attempt >= kWriteAttempts) throw;
      }
    }
    pauseBeforeRetry(attempt);
  }
}

const Statement& SqlStore::pick(const Statement& postgres, const Statement& sqlite) const noexcept {
  return dialect_ == Dialect::PostgreSql ? postgres : sqlite;
}

void SqlStore::publish(SqlConnection& connection, std::span<const Change> changes) {
  if (!changes.empty()) database_.changes().publish(connection, changes);
}

std::optional<Tweet> SqlStore::tweetAsSeen(SqlConnection& connection, Id viewer, Id tweetId) {
  SqlResult result = connection.execute(tweet_read_sql::kTweetById, {viewer, tweetId});
  if (result.empty()) return std::nullopt;
  return tweetFromRow(result, 0);
}

}  // namespace mt::db
