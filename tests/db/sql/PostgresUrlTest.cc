#include <gtest/gtest.h>

#include "PostgresUrl.h"

namespace mt::db {
namespace {

using namespace std::chrono_literals;

TEST(AddConnectionParameter, StartsOrExtendsTheQueryOfAUri) {
  EXPECT_EQ(addConnectionParameter("postgresql://h/db", "options", "-csearch_path=s1"),
            "postgresql://h/db?options=-csearch_path%3Ds1");
  EXPECT_EQ(addConnectionParameter("postgresql://h/db?sslmode=disable", "a", "b c"),
            "postgresql://h/db?sslmode=disable&a=b%20c");
  EXPECT_EQ(addConnectionParameter("postgres://h/db?", "a", "1"), "postgres://h/db?a=1");
}

TEST(AddConnectionParameter, QuotesTheValueInAKeywordList) {
  EXPECT_EQ(addConnectionParameter("host=h dbname=db", "options", "-c x='y'"),
            "host=h dbname=db options='-c x=\\'y\\''");
}

TEST(WithConnectTimeout, AddsWholeSecondsUnlessAlreadySet) {
  EXPECT_EQ(withConnectTimeout("postgresql://h/db", 1500ms), "postgresql://h/db?connect_timeout=2");
  EXPECT_EQ(withConnectTimeout("postgresql://h/db?connect_timeout=9", 5s),
            "postgresql://h/db?connect_timeout=9");
  EXPECT_EQ(withConnectTimeout("host=h connect_timeout=9", 5s), "host=h connect_timeout=9");
  EXPECT_EQ(withConnectTimeout("host=h", 5s), "host=h connect_timeout='5'");
}

TEST(RedactPassword, HidesKeywordPasswords) {
  EXPECT_EQ(redactPassword("host=h password=s3cret user=u"), "host=h password=*** user=u");
  EXPECT_EQ(redactPassword("host=h password='s3 cr\\'et' user=u"), "host=h password=*** user=u");
}

TEST(RedactPassword, HidesAPasswordThatHoldsAnAtSign) {
  EXPECT_EQ(redactPassword("postgresql://u:p@ss@h/db"), "postgresql://u:***@h/db");
}

TEST(PercentEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percentEncode("aZ9-._~ /:@%é"), "aZ9-._~%20%2F%3A%40%25%C3%A9");
}

}  // namespace
}  // namespace mt::db
