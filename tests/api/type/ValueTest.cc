#include <gtest/gtest.h>

#include <cmath>
#include <type_traits>
#include <variant>

#include "Value.h"

namespace mt::api {
namespace {

TEST(ValueTest, KindsFromConstructors) {
  EXPECT_EQ(Value().kind(), Value::Kind::Null);
  EXPECT_EQ(Value(nullptr).kind(), Value::Kind::Null);
  EXPECT_EQ(Value(true).kind(), Value::Kind::Boolean);
  EXPECT_EQ(Value(7).kind(), Value::Kind::Int);
  EXPECT_EQ(Value(std::int64_t{1} << 40).kind(), Value::Kind::Int);
  EXPECT_EQ(Value(7u).kind(), Value::Kind::Int);
  EXPECT_EQ(Value(1.0).kind(), Value::Kind::Float);
  EXPECT_EQ(Value(1.5f).kind(), Value::Kind::Float);
  EXPECT_EQ(Value("text").kind(), Value::Kind::String);  // not Boolean
  EXPECT_EQ(Value(std::string_view("view")).kind(), Value::Kind::String);
  EXPECT_EQ(Value(std::string("owned")).kind(), Value::Kind::String);
  EXPECT_EQ(Value::list({1, "a"}).kind(), Value::Kind::List);
  EXPECT_EQ(Value::object({{"a", 1}}).kind(), Value::Kind::Object);
  EXPECT_EQ(Value(Value::List{}).kind(), Value::Kind::List);
  EXPECT_EQ(Value(Value::Object{}).kind(), Value::Kind::Object);
}

TEST(ValueTest, Accessors) {
  EXPECT_TRUE(Value(true).asBool());
  EXPECT_EQ(Value(-3).asInt(), -3);
  EXPECT_EQ(Value(2.5).asFloat(), 2.5);
  EXPECT_EQ(Value(4).asNumber(), 4.0);
  EXPECT_EQ(Value(4.5).asNumber(), 4.5);
  EXPECT_EQ(Value("s").asString(), "s");
  EXPECT_EQ(Value::list({1, 2}).asList().size(), 2u);
  EXPECT_TRUE(Value(1).isNumber());
  EXPECT_TRUE(Value(1.0).isNumber());
  EXPECT_FALSE(Value("1").isNumber());
  EXPECT_THROW((void)Value(1).asString(), std::bad_variant_access);
  EXPECT_THROW((void)Value(1.0).asInt(), std::bad_variant_access);
  EXPECT_THROW((void)Value().asNumber(), std::bad_variant_access);
}

TEST(ValueTest, ObjectsKeepInsertionOrderAndFindByName) {
  Value object = Value::object({{"zeta", 1}, {"alpha", 2}});
  object.append("mid", "x");
  ASSERT_EQ(object.asObject().size(), 3u);
  EXPECT_EQ(object.asObject()[0].first, "zeta");
  EXPECT_EQ(object.asObject()[1].first, "alpha");
  EXPECT_EQ(object.asObject()[2].first, "mid");
  ASSERT_NE(object.find("alpha"), nullptr);
  EXPECT_EQ(*object.find("alpha"), Value(2));
  EXPECT_EQ(object.find("missing"), nullptr);
  *object.find("zeta") = Value("changed");
  EXPECT_EQ(*object.find("zeta"), Value("changed"));
  EXPECT_EQ(Value(1).find("a"), nullptr);  // not an object
  EXPECT_THROW(Value(1).append("a", 1), std::bad_variant_access);
}

TEST(ValueTest, StructuralEquality) {
  EXPECT_EQ(Value(), Value(nullptr));
  EXPECT_NE(Value(1), Value(1.0));  // Int and Float differ
  EXPECT_NE(Value(1), Value(true));
  EXPECT_EQ(Value::list({1, "a", Value()}), Value::list({1, "a", Value()}));
  EXPECT_NE(Value::list({1, 2}), Value::list({2, 1}));
  EXPECT_EQ(Value::object({{"a", Value::list({1})}}), Value::object({{"a", Value::list({1})}}));
  EXPECT_NE(Value::object({{"a", 1}, {"b", 2}}), Value::object({{"b", 2}, {"a", 1}}));
  EXPECT_NE(Value(std::nan("")), Value(std::nan("")));
}

TEST(ValueTest, MovesAreCheapAndLeaveCopiesIndependent) {
  static_assert(std::is_nothrow_move_constructible_v<Value>);
  static_assert(std::is_nothrow_move_assignable_v<Value>);
  Value original = Value::object({{"list", Value::list({1, 2, 3})}});
  Value copy = original;
  copy.find("list")->asList().push_back(4);
  EXPECT_EQ(original.find("list")->asList().size(), 3u);
  const auto* items = original.find("list")->asList().data();
  Value moved = std::move(original);
  EXPECT_EQ(moved.find("list")->asList().data(), items);  // storage moved, not copied
}

TEST(ValueTest, KindNames) {
  EXPECT_EQ(kindName(Value::Kind::Null), "Null");
  EXPECT_EQ(kindName(Value::Kind::Object), "Object");
}

}  // namespace
}  // namespace mt::api
