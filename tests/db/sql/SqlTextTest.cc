#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "SqlText.h"

namespace mt::db {
namespace {

using ::testing::ElementsAre;

TEST(RewriteDollarParameters, NumberedParametersBecomeQuestionMarks) {
  EXPECT_EQ(rewriteDollarParameters("SELECT a FROM t WHERE b = $1 AND c = $12"),
            "SELECT a FROM t WHERE b = ?1 AND c = ?12");
}

TEST(RewriteDollarParameters, LiteralsIdentifiersAndCommentsAreLeftAlone) {
  EXPECT_EQ(rewriteDollarParameters("SELECT '$1', \"$2\", $3 -- $4\n/* $5 */ + $6"),
            "SELECT '$1', \"$2\", ?3 -- $4\n/* $5 */ + ?6");
}

TEST(RewriteDollarParameters, EscapedQuotesStayInsideTheLiteral) {
  EXPECT_EQ(rewriteDollarParameters("SELECT 'it''s $1', $2"), "SELECT 'it''s $1', ?2");
}

TEST(RewriteDollarParameters, DollarQuotedBodiesAndNamesWithDollarsAreLeftAlone) {
  EXPECT_EQ(rewriteDollarParameters("SELECT $$ $1 $$, $tag$ $2 $tag$, a$1, $3"),
            "SELECT $$ $1 $$, $tag$ $2 $tag$, a$1, ?3");
}

TEST(ParameterCount, IsTheHighestNumber) {
  EXPECT_EQ(parameterCount("SELECT 1"), 0);
  EXPECT_EQ(parameterCount("SELECT $2, $1, $2"), 2);
  EXPECT_EQ(parameterCount("SELECT '$9', $3"), 3);
  EXPECT_EQ(parameterCount("SELECT $10"), 10);
}

TEST(SplitSqlScript, SplitsAtSemicolonsAndTrims) {
  EXPECT_THAT(splitSqlScript("CREATE TABLE a (x INT);\n  CREATE TABLE b (y INT);\n"),
              ElementsAre("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"));
}

TEST(SplitSqlScript, KeepsALastStatementWithoutSemicolonAndDropsEmptyOnes) {
  EXPECT_THAT(splitSqlScript(";\n;  SELECT 1;;\nSELECT 2  \n"),
              ElementsAre("SELECT 1", "SELECT 2"));
  EXPECT_THAT(splitSqlScript("  \n "), ElementsAre());
}

TEST(SplitSqlScript, IgnoresSemicolonsInLiteralsAndComments) {
  EXPECT_THAT(splitSqlScript("INSERT INTO t VALUES ('a;b');\n-- one; two\nSELECT \"x;y\" /* ; */;"),
              ElementsAre("INSERT INTO t VALUES ('a;b')", "-- one; two\nSELECT \"x;y\" /* ; */"));
}

TEST(SplitSqlScript, DropsCommentOnlyPieces) {
  EXPECT_THAT(splitSqlScript("SELECT 1;\n-- the end\n"), ElementsAre("SELECT 1"));
}

TEST(SplitSqlScript, KeepsADollarQuotedFunctionBodyWhole) {
  const char* script =
      "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  UPDATE t SET n = n + 1;\n  RETURN "
      "NEW;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1;";
  const auto statements = splitSqlScript(script);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_THAT(std::string(statements[0]), ::testing::EndsWith("$$ LANGUAGE plpgsql"));
  EXPECT_EQ(statements[1], "SELECT 1");
}

TEST(SplitSqlScript, KeepsATriggerBodyWhole) {
  const char* script =
      "CREATE TRIGGER bump AFTER INSERT ON t BEGIN\n"
      "  UPDATE c SET n = CASE WHEN n > 9 THEN 0 ELSE n + 1 END;\n"
      "  UPDATE d SET m = m + 1;\n"
      "END;\n"
      "CREATE TEMP TRIGGER IF NOT EXISTS other AFTER DELETE ON t BEGIN DELETE FROM c; END;\n"
      "CREATE INDEX i ON t (x);";
  const auto statements = splitSqlScript(script);
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_THAT(std::string(statements[0]), ::testing::StartsWith("CREATE TRIGGER bump"));
  EXPECT_THAT(std::string(statements[0]), ::testing::EndsWith("m = m + 1;\nEND"));
  EXPECT_EQ(statements[1],
            "CREATE TEMP TRIGGER IF NOT EXISTS other AFTER DELETE ON t BEGIN DELETE FROM c; END");
  EXPECT_EQ(statements[2], "CREATE INDEX i ON t (x)");
}

}  // namespace
}  // namespace mt::db
