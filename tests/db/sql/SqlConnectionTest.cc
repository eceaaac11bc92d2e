#include <gmock/gmock.h>

#include <cmath>
#include <limits>

#include "BackendTest.h"
#include "DatabaseError.h"

namespace mt::db::testing {
namespace {

constexpr Statement kCreateItems{"test_create_items",
                                 "CREATE TABLE items ("
                                 "id BIGINT PRIMARY KEY, "
                                 "label TEXT, "
                                 "amount BIGINT, "
                                 "ratio DOUBLE PRECISION, "
                                 "flag BOOLEAN)"};
constexpr Statement kInsertItem{
    "test_insert_item",
    "INSERT INTO items (id, label, amount, ratio, flag) VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kSelectItem{"test_select_item",
                                "SELECT id, label, amount, ratio, flag FROM items WHERE id = $1"};
constexpr Statement kFindByLabel{"test_find_by_label", "SELECT id FROM items WHERE label = $1"};
constexpr Statement kCountItems{"test_count_items", "SELECT count(*) AS n FROM items"};

class SqlConnectionTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    lease_.emplace(database().pool().acquire());
    connection().execute(kCreateItems);
  }
  void TearDown() override {
    lease_.reset();
    BackendTest::TearDown();
  }
  SqlConnection& connection() { return **lease_; }

  std::optional<ConnectionPool::Lease> lease_;
};

TEST_P(SqlConnectionTest, ReportsItsDialect) {
  EXPECT_EQ(connection().dialect(), postgres() ? Dialect::PostgreSql : Dialect::Sqlite);
  EXPECT_EQ(database().dialect(), connection().dialect());
  EXPECT_FALSE(connection().broken());
}

TEST_P(SqlConnectionTest, EveryValueTypeRoundTrips) {
  const SqlResult inserted = connection().execute(
      kInsertItem, {std::int64_t{1}, std::string("ada"), std::int64_t{-42}, 0.1, std::int64_t{1}});
  EXPECT_EQ(inserted.affectedRows, 1);
  const SqlResult result = connection().execute(kSelectItem, {std::int64_t{1}});
  ASSERT_EQ(result.size(), 1u);
  EXPECT_THAT(result.columns, ::testing::ElementsAre("id", "label", "amount", "ratio", "flag"));
  EXPECT_EQ(result.rows[0][0], SqlValue(std::int64_t{1}));
  EXPECT_EQ(result.rows[0][1], SqlValue(std::string("ada")));
  EXPECT_EQ(result.rows[0][2], SqlValue(std::int64_t{-42}));
  EXPECT_EQ(result.rows[0][3], SqlValue(0.1));
  EXPECT_EQ(result.rows[0][4], SqlValue(std::int64_t{1}));
  EXPECT_TRUE(result.boolean(0, 4));
}

TEST_P(SqlConnectionTest, ExtremeNumbersRoundTrip) {
  const std::int64_t integers[] = {std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max(), 0, -1};
  const double reals[] = {std::numeric_limits<double>::max(),
                          std::numeric_limits<double>::denorm_min(), -2.5e-300, 3.141592653589793,
                          std::numeric_limits<double>::infinity()};
  std::int64_t id = 0;
  for (const std::int64_t integer : integers) {
    for (const double real : reals) {
      ++id;
      connection().execute(kInsertItem, {id, std::monostate{}, integer, real, std::int64_t{0}});
      const SqlResult result = connection().execute(kSelectItem, {id});
      EXPECT_EQ(result.integer(0, 2), integer);
      EXPECT_EQ(std::get<double>(result.rows[0][3]), real) << real;
      EXPECT_FALSE(result.boolean(0, 4));
    }
  }
}

TEST_P(SqlConnectionTest, NullsRoundTripInEveryColumn) {
  connection().execute(kInsertItem, {std::int64_t{7}, std::monostate{}, std::monostate{},
                                     std::monostate{}, std::monostate{}});
  const SqlResult result = connection().execute(kSelectItem, {std::int64_t{7}});
  ASSERT_EQ(result.size(), 1u);
  for (std::size_t column = 1; column < 5; ++column) {
    EXPECT_TRUE(isNull(result.rows[0][column])) << column;
  }
  EXPECT_EQ(result.optionalText(0, 1), std::nullopt);
  EXPECT_EQ(result.optionalInteger(0, 2), std::nullopt);
}

