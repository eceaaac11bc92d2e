#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "SchemaBuilder.h"
#include "TypeComparators.h"

namespace mt::api {
namespace {

std::vector<std::string> problems(const std::string& sdl) {
  try {
    SchemaBuilder(sdl).build();
  } catch (const SchemaError& error) {
    std::vector<std::string> messages;
    for (const auto& problem : error.errors())
      messages.emplace_back(problem.message());
    return messages;
  }
  return {};
}

// The specification's IsValidImplementation (3.6 Interfaces): the expectations are
// graphql-js 16's validateSchema messages for the same SDL.

TEST(InterfaceImplementationTest, FieldTypesAreCovariantArgumentsInvariant) {
  EXPECT_EQ(problems(R"(
    interface Node { id: ID friend: Node friends: [Node] best: U pic(size: Int): String }
    union U = T | Query
    type T implements Node {
      id: ID!             # non-null for nullable
      friend: T           # an implementation for the interface
      friends: [T!]!      # element-wise, through lists
      best: T             # a member for the union
      pic(size: Int, extra: Int, opt: Int! = 1): String  # more arguments, none required
    }
    type Query { t: T }
  )"),
            std::vector<std::string>{});
}

TEST(InterfaceImplementationTest, FieldTypesThatDoNotFit) {
  const std::pair<const char*, const char*> cases[] = {
      {"interface I { x: Int! } type Query implements I { x: Int }",
       "Interface field I.x expects type Int! but Query.x is type Int."},
      {"interface I { x: Int } type Query implements I { x: [Int] }",
       "Interface field I.x expects type Int but Query.x is type [Int]."},
      {"interface I { x: [Int] } type Query implements I { x: Int }",
       "Interface field I.x expects type [Int] but Query.x is type Int."},
      {"interface I { x: A } type A { a: Int } type B { b: Int } type Query implements I { x: B }",
       "Interface field I.x expects type A but Query.x is type B."},
      {"interface I { x: U } union U = A type A { a: Int } type B { b: Int }\n"
       "type Query implements I { x: B }",
       "Interface field I.x expects type U but Query.x is type B."},
      {"interface I { x(a: Int): Int } type Query implements I { x(a: Int!): Int }",
       "Interface field argument I.x(a:) expects type Int but Query.x(a:) is type Int!."},
  };
  for (const auto& [sdl, message] : cases) {
    EXPECT_EQ(problems(sdl), std::vector<std::string>{message}) << sdl;
  }
}

TEST(InterfaceImplementationTest, InterfacesImplementingInterfaces) {
  EXPECT_EQ(problems("interface A { x: Int } interface B implements A { x: Int y: String }\n"
                     "type Query implements A & B { x: Int y: String }"),
            std::vector<std::string>{});
  EXPECT_EQ(problems("interface A { x: Int } interface B implements A { y: String }\n"
                     "type Query implements A & B { x: Int y: String }"),
            std::vector<std::string>{"Interface field A.x expected but B does not provide it."});
  EXPECT_EQ(problems("interface A implements B { x: Int } interface B implements A { x: Int }\n"
                     "type Query implements A & B { x: Int }"),
            (std::vector<std::string>{
                "Type A cannot implement B because it would create a circular reference.",
                "Type B cannot implement A because it would create a circular reference."}));
}

TEST(InterfaceImplementationTest, ErrorsPointAtBothDefinitions) {
  try {
    SchemaBuilder("interface I {\n  x: Int!\n}\ntype Query implements I {\n  x: Int\n}").build();
    FAIL() << "expected a SchemaError";
  } catch (const SchemaError& error) {
    ASSERT_EQ(error.errors().size(), 1u);
    EXPECT_EQ(error.errors()[0].locations, (std::vector<ErrorLocation>{{2, 6}, {5, 6}}));
  }
}

class TypeComparatorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = SchemaBuilder(R"(
      interface Node { id: ID }
      interface Named implements Node { id: ID name: String }
      type User implements Node & Named { id: ID name: String }
      type Tweet implements Node { id: ID }
      type Other { x: Int }
      union Feed = Tweet | Other
      union People = User
      type Query {
        node: Node user: User users: [User!]! nodes: [Node] feed: Feed tweet: Tweet other: Other
        people: People named: Named
      }
    )")
                  .build();
  }

  const Type& typeOf(const std::string& field) { return *schema_->queryType().field(field)->type; }
  const NamedType& named(const std::string& name) { return *schema_->type(name); }

  std::shared_ptr<const Schema> schema_;
};

TEST_F(TypeComparatorsTest, SubTypes) {
  EXPECT_TRUE(isTypeSubTypeOf(typeOf("user"), typeOf("user")));
  EXPECT_TRUE(isTypeSubTypeOf(typeOf("user"), typeOf("node")));
  EXPECT_TRUE(isTypeSubTypeOf(typeOf("named"), typeOf("node")));
  EXPECT_FALSE(isTypeSubTypeOf(typeOf("node"), typeOf("user")));
  EXPECT_TRUE(isTypeSubTypeOf(typeOf("users"), typeOf("nodes")));
  EXPECT_FALSE(isTypeSubTypeOf(typeOf("nodes"), typeOf("users")));
  EXPECT_FALSE(isTypeSubTypeOf(typeOf("user"), typeOf("nodes")));
  EXPECT_TRUE(isTypeSubTypeOf(typeOf("tweet"), typeOf("feed")));
  EXPECT_FALSE(isTypeSubTypeOf(typeOf("user"), typeOf("feed")));
  EXPECT_TRUE(isEqualType(typeOf("user"), named("User")));
}

TEST_F(TypeComparatorsTest, Overlap) {
  EXPECT_TRUE(doTypesOverlap(named("User"), named("User")));
  EXPECT_FALSE(doTypesOverlap(named("User"), named("Tweet")));
  EXPECT_TRUE(doTypesOverlap(named("Node"), named("Tweet")));
  EXPECT_TRUE(doTypesOverlap(named("Tweet"), named("Node")));
  EXPECT_TRUE(doTypesOverlap(named("Feed"), named("Node")));     // Tweet is in both
  EXPECT_FALSE(doTypesOverlap(named("People"), named("Feed")));  // no object in common
  EXPECT_TRUE(doTypesOverlap(named("Named"), named("People")));
  EXPECT_FALSE(doTypesOverlap(named("Other"), named("Node")));
}

}  // namespace
}  // namespace mt::api
