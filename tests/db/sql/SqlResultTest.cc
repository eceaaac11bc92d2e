#include <gtest/gtest.h>

#include "DatabaseError.h"
#include "SqlResult.h"

namespace mt::db {
namespace {

SqlResult sample() {
  SqlResult result;
  result.columns = {"id", "name", "ratio", "nothing", "flag"};
  result.rows.push_back(
      {std::int64_t{42}, std::string("ada"), 0.5, std::monostate{}, std::int64_t{1}});
  return result;
}

TEST(SqlResult, ReadsEachTypeItHolds) {
  const SqlResult result = sample();
  EXPECT_EQ(result.size(), 1u);
  EXPECT_FALSE(result.empty());
  EXPECT_EQ(result.integer(0, 0), 42);
  EXPECT_EQ(result.text(0, 1), "ada");
  EXPECT_TRUE(result.boolean(0, 4));
  EXPECT_EQ(result.optionalInteger(0, 0), 42);
  EXPECT_EQ(result.optionalText(0, 1), "ada");
}

TEST(SqlResult, NullsReadAsEmptyOptionals) {
  const SqlResult result = sample();
  EXPECT_EQ(result.optionalInteger(0, 3), std::nullopt);
  EXPECT_EQ(result.optionalText(0, 3), std::nullopt);
  EXPECT_THROW(result.integer(0, 3), DatabaseError);
  EXPECT_THROW(result.text(0, 3), DatabaseError);
}

TEST(SqlResult, AnIntegerReadsAsTextButNotTheOtherWay) {
  const SqlResult result = sample();
  EXPECT_EQ(result.text(0, 0), "42");
  EXPECT_THROW(result.integer(0, 1), DatabaseError);
  EXPECT_THROW(result.integer(0, 2), DatabaseError);
  EXPECT_THROW(result.text(0, 2), DatabaseError);
}

TEST(SqlResult, BooleansAreZeroOrOne) {
  SqlResult result;
  result.columns = {"b"};
  result.rows = {{std::int64_t{0}}, {std::int64_t{2}}, {std::string("t")}};
  EXPECT_FALSE(result.boolean(0, 0));
  EXPECT_THROW(result.boolean(1, 0), DatabaseError);
  EXPECT_THROW(result.boolean(2, 0), DatabaseError);
}

TEST(SqlResult, OutOfRangeCellsThrowAndNameTheColumnOnTypeErrors) {
  const SqlResult result = sample();
  EXPECT_THROW(result.integer(1, 0), DatabaseError);
  EXPECT_THROW(result.integer(0, 9), DatabaseError);
  try {
    result.integer(0, 1);
    FAIL();
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("'name'"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace mt::db
