#include <gmock/gmock.h>

#include "BackendTest.h"
#include "DatabaseError.h"

namespace mt::db::testing {
namespace {

using ::testing::Eq;

constexpr Statement kCreateUsers{"test_c_users",
                                 "CREATE TABLE users ("
                                 "id BIGINT PRIMARY KEY, "
                                 "username TEXT NOT NULL, "
                                 "age BIGINT CONSTRAINT users_age_positive CHECK (age > 0), "
                                 "CONSTRAINT users_username_key UNIQUE (username))"};
constexpr Statement kCreatePosts{"test_c_posts",
                                 "CREATE TABLE posts ("
                                 "id BIGINT PRIMARY KEY, "
                                 "author BIGINT NOT NULL CONSTRAINT posts_author_fkey "
                                 "REFERENCES users (id))"};
constexpr Statement kInsertUser{"test_c_insert_user",
                                "INSERT INTO users (id, username, age) VALUES ($1, $2, $3)"};
constexpr Statement kInsertPost{"test_c_insert_post",
                                "INSERT INTO posts (id, author) VALUES ($1, $2)"};

class ConstraintTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    lease_.emplace(database().pool().acquire());
    connection().execute(kCreateUsers);
    connection().execute(kCreatePosts);
    connection().execute(kInsertUser, {std::int64_t{1}, std::string("ada"), std::int64_t{36}});
  }
  void TearDown() override {
    lease_.reset();
    BackendTest::TearDown();
  }
  SqlConnection& connection() { return **lease_; }

  // The violation `statement` causes; fails the test if it throws anything else.
  ConstraintViolation violation(const Statement& statement,
                                std::initializer_list<SqlValue> params) {
    try {
      connection().execute(statement, params);
    } catch (const ConstraintViolation& error) {
      return error;
    }
    ADD_FAILURE() << "no ConstraintViolation";
    return ConstraintViolation("", "");
  }

  std::optional<ConnectionPool::Lease> lease_;
};

TEST_P(ConstraintTest, UniqueViolationsNameTheConstraint) {
  const ConstraintViolation error =
      violation(kInsertUser, {std::int64_t{2}, std::string("ada"), std::int64_t{20}});
  EXPECT_THAT(error.constraint(), postgres() ? Eq("users_username_key") : Eq("users.username"));
  EXPECT_THAT(std::string(error.what()), ::testing::HasSubstr("unique"));
}

TEST_P(ConstraintTest, PrimaryKeyViolationsAreConstraintViolations) {
  const ConstraintViolation error =
      violation(kInsertUser, {std::int64_t{1}, std::string("bob"), std::int64_t{20}});
  EXPECT_THAT(error.constraint(), postgres() ? Eq("users_pkey") : Eq("users.id"));
}

TEST_P(ConstraintTest, ForeignKeyViolationsAreConstraintViolations) {
  const ConstraintViolation error = violation(kInsertPost, {std::int64_t{1}, std::int64_t{99}});
  // SQLite does not say which foreign key failed.
  EXPECT_THAT(error.constraint(), postgres() ? Eq("posts_author_fkey") : Eq(""));
  EXPECT_THAT(std::string(error.what()), ::testing::HasSubstr("foreign key"));
  connection().execute(kInsertPost, {std::int64_t{1}, std::int64_t{1}});
}

TEST_P(ConstraintTest, CheckViolationsNameTheConstraint) {
  const ConstraintViolation error =
      violation(kInsertUser, {std::int64_t{2}, std::string("bob"), std::int64_t{-1}});
  EXPECT_EQ(error.constraint(), "users_age_positive");
}

TEST_P(ConstraintTest, NotNullViolationsAreConstraintViolations) {
  const ConstraintViolation error =
      violation(kInsertUser, {std::int64_t{2}, std::monostate{}, std::int64_t{5}});
  EXPECT_EQ(error.constraint(), "users.username");
}

TEST_P(ConstraintTest, TheMessageNeverQuotesTheValues) {
  const ConstraintViolation error =
      violation(kInsertUser, {std::int64_t{2}, std::string("ada"), std::int64_t{20}});
  (void)error;
  connection().execute(kInsertUser, {std::int64_t{3}, std::string("s3cret-name"), std::int64_t{5}});
  const ConstraintViolation second =
      violation(kInsertUser, {std::int64_t{4}, std::string("s3cret-name"), std::int64_t{5}});
  EXPECT_EQ(std::string(second.what()).find("s3cret"), std::string::npos) << second.what();
}

TEST_P(ConstraintTest, TheConnectionStaysUsable) {
  violation(kInsertUser, {std::int64_t{2}, std::string("ada"), std::int64_t{20}});
  EXPECT_FALSE(connection().broken());
  connection().execute(kInsertUser, {std::int64_t{2}, std::string("bob"), std::int64_t{20}});
}

MT_INSTANTIATE_BACKEND_TEST(ConstraintTest);

}  // namespace
}  // namespace mt::db::testing
