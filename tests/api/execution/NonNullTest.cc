// Null propagation through non-null positions, after graphql-js's
// src/execution/__tests__/nonnull-test.ts: every field of DataType either throws or
// returns null, and the response must null exactly the nearest nullable parent.

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "ExecutionTestSupport.h"

namespace mt::api {
namespace {

using testing::constant;
using testing::executeRequest;
using testing::json;
using testing::normalized;

enum class Failure { Throw, ReturnNull };

std::shared_ptr<const Schema> dataSchema() {
  SchemaBuilder builder(R"(
    schema { query: DataType }
    type DataType {
      sync: String
      syncNonNull: String!
      syncNest: DataType
      syncNonNullNest: DataType!
      withNonNullArg(cannotBeNull: String!): String
    }
  )");
  auto fail = [](const char* message) {
    return [message](const ResolveParams& params) -> Resolved {
      if (*params.parent.objectAs<Failure>() == Failure::Throw) throw std::runtime_error(message);
      return nullptr;
    };
  };
  builder.resolver("DataType", "sync", fail("sync"));
  builder.resolver("DataType", "syncNonNull", fail("syncNonNull"));
  auto nest = [](const ResolveParams& params) -> Resolved { return params.parent; };
  builder.resolver("DataType", "syncNest", nest);
  builder.resolver("DataType", "syncNonNullNest", nest);
  builder.resolver("DataType", "withNonNullArg", [](const ResolveParams& params) -> Resolved {
    const Value* value = params.args.find("cannotBeNull");
    return value != nullptr ? Value("Passed: " + toJson(*value)) : Value("Not passed");
  });
  return builder.build();
}

class NonNullTest : public ::testing::TestWithParam<Failure> {
 protected:
  std::string run(const std::string& query, const std::string& variables = "{}") {
    const Resolved root = Resolved::object(GetParam());
    return executeRequest(*schema_, testing::Request(query).vars(variables).root(root)).toJson();
  }

  // The message of the syncNonNull field's failure in this mode.
  static std::string nonNullMessage() {
    return GetParam() == Failure::Throw
               ? "syncNonNull"
               : "Cannot return null for non-nullable field DataType.syncNonNull.";
  }

  std::shared_ptr<const Schema> schema_ = dataSchema();
};

TEST_P(NonNullTest, NullsANullableField) {
  if (GetParam() == Failure::ReturnNull) {
    EXPECT_EQ(run("{ sync }"), normalized(R"({"data": {"sync": null}})"));
  } else {
    EXPECT_EQ(run("{ sync }"),
              normalized(R"({"errors": [{"message": "sync", "locations": [{"line": 1, "column": 3}],
                  "path": ["sync"]}], "data": {"sync": null}})"));
  }
}

TEST_P(NonNullTest, NullsAnObjectThatContainsAFailingNonNullField) {
  EXPECT_EQ(run("{\n  syncNest {\n    syncNonNull\n  }\n}"),
            normalized(R"({"errors": [{"message": ")" + nonNullMessage() +
                       R"(", "locations": [{"line": 3, "column": 5}],
                "path": ["syncNest", "syncNonNull"]}], "data": {"syncNest": null}})"));
}

TEST_P(NonNullTest, NullsTheFirstNullableObjectAfterALongChainOfNonNullFields) {
  const std::string query = R"({
  syncNest {
    syncNonNullNest {
      syncNonNullNest {
        syncNonNullNest {
          syncNonNull
        }
      }
    }
  }
  anotherNest: syncNest {
    syncNonNullNest {
      syncNonNull
    }
    sync: syncNonNullNest { syncNest { syncNonNullNest { syncNest { syncNonNull } } } }
  }
})";
  std::string errors = R"([{"message": ")" + nonNullMessage() + R"(",
      "locations": [{"line": 13, "column": 7}],
      "path": ["anotherNest", "syncNonNullNest", "syncNonNull"]},
    {"message": ")" + nonNullMessage() +
                       R"(", "locations": [{"line": 6, "column": 11}],
      "path": ["syncNest", "syncNonNullNest", "syncNonNullNest", "syncNonNullNest", "syncNonNull"]}])";
  // Level by level, the shallower failure is met first.
  EXPECT_EQ(run(query), normalized(R"({"errors": )" + errors +
                                   R"(, "data": {"syncNest": null, "anotherNest": null}})"));
}

TEST_P(NonNullTest, NullsTheDataWhenARootNonNullFieldFails) {
  EXPECT_EQ(run("{ sync syncNonNull }"), normalized(GetParam() == Failure::Throw ? R"({"errors": [
                                 {"message": "sync", "locations": [{"line": 1, "column": 3}], "path": ["sync"]},
                                 {"message": "syncNonNull", "locations": [{"line": 1, "column": 8}],
                                  "path": ["syncNonNull"]}], "data": null})"
                                                                                 : R"({"errors": [
                                 {"message": "Cannot return null for non-nullable field DataType.syncNonNull.",
                                  "locations": [{"line": 1, "column": 8}], "path": ["syncNonNull"]}],
                                 "data": null})"));
}

