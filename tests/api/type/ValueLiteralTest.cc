#include <gtest/gtest.h>

#include "Parser.h"
#include "SchemaBuilder.h"
#include "ValueLiteral.h"

namespace mt::api {
namespace {

class ValueLiteralTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = SchemaBuilder(R"(
      enum Color { RED GREEN }
      input Point { x: Int! y: Float label: String color: Color }
      type Query { f(p: Point, i: ID, f: Float, s: String, c: [Color], n: [Int!]!): Int }
    )")
                  .build();
    arena_.emplace(*schema_);
  }

  std::optional<std::string> print(const Value& value, const std::string& typeText) {
    return printValueLiteral(value, *arena_->fromAst(parseType(typeText).type));
  }

  std::shared_ptr<const Schema> schema_;
  std::optional<TypeArena> arena_;
};

// Expected texts are graphql-js's print(astFromValue(value, type)).
TEST_F(ValueLiteralTest, Leaves) {
  EXPECT_EQ(print(Value(5), "Int"), "5");
  EXPECT_EQ(print(Value(1.0), "Float"), "1");
  EXPECT_EQ(print(Value(1e25), "Float"), "1e+25");
  EXPECT_EQ(print(Value(0.5), "Float"), "0.5");
  EXPECT_EQ(print(Value(true), "Boolean"), "true");
  EXPECT_EQ(print(Value("say \"hi\"\n\x01"), "String"), R"("say \"hi\"\n\u0001")");
  EXPECT_EQ(print(Value("RED"), "Color"), "RED");
  EXPECT_EQ(print(Value("123"), "ID"), "123");  // an integer-looking ID is an Int literal
  EXPECT_EQ(print(Value("0123"), "ID"), "\"0123\"");
  EXPECT_EQ(print(Value("abc"), "ID"), "\"abc\"");
  EXPECT_EQ(print(Value(), "Int"), "null");
}

TEST_F(ValueLiteralTest, ListsAndObjects) {
  EXPECT_EQ(print(Value::list({"RED", "GREEN"}), "[Color]"), "[RED, GREEN]");
  EXPECT_EQ(print(Value::list({}), "[Color]"), "[]");
  EXPECT_EQ(print(Value("RED"), "[Color]"), "RED");  // a single value for a list
  // Fields in the type's order; absent ones left out, null ones kept.
  EXPECT_EQ(print(Value::object({{"label", "a"}, {"x", 1}, {"y", Value()}}), "Point"),
            "{x: 1, y: null, label: \"a\"}");
  EXPECT_EQ(print(Value::object({}), "Point"), "{}");
  EXPECT_EQ(print(Value(1), "Point"), std::nullopt);
}

TEST_F(ValueLiteralTest, NonNull) {
  EXPECT_EQ(print(Value::list({1, 2}), "[Int!]!"), "[1, 2]");
  EXPECT_EQ(print(Value(), "Int!"), std::nullopt);
  EXPECT_EQ(print(Value::list({1, Value()}), "[Int!]"), "[1]");  // as astFromValue drops it
}

}  // namespace
}  // namespace mt::api