TEST_P(SqlConnectionTest, HostileTextIsStoredVerbatim) {
  const std::string texts[] = {
      "",
      "O'Brien",
      "'; DROP TABLE items; --",
      "\"); DELETE FROM items; --",
      "$1 ?1 :name @p %s",
      "back\\slash \\' \\\"",
      "line\nbreak\ttab\r",
      "héllo wörld 🐦 ∑",
      "/* not a comment */ -- nor this",
      std::string(100'000, 'x'),
  };
  std::int64_t id = 0;
  for (const std::string& text : texts) {
    ++id;
    connection().execute(kInsertItem,
                         {id, text, std::monostate{}, std::monostate{}, std::monostate{}});
  }
  EXPECT_EQ(connection().execute(kCountItems).integer(0, 0), id);
  id = 0;
  for (const std::string& text : texts) {
    ++id;
    EXPECT_EQ(connection().execute(kSelectItem, {id}).text(0, 1), text);
    const SqlResult found = connection().execute(kFindByLabel, {text});
    ASSERT_EQ(found.size(), 1u) << text.substr(0, 40);
    EXPECT_EQ(found.integer(0, 0), id);
  }
}

TEST_P(SqlConnectionTest, TextWithANulCharacterIsKeptBySqliteAndRefusedByPostgres) {
  const std::string withNul("a\0b", 3);
  if (postgres()) {
    EXPECT_THROW(connection().execute(kFindByLabel, {withNul}), DatabaseError);
    EXPECT_FALSE(connection().broken());
    return;
  }
  connection().execute(kInsertItem, {std::int64_t{1}, withNul, std::monostate{}, std::monostate{},
                                     std::monostate{}});
  EXPECT_EQ(connection().execute(kSelectItem, {std::int64_t{1}}).text(0, 1), withNul);
}

TEST_P(SqlConnectionTest, DollarSignsInLiteralsAreNotParameters) {
  connection().execute(kInsertItem, {std::int64_t{1}, std::string("a"), std::monostate{},
                                     std::monostate{}, std::monostate{}});
  constexpr Statement kLiteral{"test_literal_dollar",
                               "SELECT label, '$2' AS literal FROM items WHERE id = $1"};
  const SqlResult result = connection().execute(kLiteral, {std::int64_t{1}});
  EXPECT_EQ(result.text(0, 0), "a");
  EXPECT_EQ(result.text(0, 1), "$2");
}

TEST_P(SqlConnectionTest, AffectedRowsCountUpdatesAndDeletes) {
  for (std::int64_t id = 1; id <= 3; ++id) {
    connection().execute(kInsertItem,
                         {id, std::string("x"), id, std::monostate{}, std::monostate{}});
  }
  constexpr Statement kBump{"test_bump", "UPDATE items SET amount = amount + 1 WHERE amount >= $1"};
  EXPECT_EQ(connection().execute(kBump, {std::int64_t{2}}).affectedRows, 2);
  constexpr Statement kDelete{"test_delete", "DELETE FROM items WHERE id = $1"};
  EXPECT_EQ(connection().execute(kDelete, {std::int64_t{9}}).affectedRows, 0);
  EXPECT_EQ(connection().execute(kDelete, {std::int64_t{1}}).affectedRows, 1);
  EXPECT_EQ(connection().execute(kCountItems).affectedRows, 0);
}

TEST_P(SqlConnectionTest, ReturningRowsComeBack) {
  constexpr Statement kInsertReturning{
      "test_insert_returning", "INSERT INTO items (id, label) VALUES ($1, $2) RETURNING id, label"};
  const SqlResult result =
      connection().execute(kInsertReturning, {std::int64_t{5}, std::string("r")});
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result.integer(0, 0), 5);
  EXPECT_EQ(result.text(0, 1), "r");
  EXPECT_EQ(result.affectedRows, 1);
}

