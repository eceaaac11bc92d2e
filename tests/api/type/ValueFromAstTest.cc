#include <gtest/gtest.h>

#include <optional>

#include "Parser.h"
#include "SchemaBuilder.h"
#include "ValueFromAst.h"

namespace mt::api {
namespace {

class ValueFromAstTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = SchemaBuilder(R"(
      enum Color { RED GREEN }
      input Point { x: Int! y: Int = 0 label: String }
      input Choice @oneOf { a: Int b: String }
      type Query { f(p: Point, c: Choice, color: Color, n: Float, i: ID): Int }
    )")
                  .build();
    arena_.emplace(*schema_);
  }

  // The literal `text` coerced to the type `typeText` spells.
  std::optional<Value> coerce(const std::string& text, const std::string& typeText,
                              const Value& variables = Value()) {
    const ParsedValue literal = parseValue(text);
    const ParsedType type = parseType(typeText);
    const Type* resolved = arena_->fromAst(type.type);
    EXPECT_NE(resolved, nullptr) << typeText;
    return valueFromAst(literal.value, *resolved, variables);
  }

  std::shared_ptr<const Schema> schema_;
  std::optional<TypeArena> arena_;
};

TEST_F(ValueFromAstTest, Leaves) {
  EXPECT_EQ(coerce("123", "Int"), Value(123));
  EXPECT_EQ(coerce("123", "Float"), Value(123.0));
  EXPECT_EQ(coerce("\"x\"", "ID"), Value("x"));
  EXPECT_EQ(coerce("RED", "Color"), Value("RED"));
  EXPECT_EQ(coerce("true", "Boolean"), Value(true));
  EXPECT_FALSE(coerce("1.5", "Int").has_value());
  EXPECT_FALSE(coerce("\"RED\"", "Color").has_value());
  EXPECT_FALSE(coerce("BLUE", "Color").has_value());
  EXPECT_FALSE(coerce("123", "String").has_value());
}

TEST_F(ValueFromAstTest, NullsAndNonNull) {
  EXPECT_EQ(coerce("null", "Int"), Value());
  EXPECT_FALSE(coerce("null", "Int!").has_value());
  EXPECT_EQ(coerce("5", "Int!"), Value(5));
}

TEST_F(ValueFromAstTest, Lists) {
  EXPECT_EQ(coerce("[1, 2]", "[Int]"), Value::list({1, 2}));
  EXPECT_EQ(coerce("3", "[Int]"), Value::list({3}));  // one value for a list
  EXPECT_EQ(coerce("[1, null]", "[Int]"), Value::list({1, Value()}));
  EXPECT_FALSE(coerce("[1, null]", "[Int!]").has_value());
  EXPECT_FALSE(coerce("[1, \"a\"]", "[Int]").has_value());
  EXPECT_EQ(coerce("[[1], 2]", "[[Int]]"), Value::list({Value::list({1}), Value::list({2})}));
}

TEST_F(ValueFromAstTest, InputObjects) {
  // Fields in the type's order, omitted ones given their defaults, unknown ones ignored.
  EXPECT_EQ(coerce("{label: \"a\", x: 1, z: 9}", "Point"),
            Value::object({{"x", 1}, {"y", 0}, {"label", "a"}}));
  EXPECT_EQ(coerce("{x: 1, y: null}", "Point"), Value::object({{"x", 1}, {"y", Value()}}));
  EXPECT_FALSE(coerce("{y: 1}", "Point").has_value());  // x is required
  EXPECT_FALSE(coerce("{x: null}", "Point").has_value());
  EXPECT_FALSE(coerce("[{x: 1}]", "Point").has_value());
  EXPECT_EQ(coerce("{a: 1}", "Choice"), Value::object({{"a", 1}}));
  EXPECT_FALSE(coerce("{a: 1, b: \"x\"}", "Choice").has_value());  // @oneOf: exactly one
  EXPECT_FALSE(coerce("{a: null}", "Choice").has_value());         // and not null
  EXPECT_FALSE(coerce("{}", "Choice").has_value());
}

TEST_F(ValueFromAstTest, Variables) {
  const Value variables =
      Value::object({{"n", 4}, {"nothing", Value()}, {"p", Value::object({{"x", 2}})}});
  EXPECT_EQ(coerce("$n", "Int", variables), Value(4));
  EXPECT_EQ(coerce("$nothing", "Int", variables), Value());
  EXPECT_FALSE(coerce("$nothing", "Int!", variables).has_value());
  EXPECT_FALSE(coerce("$absent", "Int", variables).has_value());
  EXPECT_FALSE(coerce("$n", "Int").has_value());  // no variables known
  EXPECT_EQ(coerce("[$n, $absent]", "[Int]", variables), Value::list({4, Value()}));
  EXPECT_FALSE(coerce("[$n, $absent]", "[Int!]", variables).has_value());
  EXPECT_EQ(coerce("{x: $n, y: $absent}", "Point", variables), Value::object({{"x", 4}, {"y", 0}}));
  EXPECT_FALSE(coerce("{x: $absent}", "Point", variables).has_value());
  EXPECT_EQ(coerce("$p", "Point", variables), Value::object({{"x", 2}}));  // already coerced
}

TEST(ValueFromAstUntypedTest, ReadsLiteralsAsData) {
  const auto untyped = [](const std::string& text, const Value& variables = Value()) {
    return valueFromAstUntyped(parseValue(text).value, variables);
  };
  EXPECT_EQ(untyped("null"), Value());
  EXPECT_EQ(untyped("-12"), Value(-12));
  EXPECT_EQ(untyped("99999999999999999999"), Value(1e20));
  EXPECT_EQ(untyped("1.5e3"), Value(1500.0));
  EXPECT_EQ(untyped("\"s\""), Value("s"));
  EXPECT_EQ(untyped("true"), Value(true));
  EXPECT_EQ(untyped("RED"), Value("RED"));
  EXPECT_EQ(untyped("[1, [a]]"), Value::list({1, Value::list({"a"})}));
  EXPECT_EQ(untyped("{a: 1, b: {c: 2}, a: 3}"),
            Value::object({{"a", 3}, {"b", Value::object({{"c", 2}})}}));
  EXPECT_EQ(untyped("[$v, $w]", Value::object({{"v", "x"}})), Value::list({"x", Value()}));
}

}  // namespace
}  // namespace mt::api
