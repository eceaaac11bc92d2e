// Introspection through execute(): the meta-fields are ordinary fields with resolvers.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ExecutionTestSupport.h"

namespace mt::api {
namespace {

using testing::normalized;
using testing::run;

class IntrospectionTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Schema> schema_ = SchemaBuilder(R"(
    "A person."
    type User { id: ID! name: String @deprecated(reason: "Use handle.") handle: String }
    enum Mood { HAPPY GRUMPY @deprecated }
    type Query { me: User mood: Mood }
    type Mutation { touch: Boolean }
  )")
                                              .build();
};

TEST_F(IntrospectionTest, SchemaRootTypes) {
  EXPECT_EQ(
      run(*schema_,
          "{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }"),
      normalized(R"({"data": {"__schema": {"queryType": {"name": "Query"},
                "mutationType": {"name": "Mutation"}, "subscriptionType": null}}})"));
}

TEST_F(IntrospectionTest, TypeByName) {
  EXPECT_EQ(
      run(*schema_, R"({ __type(name: "User") { kind name description
                 fields(includeDeprecated: true) { name isDeprecated deprecationReason
                   type { kind name ofType { kind name } } } } })"),
      normalized(
          R"({"data": {"__type": {"kind": "OBJECT", "name": "User", "description": "A person.",
                "fields": [
                  {"name": "id", "isDeprecated": false, "deprecationReason": null,
                   "type": {"kind": "NON_NULL", "name": null, "ofType": {"kind": "SCALAR", "name": "ID"}}},
                  {"name": "name", "isDeprecated": true, "deprecationReason": "Use handle.",
                   "type": {"kind": "SCALAR", "name": "String", "ofType": null}},
                  {"name": "handle", "isDeprecated": false, "deprecationReason": null,
                   "type": {"kind": "SCALAR", "name": "String", "ofType": null}}]}}})"));
  EXPECT_EQ(run(*schema_, R"({ __type(name: "Mood") { enumValues { name } } })"),
            normalized(R"({"data": {"__type": {"enumValues": [{"name": "HAPPY"}]}}})"));
  EXPECT_EQ(run(*schema_, R"({ __type(name: "Nope") { name } })"),
            normalized(R"({"data": {"__type": null}})"));
}

TEST_F(IntrospectionTest, WithVariablesAndFragments) {
  EXPECT_EQ(run(*schema_, R"(query ($name: String!) { __type(name: $name) { ...T } }
                             fragment T on __Type { name kind })",
                R"({"name": "Mood"})"),
            normalized(R"({"data": {"__type": {"name": "Mood", "kind": "ENUM"}}})"));
}

TEST_F(IntrospectionTest, MixedWithApplicationFields) {
  EXPECT_EQ(run(*schema_, "{ me { id } __typename t: __type(name: \"Query\") { name } }"),
            normalized(R"({"data": {"me": null, "__typename": "Query", "t": {"name": "Query"}}})"));
}

TEST_F(IntrospectionTest, SchemaAndTypeAreOnlyOnTheQueryRoot) {
  // Validation refuses these; execution leaves them out rather than crash.
  EXPECT_EQ(run(*schema_, "mutation { __schema { queryType { name } } touch }"),
            normalized(R"({"data": {"touch": null}})"));
}

}  // namespace
}  // namespace mt::api
