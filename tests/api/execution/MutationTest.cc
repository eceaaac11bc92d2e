// Mutations: root fields one after another, each with everything below it first.

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "ExecutionTestSupport.h"

namespace mt::api {
namespace {

using testing::normalized;

struct Counter {
  int value = 0;
  std::vector<std::string> log;
};

class MutationTest : public ::testing::Test {
 protected:
  MutationTest() {
    schema_ = SchemaBuilder(R"(
          type Query { value: Int }
          type Result { value: Int! detail: Detail }
          type Detail { note: String }
          type Mutation {
            add(by: Int!): Result
            fail: Result
            failNonNull: Result!
          }
        )")
                  .resolver("Mutation", "add",
                            [this](const ResolveParams& params) -> Resolved {
                              counter_.value += static_cast<int>(params.args.find("by")->asInt());
                              counter_.log.push_back("add " + std::to_string(counter_.value));
                              return Resolved::object(counter_.value);
                            })
                  .resolver("Mutation", "fail",
                            [this](const ResolveParams&) -> Resolved {
                              counter_.log.push_back("fail");
                              throw std::runtime_error("cannot");
                            })
                  .resolver("Mutation", "failNonNull",
                            [this](const ResolveParams&) -> Resolved {
                              counter_.log.push_back("failNonNull");
                              return nullptr;
                            })
                  .resolver("Result", "value",
                            [](const ResolveParams& params) -> Resolved {
                              return Value(*params.parent.objectAs<int>());
                            })
                  .resolver("Result", "detail",
                            [this](const ResolveParams& params) -> Resolved {
                              counter_.log.push_back(
                                  "detail of " + std::to_string(*params.parent.objectAs<int>()));
                              return Resolved::object(*params.parent.objectAs<int>());
                            })
                  .resolver("Detail", "note",
                            [this](const ResolveParams& params) -> Resolved {
                              const std::string note =
                                  "note of " + std::to_string(*params.parent.objectAs<int>());
                              counter_.log.push_back(note);
                              return Value(note);
                            })
                  .build();
  }

  std::string run(const std::string& query) { return testing::run(*schema_, query); }

  Counter counter_;
  std::shared_ptr<const Schema> schema_;
};

TEST_F(MutationTest, RootFieldsRunInOrderEachToItsEnd) {
  EXPECT_EQ(run(R"(mutation {
                    first: add(by: 1) { value detail { note } }
                    second: add(by: 10) { value detail { note } }
                    third: add(by: 100) { value }
                  })"),
            normalized(R"({"data": {
                "first": {"value": 1, "detail": {"note": "note of 1"}},
                "second": {"value": 11, "detail": {"note": "note of 11"}},
                "third": {"value": 111}}})"));
  EXPECT_EQ(counter_.log, (std::vector<std::string>{"add 1", "detail of 1", "note of 1", "add 11",
                                                    "detail of 11", "note of 11", "add 111"}));
}

TEST_F(MutationTest, AFailingFieldDoesNotStopTheOthers) {
  EXPECT_EQ(
      run("mutation { a: add(by: 2) { value } fail { value } b: add(by: 3) { value } }"),
      normalized(R"({"errors": [{"message": "cannot", "locations": [{"line": 1, "column": 36}],
                "path": ["fail"]}],
                "data": {"a": {"value": 2}, "fail": null, "b": {"value": 5}}})"));
}

TEST_F(MutationTest, ANonNullFailureStopsTheFieldsAfterIt) {
  // As in graphql-js: once the data is null, the remaining mutations are not run.
  EXPECT_EQ(
      run("mutation { a: add(by: 2) { value } failNonNull { value } b: add(by: 3) { value } }"),
      normalized(
          R"({"errors": [{"message": "Cannot return null for non-nullable field Mutation.failNonNull.",
                "locations": [{"line": 1, "column": 36}], "path": ["failNonNull"]}],
                "data": null})"));
  EXPECT_EQ(counter_.log, (std::vector<std::string>{"add 2", "failNonNull"}));
}

}  // namespace
}  // namespace mt::api