TEST_P(SqlConnectionTest, AggregatesComeBackAsNumbers) {
  connection().execute(kInsertItem,
                       {std::int64_t{1}, std::monostate{}, std::int64_t{3}, 1.5, std::monostate{}});
  connection().execute(kInsertItem,
                       {std::int64_t{2}, std::monostate{}, std::int64_t{4}, 2.5, std::monostate{}});
  constexpr Statement kSums{"test_sums",
                            "SELECT count(*), sum(amount), sum(ratio), max(id) FROM items"};
  const SqlResult result = connection().execute(kSums);
  EXPECT_EQ(result.integer(0, 0), 2);
  // PostgreSQL's sum(bigint) is numeric: it comes back as a double there.
  if (postgres()) {
    EXPECT_EQ(std::get<double>(result.rows[0][1]), 7.0);
  } else {
    EXPECT_EQ(result.integer(0, 1), 7);
  }
  EXPECT_EQ(std::get<double>(result.rows[0][2]), 4.0);
  EXPECT_EQ(result.integer(0, 3), 2);
}

TEST_P(SqlConnectionTest, AStatementIsPreparedOnceAndReused) {
  const std::uint64_t before = database().statementsExecuted();
  for (std::int64_t id = 1; id <= 20; ++id) {
    connection().execute(kInsertItem,
                         {id, std::string("n"), id, std::monostate{}, std::monostate{}});
  }
  EXPECT_EQ(connection().execute(kCountItems).integer(0, 0), 20);
  EXPECT_EQ(database().statementsExecuted() - before, 21u);
}

TEST_P(SqlConnectionTest, TheStatementCounterCountsEveryConnection) {
  const std::uint64_t before = database().statementsExecuted();
  {
    ConnectionPool::Lease other = database().pool().acquire();
    other->execute(kCountItems);
    other->execute(kCountItems);
  }
  connection().execute(kCountItems);
  EXPECT_EQ(database().statementsExecuted() - before, 3u);
}

TEST_P(SqlConnectionTest, WrongParameterCountsAreRefused) {
  EXPECT_THROW(connection().execute(kSelectItem), DatabaseError);
  EXPECT_THROW(connection().execute(kSelectItem, {std::int64_t{1}, std::int64_t{2}}),
               DatabaseError);
  // The connection is still fine.
  EXPECT_TRUE(connection().execute(kSelectItem, {std::int64_t{1}}).empty());
  EXPECT_FALSE(connection().broken());
}

TEST_P(SqlConnectionTest, OneNameForTwoTextsIsRefused) {
  constexpr Statement kFirst{"test_same_name", "SELECT 1"};
  constexpr Statement kSecond{"test_same_name", "SELECT 2"};
  connection().execute(kFirst);
  EXPECT_THROW(connection().execute(kSecond), DatabaseError);
}

TEST_P(SqlConnectionTest, BadSqlIsADatabaseErrorThatDoesNotQuoteTheSql) {
  constexpr Statement kBad{"test_bad_sql", "SELEC secret_column FROM nowhere"};
  try {
    connection().execute(kBad);
    FAIL() << "no exception";
  } catch (const ConstraintViolation&) {
    FAIL() << "not a constraint violation";
  } catch (const DatabaseUnavailable&) {
    FAIL() << "not unavailable";
  } catch (const DatabaseError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.find("secret_column"), std::string::npos) << message;
    EXPECT_NE(message.find("test_bad_sql"), std::string::npos) << message;
  }
  EXPECT_FALSE(connection().broken());
  EXPECT_EQ(connection().execute(kCountItems).integer(0, 0), 0);
}

TEST_P(SqlConnectionTest, BadValuesDoNotLeakIntoTheMessage) {
  if (!postgres()) GTEST_SKIP() << "SQLite stores any value in any column";
  constexpr Statement kCast{"test_cast", "SELECT $1::bigint"};
  try {
    connection().execute(kCast, {std::string("my-secret-value")});
    FAIL() << "no exception";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(std::string(error.what()).find("my-secret-value"), std::string::npos) << error.what();
  }
}

MT_INSTANTIATE_BACKEND_TEST(SqlConnectionTest);

}  // namespace
}  // namespace mt::db::testing
