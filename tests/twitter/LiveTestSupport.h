#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ChangeFeed.h"
#include "Database.h"
#include "LiveEvents.h"
#include "Migrations.h"
#include "Resolved.h"
#include "SqlStore.h"
#include "TestDatabases.h"
#include "TwitterMigrations.h"

// What the live event tests share: a worker for LiveEvents' Submit, a recorder of a
// stream's events, and a fresh database per test on every backend.
namespace mt::twitter::testing {

// One thread running submitted work in order; runs what is left, then stops, when
// destroyed.
class SerialWorker {
 public:
  SerialWorker() : thread_([this] { run(); }) {}
  ~SerialWorker() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    thread_.join();
  }

  bool submit(std::function<void()> work) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(work));
    }
    ready_.notify_all();
    return true;
  }
  LiveEvents::Submit submitter() {
    return [this](std::function<void()> work) { return submit(std::move(work)); };
  }

 private:
  void run() {
    for (;;) {
      std::function<void()> work;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        work = std::move(queue_.front());
        queue_.pop_front();
      }
      work();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

// Work kept until the test runs it: the drain happens exactly when the test says.
class DeferredWork {
 public:
  LiveEvents::Submit submitter() {
    return [this](std::function<void()> work) {
      std::lock_guard lock(mutex_);
      if (refusing_) return false;
      queue_.push_back(std::move(work));
      ++submitted_;
      return true;
    };
  }
  // Runs what is queued now; returns how many.
  int runAll() {
    std::deque<std::function<void()>> work;
    {
      std::lock_guard lock(mutex_);
      work.swap(queue_);
    }
    for (auto& item : work)
      item();
    return static_cast<int>(work.size());
  }
  int submitted() {
    std::lock_guard lock(mutex_);
    return submitted_;
  }
  // While set, submitting fails (as a saturated worker pool's would).
  void setRefusing(bool refusing) {
    std::lock_guard lock(mutex_);
    refusing_ = refusing;
  }

 private:
  std::mutex mutex_;
  std::deque<std::function<void()>> queue_;
  int submitted_ = 0;
  bool refusing_ = false;
};

// The events one stream received, in order.
class EventRecorder {
 public:
  api::EventCallback callback() {
    return [this](api::Resolved payload) {
      std::lock_guard lock(mutex_);
      events_.push_back(std::move(payload));
      arrived_.notify_all();
    };
  }
  // Waits (a bound that only limits how long a failing test hangs) for `count` events.
  std::vector<api::Resolved> waitFor(std::size_t count) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, std::chrono::seconds(30), [&] { return events_.size() >= count; });
    return events_;
  }
  std::vector<api::Resolved> events() {
    std::lock_guard lock(mutex_);
    return events_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<api::Resolved> events_;
};

// Counts the changes a feed delivers. The feeds call listeners in the order they
// subscribed, so once a counter made after a LiveEvents has seen a change, the
// LiveEvents has seen it too (queued it, scheduled a drain or dropped the oldest).
class ChangeCounter {
 public:
  explicit ChangeCounter(db::ChangeFeed& feed) : feed_(feed) {
    id_ = feed_.subscribe([this](const db::Change&) {
      std::lock_guard lock(mutex_);
      ++count_;
      arrived_.notify_all();
    });
  }
  ~ChangeCounter() { feed_.unsubscribe(id_); }
  ChangeCounter(const ChangeCounter&) = delete;
  ChangeCounter& operator=(const ChangeCounter&) = delete;

  // Waits (bounded only so that a failing test ends) until `count` changes arrived.
  std::size_t waitFor(std::size_t count) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, std::chrono::seconds(30), [&] { return count_ >= count; });
    return count_;
  }

 private:
  db::ChangeFeed& feed_;
  db::ChangeFeed::SubscriptionId id_ = 0;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::size_t count_ = 0;
};

// A fresh, migrated database of the test's backend and a SqlStore on it.
class LiveDatabaseTest : public ::testing::TestWithParam<mt::testing::Backend> {
 protected:
  void SetUp() override {
    if (!mt::testing::backendAvailable(GetParam())) {
      if (HasFailure()) FAIL() << "PostgreSQL is required";
      GTEST_SKIP() << "no PostgreSQL for tests (set MINITWITTER_TEST_POSTGRES_URL)";
    }
    scratch_ = std::make_unique<mt::testing::ScratchDatabase>(GetParam());
    database_ = db::openDatabase(scratch_->config());
    db::migrate(*database_, db::twitterMigrations());
    store_ = std::make_unique<db::SqlStore>(*database_);
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    scratch_.reset();
  }

  db::Store& store() { return *store_; }
  db::Database& database() { return *database_; }
  mt::testing::ScratchDatabase& scratch() { return *scratch_; }
  db::Millis now() { return clock_ += 1000; }

  db::User newUser(const std::string& username) {
    db::User user;
    EXPECT_EQ(store().createUser(username, username, "hash", now(), &user),
              db::Store::CreateUserResult::Created);
    return user;
  }
  db::Tweet post(const db::User& author, const std::string& text,
                 std::vector<std::string> mentions = {}) {
    db::Store::NewTweet tweet{author.id, text, std::nullopt, {}, std::move(mentions)};
    db::Tweet posted;
    EXPECT_EQ(store().postTweet(tweet, now(), &posted), db::Store::PostResult::Posted);
    return posted;
  }
  void follow(const db::User& follower, const db::User& followee) {
    EXPECT_EQ(store().follow(follower.id, followee.id, now()), db::Store::GraphResult::Done);
  }
  void block(const db::User& blocker, const db::User& blocked) {
    EXPECT_EQ(store().block(blocker.id, blocked.id, now()), db::Store::GraphResult::Done);
  }

 private:
  std::unique_ptr<mt::testing::ScratchDatabase> scratch_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::SqlStore> store_;
  db::Millis clock_ = 1'700'000'000'000;
};

inline std::string backendTestName(const ::testing::TestParamInfo<mt::testing::Backend>& info) {
  return mt::testing::backendName(info.param);
}

}  // namespace mt::twitter::testing
