// The Twitter's schema migrations.
#include <memory>

#include "Migrations.h"
#include "StoreTestSupport.h"
#include "TwitterMigrations.h"

namespace mt::db::testing {
namespace {

using MigrationStoreTest = StoreTest;

TEST_P(MigrationStoreTest, VersionsAreOneTwoThreeInOrder) {
  auto migrations = twitterMigrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
    EXPECT_FALSE(migrations[i].name.empty());
    EXPECT_FALSE(migrations[i].postgresSql.empty());
    EXPECT_FALSE(migrations[i].sqliteSql.empty());
  }
}

TEST_P(MigrationStoreTest, AFreshDatabaseGetsEveryMigration) {
  mt::testing::ScratchDatabase scratch(GetParam());
  auto fresh = openDatabase(scratch.config());
  EXPECT_EQ(schemaVersion(*fresh), 0);
  MigrationReport report = migrate(*fresh, twitterMigrations());
  auto latest = static_cast<int>(twitterMigrations().size());
  EXPECT_EQ(report.versionBefore, 0);
  EXPECT_EQ(report.versionAfter, latest);
  ASSERT_EQ(report.applied.size(), twitterMigrations().size());
  EXPECT_EQ(report.applied[0], "1 twitter_schema");
  EXPECT_EQ(schemaVersion(*fresh), latest);
}

TEST_P(MigrationStoreTest, MigratingAgainChangesNothing) {
  User alice = newUser("alice");
  Tweet tweet = post(alice, "survives");
  auto latest = static_cast<int>(twitterMigrations().size());
  for (int round = 0; round < 2; ++round) {
    MigrationReport report = migrate(database(), twitterMigrations());
    EXPECT_EQ(report.versionBefore, latest);
    EXPECT_EQ(report.versionAfter, latest);
    EXPECT_TRUE(report.applied.empty());
  }
  EXPECT_EQ(schemaVersion(database()), latest);
  EXPECT_TRUE(seen(0, tweet.id));
  EXPECT_EQ(reload(alice).tweetCount, 1);
}

MT_STORE_TEST_SUITE(MigrationStoreTest);

}  // namespace
}  // namespace mt::db::testing
