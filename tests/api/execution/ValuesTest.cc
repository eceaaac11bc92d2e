// Variable coercion (CoerceVariableValues) and argument coercion (CoerceArgumentValues),
// with graphql-js's messages.

#include <gtest/gtest.h>

#include <string>

#include "ExecutionTestSupport.h"

namespace mt::api {
namespace {

using testing::executeRequest;
using testing::normalized;
using testing::run;

// Every field answers with its coerced arguments as JSON text.
FieldResolver echoArgs() {
  return [](const ResolveParams& params) -> Resolved { return Value(toJson(params.args)); };
}

class ValuesTest : public ::testing::Test {
 protected:
  static std::shared_ptr<const Schema> makeSchema() {
    SchemaBuilder builder(R"(
      enum Color { RED GREEN BLUE }
      input Point { x: Int! y: Int! = 0 label: String }
      input Search { text: String! colors: [Color!] near: Point limit: Int = 10 }
      input Choice @oneOf { id: ID name: String }
      type Query {
        args(int: Int, float: Float, string: String, boolean: Boolean, id: ID, color: Color,
             list: [Int], strictList: [Int!], nested: [[Int]], search: Search, point: Point,
             choice: Choice): String
        required(value: Int!): String
        defaulted(value: Int = 42): String
      }
    )");
    for (const char* field : {"args", "required", "defaulted"}) {
      builder.resolver("Query", field, echoArgs());
    }
    return builder.build();
  }

  // The data of a successful request: the field's answer.
  std::string data(const std::string& query, const std::string& variables = "{}") {
    return run(*schema_, query, variables);
  }

  std::shared_ptr<const Schema> schema_ = makeSchema();
};

// ---------------------------------------------------------------------------
// Variables

TEST_F(ValuesTest, CoercesScalarVariables) {
  EXPECT_EQ(data(R"(query ($i: Int, $f: Float, $s: String, $b: Boolean, $id: ID, $c: Color) {
                      args(int: $i, float: $f, string: $s, boolean: $b, id: $id, color: $c) })",
                 R"({"i": 1, "f": 2, "s": "x", "b": false, "id": 12, "c": "GREEN"})"),
            normalized(R"({"data": {"args":
                "{\"int\":1,\"float\":2,\"string\":\"x\",\"boolean\":false,\"id\":\"12\",\"color\":\"GREEN\"}"}})"));
}

