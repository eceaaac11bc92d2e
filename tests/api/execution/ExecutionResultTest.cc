// The response's JSON form.

#include <gtest/gtest.h>

#include <string>

#include "ExecutionResult.h"

namespace mt::api {
namespace {

TEST(ExecutionResultTest, DataOnly) {
  ExecutionResult result;
  result.data = Value::object({{"a", 1}, {"b", Value::list({"x", nullptr})}});
  EXPECT_EQ(result.toJson(), R"({"data":{"a":1,"b":["x",null]}})");
}

TEST(ExecutionResultTest, ErrorsComeFirstAsInGraphqlJs) {
  ExecutionResult result;
  result.data = Value::object({{"a", nullptr}});
  result.errors.emplace_back("bad \"a\"", std::vector<ErrorLocation>{{1, 3}, {2, 5}},
                             std::vector<PathSegment>{std::string("a"), 0, std::string("b")});
  EXPECT_EQ(
      result.toJson(),
      R"({"errors":[{"message":"bad \"a\"","locations":[{"line":1,"column":3},{"line":2,"column":5}],"path":["a",0,"b"]}],"data":{"a":null}})");
}

TEST(ExecutionResultTest, NullDataIsWritten) {
  ExecutionResult result;
  result.data.emplace();  // present and null
  result.errors.emplace_back("gone");
  EXPECT_EQ(result.toJson(), R"({"errors":[{"message":"gone"}],"data":null})");
}

TEST(ExecutionResultTest, RequestErrorHasNoData) {
  ExecutionResult result;
  result.errors.emplace_back("no operation", std::vector<ErrorLocation>{{4, 1}});
  result.errors.emplace_back("second");
  EXPECT_EQ(
      result.toJson(),
      R"({"errors":[{"message":"no operation","locations":[{"line":4,"column":1}]},{"message":"second"}]})");
}

TEST(ExecutionResultTest, WritesErrorsAlone) {
  std::string out;
  writeErrorsJson({GraphQLError("x\ny", {}, {7})}, out);
  EXPECT_EQ(out, R"([{"message":"x\ny","path":[7]}])");
}

}  // namespace
}  // namespace mt::api