TEST_P(NonNullTest, FieldsAfterANulledRootAreNotExecuted) {
  // graphql-js stops executing the root's fields once one has nulled the data.
  EXPECT_EQ(run("{ syncNonNull sync }"),
            normalized(R"({"errors": [{"message": ")" + nonNullMessage() +
                       R"(", "locations": [{"line": 1, "column": 3}],
                "path": ["syncNonNull"]}], "data": null})"));
}

TEST_P(NonNullTest, NonNullArguments) {
  EXPECT_EQ(run(R"({ withNonNullArg(cannotBeNull: "literal value") })"),
            normalized(R"({"data": {"withNonNullArg": "Passed: \"literal value\""}})"));
  EXPECT_EQ(run(R"(query ($testVar: String!) { withNonNullArg(cannotBeNull: $testVar) })",
                R"({"testVar": "variable value"})"),
            normalized(R"({"data": {"withNonNullArg": "Passed: \"variable value\""}})"));
  EXPECT_EQ(run(R"(query ($testVar: String = "default value") {
                     withNonNullArg(cannotBeNull: $testVar) })"),
            normalized(R"({"data": {"withNonNullArg": "Passed: \"default value\""}})"));
  EXPECT_EQ(
      run("query ($testVar: String) { withNonNullArg(cannotBeNull: $testVar) }",
          R"({"testVar": null})"),
      normalized(
          R"({"errors": [{"message": "Argument \"cannotBeNull\" of non-null type \"String!\" must not be null.",
                "locations": [{"line": 1, "column": 57}], "path": ["withNonNullArg"]}],
                "data": {"withNonNullArg": null}})"));
}

INSTANTIATE_TEST_SUITE_P(ThrowingAndNull, NonNullTest,
                         ::testing::Values(Failure::Throw, Failure::ReturnNull),
                         [](const ::testing::TestParamInfo<Failure>& param) {
                           return param.param == Failure::Throw ? "Throwing" : "ReturningNull";
                         });

// Propagation inside lists, per item.
class NonNullListTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Schema> schema_ =
      SchemaBuilder(R"(
        type Item { id: ID! name: String! }
        type Query {
          items: [Item]
          strictItems: [Item!]
          requiredItems: [Item!]!
          names: [String!]
          requiredNames: [String!]!
          nestedNames: [[String!]]
        }
      )")
          .resolver("Query", "items", constant(json(R"([{"id": "1", "name": "a"},
                                                         {"id": "2", "name": null},
                                                         {"id": "3", "name": "c"}])")))
          .resolver("Query", "strictItems",
                    constant(json(R"([{"id": "1", "name": "a"}, {"id": "2"}])")))
          .resolver("Query", "requiredItems",
                    constant(json(R"([{"id": "1", "name": "a"}, {"id": "2"}])")))
          .resolver("Query", "names", constant(json(R"(["a", null, "c"])")))
          .resolver("Query", "requiredNames", constant(json(R"(["a", null])")))
          .resolver("Query", "nestedNames", constant(json(R"([["a"], ["b", null], ["c"]])")))
          .build();

  std::string run(const std::string& query) { return testing::run(*schema_, query); }
};

TEST_F(NonNullListTest, OnlyTheFailingItemIsNulled) {
  EXPECT_EQ(
      run("{ items { id name } }"),
      normalized(R"({"errors": [{"message": "Cannot return null for non-nullable field Item.name.",
                "locations": [{"line": 1, "column": 14}], "path": ["items", 1, "name"]}],
                "data": {"items": [{"id": "1", "name": "a"}, null, {"id": "3", "name": "c"}]}})"));
}

TEST_F(NonNullListTest, ANonNullItemNullsTheList) {
  EXPECT_EQ(
      run("{ strictItems { name } }"),
      normalized(R"({"errors": [{"message": "Cannot return null for non-nullable field Item.name.",
                "locations": [{"line": 1, "column": 17}], "path": ["strictItems", 1, "name"]}],
                "data": {"strictItems": null}})"));
  EXPECT_EQ(run("{ names }"),
            normalized(
                R"({"errors": [{"message": "Cannot return null for non-nullable field Query.names.",
                "locations": [{"line": 1, "column": 3}], "path": ["names", 1]}],
                "data": {"names": null}})"));
  EXPECT_EQ(
      run("{ nestedNames }"),
      normalized(
          R"({"errors": [{"message": "Cannot return null for non-nullable field Query.nestedNames.",
                "locations": [{"line": 1, "column": 3}], "path": ["nestedNames", 1, 1]}],
                "data": {"nestedNames": [["a"], null, ["c"]]}})"));
}

TEST_F(NonNullListTest, ANonNullListNullsItsParent) {
  EXPECT_EQ(run("{ names requiredItems { name } }"), normalized(R"({"errors": [
                {"message": "Cannot return null for non-nullable field Query.names.",
                 "locations": [{"line": 1, "column": 3}], "path": ["names", 1]},
                {"message": "Cannot return null for non-nullable field Item.name.",
                 "locations": [{"line": 1, "column": 25}], "path": ["requiredItems", 1, "name"]}],
                "data": null})"));
  EXPECT_EQ(
      run("{ requiredNames items { id } }"),
      normalized(
          R"({"errors": [{"message": "Cannot return null for non-nullable field Query.requiredNames.",
                "locations": [{"line": 1, "column": 3}], "path": ["requiredNames", 1]}],
                "data": null})"));
}

}  // namespace
}  // namespace mt::api
