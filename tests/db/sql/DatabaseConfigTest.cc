#include <gtest/gtest.h>

#include <stdexcept>

#include "DatabaseConfig.h"

namespace mt::db {
namespace {

const std::filesystem::path kDefault = "data/minitwitter.db";

DatabaseConfig resolve(const std::string& database,
                       const std::map<std::string, std::string>& environment = {}) {
  return resolveDatabaseConfig(database, environment, kDefault);
}

TEST(ResolveDatabaseConfig, NothingGivenIsTheEmbeddedDefault) {
  const DatabaseConfig config = resolve("", {{"HOST", "db.example"}, {"USER", "bob"}});
  EXPECT_EQ(config.dialect, Dialect::Sqlite);
  EXPECT_EQ(config.sqlitePath, kDefault);
}

TEST(ResolveDatabaseConfig, PostgresUrlsAreTakenAsTheyAre) {
  for (const std::string url :
       {"postgresql://u:p@h:5433/twitter?sslmode=disable", "postgres://h/twitter"}) {
    const DatabaseConfig config = resolve(url);
    EXPECT_EQ(config.dialect, Dialect::PostgreSql) << url;
    EXPECT_EQ(config.postgresUrl, url);
  }
}

TEST(ResolveDatabaseConfig, SqlitePrefixAndPlainPathsAreSqliteFiles) {
  EXPECT_EQ(resolve("sqlite:/var/lib/mt/x.db").sqlitePath, "/var/lib/mt/x.db");
  EXPECT_EQ(resolve("sqlite:rel/x.db").dialect, Dialect::Sqlite);
  EXPECT_EQ(resolve("./my.db").sqlitePath, "./my.db");
  EXPECT_EQ(resolve("/tmp/other.db").dialect, Dialect::Sqlite);
}

TEST(ResolveDatabaseConfig, TheFlagWinsOverTheEnvironment) {
  const DatabaseConfig config = resolve("x.db", {{"DB", "twitter"}});
  EXPECT_EQ(config.dialect, Dialect::Sqlite);
}

TEST(ResolveDatabaseConfig, DbInTheEnvironmentSelectsPostgres) {
  const DatabaseConfig config =
      resolve("", {{"HOST", "10.0.0.1"}, {"DB", "twitter"}, {"USER", "tw"}, {"PASS", "pw"}});
  EXPECT_EQ(config.dialect, Dialect::PostgreSql);
  EXPECT_EQ(config.postgresUrl, "postgresql://tw:pw@10.0.0.1/twitter");
}

TEST(ResolveDatabaseConfig, EnvironmentDefaultsToLocalhostWithoutCredentials) {
  EXPECT_EQ(resolve("", {{"DB", "twitter"}}).postgresUrl, "postgresql://localhost/twitter");
  EXPECT_EQ(resolve("", {{"DB", "twitter"}, {"HOST", "db:5433"}}).postgresUrl,
            "postgresql://db:5433/twitter");
  EXPECT_EQ(resolve("", {{"DB", "twitter"}, {"HOST", "::1"}}).postgresUrl,
            "postgresql://[::1]/twitter");
}

TEST(ResolveDatabaseConfig, EnvironmentCredentialsArePercentEncoded) {
  const DatabaseConfig config =
      resolve("", {{"DB", "twitter"}, {"USER", "a@b"}, {"PASS", "p:w/d@x%y z"}});
  EXPECT_EQ(config.postgresUrl, "postgresql://a%40b:p%3Aw%2Fd%40x%25y%20z@localhost/twitter");
}

TEST(ResolveDatabaseConfig, UnsupportedUrlsAreRefusedClearly) {
  try {
    resolve("mysql://root:secret@h/twitter");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("mysql"), std::string::npos) << message;
    EXPECT_EQ(message.find("secret"), std::string::npos) << message;
  }
  EXPECT_THROW(resolve("sqlite:"), std::invalid_argument);
}

TEST(DatabaseConfigDescribe, HidesThePassword) {
  DatabaseConfig config = resolve("postgresql://tw:s3cret@h:5432/twitter?sslmode=require");
  EXPECT_EQ(config.describe(), "postgresql://tw:***@h:5432/twitter?sslmode=require");
  config.postgresUrl = "postgresql://h/twitter?user=tw&password=s3cret&x=1";
  EXPECT_EQ(config.describe(), "postgresql://h/twitter?user=tw&password=***&x=1");
  config.postgresUrl = "postgresql://tw@h/twitter";
  EXPECT_EQ(config.describe(), "postgresql://tw@h/twitter");
}

TEST(DatabaseConfigDescribe, IsThePathForSqlite) {
  EXPECT_EQ(resolve("sqlite:data/x.db").describe(), "data/x.db");
}

}  // namespace
}  // namespace mt::db
