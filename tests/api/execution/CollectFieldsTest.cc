// Field collection as execution sees it: fragments, type conditions, @skip/@include,
// aliases, merged fields, response-key order, __typename.

#include <gtest/gtest.h>

#include <string>

#include "CollectFields.h"
#include "ExecutionTestSupport.h"

namespace mt::api {
namespace {

using testing::constant;
using testing::json;
using testing::normalized;
using testing::run;

class CollectFieldsTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Schema> schema_ =
      SchemaBuilder(R"(
        interface Node { id: ID! }
        type User implements Node { id: ID! name: String handle: String friend: User }
        type Tweet implements Node { id: ID! text: String }
        union Entry = User | Tweet
        type Query { me: User entries: [Entry] node: Node }
      )")
          .resolver("Query", "me", constant(json(R"({"id": "u1", "name": "Ada", "handle": "ada",
                                      "friend": {"id": "u2", "name": "Bob", "handle": "bob"}})")))
          .resolver("Query", "entries",
                    constant(json(R"([{"__typename": "User", "id": "u1", "name": "Ada"},
                                      {"__typename": "Tweet", "id": "t1", "text": "hi"}])")))
          .resolver("Query", "node",
                    constant(json(R"({"__typename": "Tweet", "id": "t9", "text": "node"})")))
          .build();
};

TEST_F(CollectFieldsTest, ResponseKeysFollowTheDocument) {
  EXPECT_EQ(run(*schema_, "{ me { name id who: handle } }"),
            normalized(R"({"data": {"me": {"name": "Ada", "id": "u1", "who": "ada"}}})"));
}

TEST_F(CollectFieldsTest, AliasesTheSameFieldTwice) {
  EXPECT_EQ(run(*schema_, "{ a: me { id } b: me { name } }"),
            normalized(R"({"data": {"a": {"id": "u1"}, "b": {"name": "Ada"}}})"));
}

TEST_F(CollectFieldsTest, MergesRepeatedFieldsAndTheirSelections) {
  EXPECT_EQ(run(*schema_, "{ me { id friend { name } } me { friend { id } name } }"),
            normalized(R"({"data": {"me": {"id": "u1", "friend": {"name": "Bob", "id": "u2"},
                                            "name": "Ada"}}})"));
}

TEST_F(CollectFieldsTest, NamedAndInlineFragments) {
  EXPECT_EQ(run(*schema_, R"(
              { me { ...Names ... on User { id } ... { handle } } }
              fragment Names on User { name ...Names friend { ...Names } })"),
            // Each selection set collects a fragment afresh: Names applies again inside
            // `friend`, and its own `friend` there is Bob's, who has none.
            normalized(R"({"data": {"me": {"name": "Ada", "friend": {"name": "Bob", "friend": null},
                                            "id": "u1", "handle": "ada"}}})"));
}

TEST_F(CollectFieldsTest, TypeConditionsOnAbstractTypes) {
  EXPECT_EQ(run(*schema_, R"(
              { entries { __typename ... on Node { id } ... on User { name } ...T } }
              fragment T on Tweet { text })"),
            normalized(R"({"data": {"entries": [
                {"__typename": "User", "id": "u1", "name": "Ada"},
                {"__typename": "Tweet", "id": "t1", "text": "hi"}]}})"));
  EXPECT_EQ(run(*schema_, "{ node { id ... on Entry { ... on Tweet { text } } } }"),
            normalized(R"({"data": {"node": {"id": "t9", "text": "node"}}})"));
}

TEST_F(CollectFieldsTest, SkipAndInclude) {
  const std::string query = R"(query ($yes: Boolean!, $no: Boolean!) {
    me {
      a: id @include(if: $yes)
      b: id @include(if: $no)
      c: id @skip(if: $yes)
      d: id @skip(if: $no)
      e: id @skip(if: false) @include(if: true)
      f: id @skip(if: true) @include(if: true)
      ... @skip(if: $yes) { g: id }
      ...H @include(if: $yes)
    }
  }
  fragment H on User { h: id })";
  EXPECT_EQ(run(*schema_, query, R"({"yes": true, "no": false})"),
            normalized(R"({"data": {"me": {"a": "u1", "d": "u1", "e": "u1", "h": "u1"}}})"));
}

