#include <gtest/gtest.h>

#include <cmath>

#include "Inspect.h"

namespace mt::api {
namespace {

// Expected texts are graphql-js's inspect() of the same JavaScript values.
TEST(InspectTest, WritesValuesAsGraphqlJsDoes) {
  EXPECT_EQ(inspect(Value()), "null");
  EXPECT_EQ(inspect(Value(true)), "true");
  EXPECT_EQ(inspect(Value(-7)), "-7");
  EXPECT_EQ(inspect(Value(1e21)), "1e+21");
  EXPECT_EQ(inspect(Value(-0.0)), "0");
  EXPECT_EQ(inspect(Value(std::nan(""))), "NaN");
  EXPECT_EQ(inspect(Value("a\"b\x01")), "\"a\\\"b\\u0001\"");
  EXPECT_EQ(inspect(Value::list({})), "[]");
  EXPECT_EQ(inspect(Value::object({})), "{}");
  EXPECT_EQ(inspect(Value::list({1, "x", Value()})), "[1, \"x\", null]");
  EXPECT_EQ(inspect(Value::object({{"a", 1}, {"b", Value::list({true})}})), "{ a: 1, b: [true] }");
}

TEST(InspectTest, LimitsDepthAndLength) {
  EXPECT_EQ(inspect(Value::list({Value::list({Value::list({1})})})), "[[[Array]]]");
  EXPECT_EQ(inspect(Value::object({{"a", Value::object({{"b", Value::object({{"c", 1}})}})}})),
            "{ a: { b: [Object] } }");
  Value::List twelve;
  for (int i = 1; i <= 12; ++i)
    twelve.emplace_back(i);
  EXPECT_EQ(inspect(Value(twelve)), "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]");
  twelve.pop_back();
  EXPECT_EQ(inspect(Value(twelve)), "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 1 more item]");
}

}  // namespace
}  // namespace mt::api
