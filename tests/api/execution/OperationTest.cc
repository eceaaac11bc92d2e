// Operation selection, root types, request-level errors, context and root value.

#include <gtest/gtest.h>

#include <any>
#include <string>
#include <vector>

#include "ExecutionTestSupport.h"
#include "ResponsePath.h"

namespace mt::api {
namespace {

using testing::constant;
using testing::executeRequest;
using testing::normalized;
using testing::run;

class OperationTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Schema> schema_ =
      SchemaBuilder(R"(
        type Query { a: String b: String }
        type Mutation { setA(value: String): String }
        type Subscription { tick: Int }
      )")
          .resolver("Query", "a", constant("A"))
          .resolver("Query", "b", constant("B"))
          .resolver("Mutation", "setA",
                    [](const ResolveParams& params) -> Resolved {
                      const Value* value = params.args.find("value");
                      return value != nullptr ? Resolved(*value) : Resolved();
                    })
          .build();
};

TEST_F(OperationTest, RunsTheOnlyOperation) {
  EXPECT_EQ(run(*schema_, "{ a }"), normalized(R"({"data": {"a": "A"}})"));
  EXPECT_EQ(run(*schema_, "query Named { b }"), normalized(R"({"data": {"b": "B"}})"));
}

TEST_F(OperationTest, PicksTheOperationByName) {
  const std::string document = "query First { a } query Second { b } mutation Third { setA }";
  EXPECT_EQ(run(*schema_, document, "{}", "Second"), normalized(R"({"data": {"b": "B"}})"));
  EXPECT_EQ(run(*schema_, document, "{}", "First"), normalized(R"({"data": {"a": "A"}})"));
  EXPECT_EQ(run(*schema_, document, "{}", "Third"), normalized(R"({"data": {"setA": null}})"));
}

TEST_F(OperationTest, NeedsANameAmongSeveralOperations) {
  EXPECT_EQ(run(*schema_, "query First { a } query Second { b }"),
            normalized(R"({"errors": [{"message":
                "Must provide operation name if query contains multiple operations."}]})"));
}

TEST_F(OperationTest, RefusesAnUnknownName) {
  EXPECT_EQ(run(*schema_, "query First { a }", "{}", "Missing"),
            normalized(R"({"errors": [{"message": "Unknown operation named \"Missing\"."}]})"));
}

TEST_F(OperationTest, NeedsAnOperation) {
  EXPECT_EQ(run(*schema_, "fragment F on Query { a }"),
            normalized(R"({"errors": [{"message": "Must provide an operation."}]})"));
}

TEST_F(OperationTest, IgnoresTypeSystemDefinitions) {
  EXPECT_EQ(run(*schema_, "type Extra { x: Int } { a }"), normalized(R"({"data": {"a": "A"}})"));
}

TEST_F(OperationTest, RefusesSubscriptions) {
  const ExecutionResult result =
      executeRequest(*schema_, testing::Request("subscription { tick }"));
  EXPECT_FALSE(result.data.has_value());
  ASSERT_EQ(result.errors.size(), 1U);
  EXPECT_EQ(result.errors[0].message(), kSubscriptionNotSupportedMessage);
  EXPECT_EQ(result.errors[0].locations, (std::vector<ErrorLocation>{{1, 1}}));
}

TEST_F(OperationTest, RefusesAnOperationTheSchemaHasNoRootFor) {
  const auto queryOnly = SchemaBuilder("type Query { a: String }").build();
  EXPECT_EQ(run(*queryOnly, "mutation M { a }"), normalized(R"({"errors": [{"message":
                "Schema is not configured to execute mutation operation.",
                "locations": [{"line": 1, "column": 1}]}], "data": null})"));
}

TEST_F(OperationTest, RefusesVariablesThatAreNotAnObject) {
  EXPECT_EQ(
      run(*schema_, "{ a }", "[1]"),
      normalized(
          R"({"errors": [{"message": "Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided."}]})"));
  EXPECT_EQ(run(*schema_, "{ a }", "null"), normalized(R"({"data": {"a": "A"}})"));
}

TEST(ExecutionContextTest, ResolversShareThePerRequestContext) {
  const auto schema = SchemaBuilder("type Query { first: Int second: Int }")
                          .resolver("Query", "first",
                                    [](const ResolveParams& params) -> Resolved {
                                      auto& calls = std::any_cast<int&>(params.context);
                                      return Value(++calls);
                                    })
                          .resolver("Query", "second",
                                    [](const ResolveParams& params) -> Resolved {
                                      auto& calls = std::any_cast<int&>(params.context);
                                      return Value(++calls);
                                    })
                          .build();
  std::any context = 10;
  const ExecutionResult result =
      executeRequest(*schema, testing::Request("{ first second }").withContext(context));
  EXPECT_EQ(result.toJson(), normalized(R"({"data": {"first": 11, "second": 12}})"));
  EXPECT_EQ(std::any_cast<int>(context), 12);
}

TEST(ExecutionContextTest, RootFieldsReceiveTheRootValue) {
  const auto schema = SchemaBuilder("type Query { greeting: String, fromResolver: String }")
                          .resolver("Query", "fromResolver",
                                    [](const ResolveParams& params) -> Resolved {
                                      return Value(*params.parent.objectAs<std::string>());
                                    })
                          .build();
  const Resolved root = Value::object({{"greeting", "hi"}});
  EXPECT_EQ(executeRequest(*schema, testing::Request("{ greeting }").root(root)).toJson(),
            normalized(R"({"data": {"greeting": "hi"}})"));
  const Resolved object = Resolved::object(std::string("from the root"));
  EXPECT_EQ(executeRequest(*schema, testing::Request("{ fromResolver }").root(object)).toJson(),
            normalized(R"({"data": {"fromResolver": "from the root"}})"));
}

TEST(ExecutionInfoTest, ResolversAreToldWhereTheyAre) {
  std::vector<std::string> seen;
  const auto schema =
      SchemaBuilder(R"(
        type Query { items: [Item] }
        type Item { label(prefix: String = "#"): String }
      )")
          .resolver("Query", "items", constant(testing::json(R"([{"n": 1}, {"n": 2}])")))
          .resolver("Item", "label",
                    [&seen](const ResolveParams& params) -> Resolved {
                      std::string path;
                      for (const PathSegment& segment : params.info.path->toSegments()) {
                        if (const auto* key = std::get_if<std::string>(&segment)) {
                          path += "/" + *key;
                        } else {
                          path += "/" + std::to_string(std::get<int>(segment));
                        }
                      }
                      seen.push_back(std::string(params.info.parentTypeName) + "." +
                                     std::string(params.info.fieldName) + " " + path + " " +
                                     std::to_string(params.info.fieldNodes.size()) + " " +
                                     params.args.find("prefix")->asString() +
                                     std::to_string(params.parent.value().find("n")->asInt()));
                      return Value("x");
                    })
          .build();
  run(*schema, "{ items { label ... { label } tag: label(prefix: \"@\") } }");
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "Item.label /items/0/label 2 #1",
                      "Item.label /items/1/label 2 #2",
                      "Item.label /items/0/tag 1 @1",
                      "Item.label /items/1/tag 1 @2",
                  }));
}

}  // namespace
}  // namespace mt::api