TEST_F(ValuesTest, RequiredVariableMustBeProvided) {
  EXPECT_EQ(
      data("query ($v: Int!) { required(value: $v) }"),
      normalized(
          R"({"errors": [{"message": "Variable \"$v\" of required type \"Int!\" was not provided.",
                "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, NonNullVariableMustNotBeNull) {
  EXPECT_EQ(
      data("query ($v: Int!) { required(value: $v) }", R"({"v": null})"),
      normalized(
          R"({"errors": [{"message": "Variable \"$v\" of non-null type \"Int!\" must not be null.",
                "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, ScalarVariableErrors) {
  EXPECT_EQ(data("query ($v: Int) { args(int: $v) }", R"({"v": "abc"})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$v\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\"",
                "locations": [{"line": 1, "column": 8}]}]})"));
  EXPECT_EQ(data("query ($v: Int) { args(int: $v) }", R"({"v": 1.5})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$v\" got invalid value 1.5; Int cannot represent non-integer value: 1.5",
                "locations": [{"line": 1, "column": 8}]}]})"));
  EXPECT_EQ(data("query ($v: Int) { args(int: $v) }", R"({"v": 3000000000})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$v\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000",
                "locations": [{"line": 1, "column": 8}]}]})"));
  EXPECT_EQ(data("query ($v: Boolean) { args(boolean: $v) }", R"({"v": 1})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$v\" got invalid value 1; Boolean cannot represent a non boolean value: 1",
                "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, EnumVariableErrors) {
  EXPECT_EQ(data("query ($c: Color) { args(color: $c) }", R"({"c": "REDD"})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$c\" got invalid value \"REDD\"; Value \"REDD\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?",
                "locations": [{"line": 1, "column": 8}]}]})"));
  EXPECT_EQ(data("query ($c: Color) { args(color: $c) }", R"({"c": 1})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$c\" got invalid value 1; Enum \"Color\" cannot represent non-string value: 1.",
                "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, InputObjectVariablesGetDefaultsAndReportEveryProblem) {
  EXPECT_EQ(
      data("query ($s: Search) { args(search: $s) }", R"({"s": {"text": "t", "near": {"x": 1}}})"),
      normalized(R"({"data": {"args":
                "{\"search\":{\"text\":\"t\",\"near\":{\"x\":1,\"y\":0},\"limit\":10}}"}})"));
  EXPECT_EQ(data("query ($s: Search) { args(search: $s) }",
                 R"({"s": {"text": "t", "colors": ["RED", "REDD"], "near": {"y": 1}}})"),
            normalized(R"({"errors": [
        {"message": "Variable \"$s\" got invalid value \"REDD\" at \"s.colors[1]\"; Value \"REDD\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?",
         "locations": [{"line": 1, "column": 8}]},
        {"message": "Variable \"$s\" got invalid value { y: 1 } at \"s.near\"; Field \"x\" of required type \"Int!\" was not provided.",
         "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, InputObjectVariableWithUnknownField) {
  EXPECT_EQ(data("query ($s: Search) { args(search: $s) }", R"({"s": {"text": "t", "txt": 1}})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$s\" got invalid value { text: \"t\", txt: 1 }; Field \"txt\" is not defined by type \"Search\". Did you mean \"text\"?",
                "locations": [{"line": 1, "column": 8}]}]})"));
  EXPECT_EQ(data("query ($s: Search) { args(search: $s) }", R"({"s": "t"})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$s\" got invalid value \"t\"; Expected type \"Search\" to be an object.",
                "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, ListVariables) {
  EXPECT_EQ(data("query ($l: [Int]) { args(list: $l) }", R"({"l": 3})"),
            normalized(R"({"data": {"args": "{\"list\":[3]}"}})"));
  EXPECT_EQ(data("query ($l: [Int]) { args(list: $l) }", R"({"l": [1, null, 3]})"),
            normalized(R"({"data": {"args": "{\"list\":[1,null,3]}"}})"));
  EXPECT_EQ(data("query ($l: [[Int]]) { args(nested: $l) }", R"({"l": [[1], 2]})"),
            normalized(R"({"data": {"args": "{\"nested\":[[1],[2]]}"}})"));
  EXPECT_EQ(data("query ($l: [Int]) { args(list: $l) }", R"({"l": [1, "b"]})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$l\" got invalid value \"b\" at \"l[1]\"; Int cannot represent non-integer value: \"b\"",
                "locations": [{"line": 1, "column": 8}]}]})"));
  EXPECT_EQ(data("query ($l: [Int!]) { args(strictList: $l) }", R"({"l": [1, null]})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$l\" got invalid value null at \"l[1]\"; Expected non-nullable type \"Int!\" not to be null.",
                "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, OneOfVariables) {
  EXPECT_EQ(data("query ($o: Choice) { args(choice: $o) }", R"({"o": {"name": "n"}})"),
            normalized(R"({"data": {"args": "{\"choice\":{\"name\":\"n\"}}"}})"));
  EXPECT_EQ(data("query ($o: Choice) { args(choice: $o) }", R"({"o": {"id": "1", "name": "n"}})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$o\" got invalid value { id: \"1\", name: \"n\" }; Exactly one key must be specified for OneOf type \"Choice\".",
                "locations": [{"line": 1, "column": 8}]}]})"));
  EXPECT_EQ(data("query ($o: Choice) { args(choice: $o) }", R"({"o": {"id": null}})"),
            normalized(R"({"errors": [{"message":
                "Variable \"$o\" got invalid value null at \"o.id\"; Field \"id\" must be non-null.",
                "locations": [{"line": 1, "column": 8}]}]})"));
}

TEST_F(ValuesTest, VariableDefaults) {
  EXPECT_EQ(data("query ($v: Int = 7) { args(int: $v) }"),
            normalized(R"({"data": {"args": "{\"int\":7}"}})"));
  EXPECT_EQ(data("query ($v: Int = 7) { args(int: $v) }", R"({"v": null})"),
            normalized(R"({"data": {"args": "{\"int\":null}"}})"));
  EXPECT_EQ(data("query ($p: Point = {x: 1}) { args(point: $p) }"),
            normalized(R"({"data": {"args": "{\"point\":{\"x\":1,\"y\":0}}"}})"));
}

TEST_F(ValuesTest, VariableOfATypeThatIsNotAnInputType) {
  EXPECT_EQ(data("query ($v: Query) { args }"), normalized(R"({"errors": [{"message":
                "Variable \"$v\" expected value of type \"Query\" which cannot be used as an input type.",
                "locations": [{"line": 1, "column": 12}]}]})"));
  EXPECT_EQ(data("query ($v: [Nope!]) { args }"), normalized(R"({"errors": [{"message":
                "Variable \"$v\" expected value of type \"[Nope!]\" which cannot be used as an input type.",
                "locations": [{"line": 1, "column": 12}]}]})"));
}

