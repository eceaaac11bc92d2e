#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "Database.h"
#include "Model.h"
#include "SqlStore.h"
#include "TestDatabases.h"

namespace mt::db::testing {

// The conformance suite's fixture: each test gets a fresh database of its backend
// (mt::testing::ScratchDatabase), migrated with twitterMigrations(), and a SqlStore on
// it, so one test never sees another's rows.
class StoreTest : public ::testing::TestWithParam<mt::testing::Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  Database& database() { return *database_; }
  SqlStore& store() { return *store_; }

  // A clock that moves one second per call, so rows get distinct, ordered times.
  Millis now() { return clock_ += 1000; }

  // A new user (display name = username); fails the test if the name is taken.
  User newUser(const std::string& username);
  // The user as stored now (counters included).
  User reload(const User& user);

  // Posts and expects it to succeed.
  Tweet post(const User& author, const std::string& text, std::vector<std::string> hashtags = {},
             std::vector<std::string> mentions = {}, std::optional<Id> replyTo = std::nullopt);
  Tweet reply(const User& author, const Tweet& to, const std::string& text);
  // The tweet as `viewer` sees it now; nullopt when missing or invisible.
  std::optional<Tweet> seen(Id viewer, Id tweetId);
  void follow(const User& follower, const User& followee);
  void block(const User& blocker, const User& blocked);

 private:
  std::unique_ptr<mt::testing::ScratchDatabase> scratch_;
  std::unique_ptr<Database> database_;
  std::unique_ptr<SqlStore> store_;
  Millis clock_ = 1'700'000'000'000;
};

// `limit` tweets or users older than `before` (none: from the newest).
PageRequest pageOf(int limit, std::optional<Id> before = std::nullopt);

// The ids of a page's or a list's tweets, in order.
std::vector<Id> idsOf(const Page<Tweet>& page);
std::vector<Id> idsOf(const std::vector<Tweet>& tweets);
std::vector<Id> userIdsOf(const Page<UserEdge>& page);

// For INSTANTIATE_TEST_SUITE_P: tests are named after their backend ("SQLite").
std::string backendTestName(const ::testing::TestParamInfo<mt::testing::Backend>& info);

}  // namespace mt::db::testing

// Every suite runs once per available backend.
#define MT_STORE_TEST_SUITE(Suite)                                                              \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::ValuesIn(::mt::testing::testBackends()), \
                           ::mt::db::testing::backendTestName)