TEST_F(CollectFieldsTest, SkippedOccurrenceDoesNotHideAnother) {
  EXPECT_EQ(run(*schema_, "{ me { id @skip(if: true) id } }"),
            normalized(R"({"data": {"me": {"id": "u1"}}})"));
}

TEST_F(CollectFieldsTest, Typename) {
  EXPECT_EQ(run(*schema_, "{ __typename me { __typename t: __typename } }"),
            normalized(R"({"data": {"__typename": "Query",
                                    "me": {"__typename": "User", "t": "User"}}})"));
}

TEST_F(CollectFieldsTest, InvalidDocumentsDoNotCrash) {
  // Validation would refuse each of these; execution passes over what it cannot use.
  EXPECT_EQ(run(*schema_, "{ me { id nope ...Missing ... on Missing { name } } }"),
            normalized(R"({"data": {"me": {"id": "u1"}}})"));
  EXPECT_EQ(run(*schema_, "{ me }"), normalized(R"({"data": {"me": {}}})"));
  EXPECT_EQ(run(*schema_, "{ me { id { deeper } } }"),
            normalized(R"({"data": {"me": {"id": "u1"}}})"));
  EXPECT_EQ(
      run(*schema_, "{ me { ...A } } fragment A on User { ...B } fragment B on User { ...A id }"),
      normalized(R"({"data": {"me": {"id": "u1"}}})"));
}

TEST_F(CollectFieldsTest, InvalidDirectiveArgumentIsAnErrorNotACrash) {
  EXPECT_EQ(
      run(*schema_, "{ me { id @include } }"),
      normalized(
          R"({"errors": [{"message": "Argument \"if\" of required type \"Boolean!\" was not provided.",
                "locations": [{"line": 1, "column": 11}], "path": ["me"]}],
                "data": {"me": null}})"));
  EXPECT_EQ(
      run(*schema_, "query ($v: Boolean) { me @skip(if: $v) { id } }"),
      normalized(
          R"({"errors": [{"message": "Argument \"if\" of required type \"Boolean!\" was provided the variable \"$v\" which was not provided a runtime value.",
                "locations": [{"line": 1, "column": 36}]}],
                "data": null})"));
}

TEST(CollectFieldsUnitTest, GroupsNodesByResponseKeyInOrder) {
  const auto schema = SchemaBuilder("type Query { a: Int b: Int }").build();
  const auto document = parse("{ a b x: a ... { b a } }");
  const FragmentTable fragments(*document);
  const auto& operation = std::get<ast::OperationDefinition>(document->definitions[0]);
  const ast::SelectionSet* sets[] = {&operation.selectionSet};
  const CollectedFields fields =
      collectFields(*schema, fragments, Value(Value::Object{}), schema->queryType(), sets);
  ASSERT_EQ(fields.fields.size(), 3U);
  EXPECT_EQ(fields.fields[0].responseKey, "a");
  EXPECT_EQ(fields.fields[0].nodes.size(), 2U);
  EXPECT_EQ(fields.fields[1].responseKey, "b");
  EXPECT_EQ(fields.fields[1].nodes.size(), 2U);
  EXPECT_EQ(fields.fields[2].responseKey, "x");
  EXPECT_EQ(fields.fields[2].nodes.size(), 1U);
  EXPECT_EQ(fields.fields[0].nodes[1]->loc.column, 20);  // the `a` in the fragment
}

TEST(CollectFieldsUnitTest, ManyResponseKeysStayInOrder) {
  const auto schema = SchemaBuilder("type Query { a: Int }").build();
  std::string query = "{";
  for (int i = 0; i < 100; ++i)
    query += " k" + std::to_string(i) + ": a";
  for (int i = 99; i >= 0; --i)
    query += " k" + std::to_string(i) + ": a";
  query += " }";
  const auto document = parse(query);
  const FragmentTable fragments(*document);
  const auto& operation = std::get<ast::OperationDefinition>(document->definitions[0]);
  const ast::SelectionSet* sets[] = {&operation.selectionSet};
  const CollectedFields fields =
      collectFields(*schema, fragments, Value(Value::Object{}), schema->queryType(), sets);
  ASSERT_EQ(fields.fields.size(), 100U);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(fields.fields[i].responseKey, "k" + std::to_string(i));
    EXPECT_EQ(fields.fields[i].nodes.size(), 2U);
  }
}

}  // namespace
}  // namespace mt::api