TEST_F(ValuesTest, StopsAfterTheErrorLimit) {
  const ExecutionResult result =
      executeRequest(*schema_, testing::Request("query ($a: Int!, $b: Int!, $c: Int!) { args }")
                                   .withLimits(testing::maxVariableErrors(2)));
  ASSERT_EQ(result.errors.size(), 3U);
  EXPECT_EQ(result.errors[0].message(),
            "Variable \"$a\" of required type \"Int!\" was not provided.");
  EXPECT_EQ(result.errors[1].message(),
            "Variable \"$b\" of required type \"Int!\" was not provided.");
  EXPECT_EQ(result.errors[2].message(),
            "Too many errors processing variables, error limit reached. Execution aborted.");
  EXPECT_FALSE(result.data.has_value());
}

// ---------------------------------------------------------------------------
// Arguments

TEST_F(ValuesTest, CoercesLiteralArguments) {
  EXPECT_EQ(data(R"({ args(int: 1, float: 1.5, string: "s", boolean: true, id: 7, color: BLUE,
                     list: 4, nested: [[1], [2, 3]], search: {text: "t", near: {x: 1}}) })"),
            normalized(R"({"data": {"args":
          "{\"int\":1,\"float\":1.5,\"string\":\"s\",\"boolean\":true,\"id\":\"7\",\"color\":\"BLUE\",\"list\":[4],\"nested\":[[1],[2,3]],\"search\":{\"text\":\"t\",\"near\":{\"x\":1,\"y\":0},\"limit\":10}}"}})"));
}

TEST_F(ValuesTest, VariablesInsideLiterals) {
  EXPECT_EQ(data("query ($x: Int, $y: Int) { args(point: {x: $x, y: $y}, list: [1, $y]) }",
                 R"({"x": 5})"),
            normalized(R"({"data": {"args": "{\"list\":[1,null],\"point\":{\"x\":5,\"y\":0}}"}})"));
}

TEST_F(ValuesTest, AbsentVariableLeavesTheArgumentOutOrDefaulted) {
  EXPECT_EQ(data("query ($v: Int) { args(int: $v) defaulted(value: $v) }"),
            normalized(R"({"data": {"args": "{}", "defaulted": "{\"value\":42}"}})"));
  EXPECT_EQ(data("query ($v: Int) { args(int: $v) defaulted(value: $v) }", R"({"v": null})"),
            normalized(R"({"data": {"args": "{\"int\":null}", "defaulted": "{\"value\":null}"}})"));
  EXPECT_EQ(data("{ defaulted }"), normalized(R"({"data": {"defaulted": "{\"value\":42}"}})"));
}

TEST_F(ValuesTest, MissingRequiredArgumentIsAFieldError) {
  EXPECT_EQ(
      data("{ required args }"),
      normalized(
          R"({"errors": [{"message": "Argument \"value\" of required type \"Int!\" was not provided.",
                "locations": [{"line": 1, "column": 3}], "path": ["required"]}],
                "data": {"required": null, "args": "{}"}})"));
}

TEST_F(ValuesTest, NullForANonNullArgument) {
  EXPECT_EQ(
      data("{ required(value: null) }"),
      normalized(
          R"({"errors": [{"message": "Argument \"value\" of non-null type \"Int!\" must not be null.",
                "locations": [{"line": 1, "column": 19}], "path": ["required"]}],
                "data": {"required": null}})"));
  EXPECT_EQ(
      data("query ($v: Int) { required(value: $v) }", R"({"v": null})"),
      normalized(
          R"({"errors": [{"message": "Argument \"value\" of non-null type \"Int!\" must not be null.",
                "locations": [{"line": 1, "column": 35}], "path": ["required"]}],
                "data": {"required": null}})"));
}

TEST_F(ValuesTest, AbsentVariableForARequiredArgument) {
  EXPECT_EQ(
      data("query ($v: Int) { required(value: $v) }"),
      normalized(
          R"({"errors": [{"message": "Argument \"value\" of required type \"Int!\" was provided the variable \"$v\" which was not provided a runtime value.",
                "locations": [{"line": 1, "column": 35}], "path": ["required"]}],
                "data": {"required": null}})"));
}

TEST_F(ValuesTest, InvalidLiteralWithoutValidation) {
  EXPECT_EQ(data(R"({ args(int: "abc") })"),
            normalized(R"({"errors": [{"message": "Argument \"int\" has invalid value \"abc\".",
                "locations": [{"line": 1, "column": 13}], "path": ["args"]}],
                "data": {"args": null}})"));
  EXPECT_EQ(
      data(R"({ args(search: {near: {x: 1}}) })"),
      normalized(R"({"errors": [{"message": "Argument \"search\" has invalid value {near: {x: 1}}.",
                "locations": [{"line": 1, "column": 16}], "path": ["args"]}],
                "data": {"args": null}})"));
}

}  // namespace
}  // namespace mt::api
