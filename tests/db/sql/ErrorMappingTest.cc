#include <gtest/gtest.h>
#include <sqlite3.h>

#include "DatabaseError.h"
#include "PgErrors.h"
#include "SqliteErrors.h"

namespace mt::db {
namespace {

TEST(SqliteConstraintName, IsWhatFollowsTheColon) {
  EXPECT_EQ(sqliteConstraintName("UNIQUE constraint failed: users.username_key"),
            "users.username_key");
  EXPECT_EQ(sqliteConstraintName("UNIQUE constraint failed: follows.a, follows.b"),
            "follows.a, follows.b");
  EXPECT_EQ(sqliteConstraintName("CHECK constraint failed: positive"), "positive");
  EXPECT_EQ(sqliteConstraintName("FOREIGN KEY constraint failed"), "");
}

TEST(ThrowSqliteError, MapsCodesToTheErrorFamily) {
  EXPECT_THROW(throwSqliteError(SQLITE_CONSTRAINT_UNIQUE, "UNIQUE constraint failed: t.x", "s"),
               ConstraintViolation);
  EXPECT_THROW(throwSqliteError(SQLITE_BUSY, "database is locked", "s"), TransactionConflict);
  EXPECT_THROW(throwSqliteError(SQLITE_LOCKED_SHAREDCACHE, "locked", "s"), TransactionConflict);
  try {
    throwSqliteError(SQLITE_ERROR, "near \"SELEC\": syntax error", "my_statement");
    FAIL();
  } catch (const ConstraintViolation&) {
    FAIL() << "not a constraint";
  } catch (const DatabaseError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("my_statement"), std::string::npos) << message;
    EXPECT_EQ(message.find("SELEC"), std::string::npos) << message;
  }
}

TEST(ThrowSqliteError, KeepsTheConstraintName) {
  try {
    throwSqliteError(SQLITE_CONSTRAINT_UNIQUE, "UNIQUE constraint failed: users.username", "s");
    FAIL();
  } catch (const ConstraintViolation& error) {
    EXPECT_EQ(error.constraint(), "users.username");
  }
}

TEST(PostgresConstraintName, IsTheQuotedNameOnTheFirstLine) {
  EXPECT_EQ(postgresConstraintName("ERROR:  duplicate key value violates unique constraint "
                                   "\"users_username_key\"\nDETAIL:  Key (username)=(bob) "
                                   "already exists.\n"),
            "users_username_key");
  EXPECT_EQ(postgresConstraintName("ERROR:  insert or update on table \"tweets\" violates foreign "
                                   "key constraint \"tweets_author_id_fkey\"\n"),
            "tweets_author_id_fkey");
  EXPECT_EQ(postgresConstraintName("ERROR:  null value in column \"name\" of relation \"users\" "
                                   "violates not-null constraint\nDETAIL: Failing row"),
            "users.name");
  EXPECT_EQ(postgresConstraintName("ERROR:  something else\nDETAIL: constraint \"x\""), "");
}

TEST(ClassifySqlState, GroupsStatesByWhatTheDriverDoes) {
  EXPECT_EQ(classifySqlState("23505"), PgFailure::Constraint);
  EXPECT_EQ(classifySqlState("23503"), PgFailure::Constraint);
  EXPECT_EQ(classifySqlState("40001"), PgFailure::Conflict);
  EXPECT_EQ(classifySqlState("40P01"), PgFailure::Conflict);
  EXPECT_EQ(classifySqlState("08006"), PgFailure::Unavailable);
  EXPECT_EQ(classifySqlState("57P01"), PgFailure::Unavailable);
  EXPECT_EQ(classifySqlState("42601"), PgFailure::Other);
  EXPECT_EQ(classifySqlState(""), PgFailure::Other);
}

}  // namespace
}  // namespace mt::db
