// Result coercion: leaves, lists, objects, abstract types, and resolver errors with
// their messages, locations and paths.

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "ExecutionTestSupport.h"

namespace mt::api {
namespace {

using testing::constant;
using testing::json;
using testing::normalized;
using testing::run;

// An application object only resolvers understand.
struct Pet {
  std::string name;
  bool isCat;
};

class CompleteValueTest : public ::testing::Test {
 protected:
  static std::shared_ptr<const Schema> makeSchema() {
    return SchemaBuilder(R"(
      enum Mood { HAPPY GRUMPY }
      interface Named { name: String }
      type Cat implements Named { name: String lives: Int }
      type Dog implements Named { name: String barks: Boolean }
      type Rock { weight: Int }
      union Thing = Cat | Dog
      type Query {
        int: Int
        badInt: Int
        mood: Mood
        badMood: Mood
        list: [Int]
        nested: [[String]]
        notAList: [Int]
        objectForLeaf: String
        pets: [Named]
        petsByResolver: [Named]
        things: [Thing]
        untyped: Named
        unknownType: Named
        rockAsPet: Named
        notPossible: Thing
        throws: String
        throwsGraphQLError: String
        throwsOther: String
        throwsInList: [String]
        listOfObjects: [Cat]
      }
    )")
        .resolver("Query", "int", constant(json("\"12\"")))
        .resolver("Query", "badInt", constant(json("\"twelve\"")))
        .resolver("Query", "mood", constant(Value("HAPPY")))
        .resolver("Query", "badMood", constant(Value("SAD")))
        .resolver("Query", "list", constant(json("[1, null, 3]")))
        .resolver("Query", "nested", constant(json(R"([["a"], [], null, ["b", "c"]])")))
        .resolver("Query", "notAList", constant(Value(5)))
        .resolver("Query", "objectForLeaf",
                  [](const ResolveParams&) -> Resolved { return Resolved::object(Pet{}); })
        .resolver("Query", "pets",
                  [](const ResolveParams&) -> Resolved {
                    return Resolved::list({
                        Resolved::object(Pet{"Tom", true}, "Cat"),
                        Resolved(json(R"({"__typename": "Dog", "name": "Rex", "barks": true})")),
                        Resolved(),
                    });
                  })
        .resolver("Query", "petsByResolver",
                  [](const ResolveParams&) -> Resolved {
                    return Resolved::list(
                        {Resolved::object(Pet{"Kit", true}), Resolved::object(Pet{"Fido", false})});
                  })
        .resolver("Query", "things", constant(json(R"([{"__typename": "Dog", "name": "Rex"},
                                    {"__typename": "Cat", "lives": 9}])")))
        .resolver("Query", "untyped", constant(json(R"({"name": "?"})")))
        .resolver("Query", "unknownType", constant(json(R"({"__typename": "Bird"})")))
        .resolver("Query", "rockAsPet", constant(json(R"({"__typename": "Mood"})")))
        .resolver("Query", "notPossible", constant(json(R"({"__typename": "Rock"})")))
        .resolver("Query", "throws",
                  [](const ResolveParams&) -> Resolved { throw std::runtime_error("boom"); })
        .resolver("Query", "throwsGraphQLError",
                  [](const ResolveParams&) -> Resolved {
                    throw GraphQLError("located elsewhere", {{7, 7}});
                  })
        .resolver("Query", "throwsOther", [](const ResolveParams&) -> Resolved { throw 42; })
        .resolver("Query", "throwsInList", constant(json(R"(["a", {"x": 1}, "c"])")))
        .resolver("Query", "listOfObjects", constant(json(R"([{"name": "A"}, {"name": "B"}])")))
        .resolver("Cat", "name",
                  [](const ResolveParams& params) -> Resolved {
                    if (const Pet* pet = params.parent.objectAs<Pet>()) return Value(pet->name);
                    return params.parent.member("name");
                  })
        .typeResolver("Named",
                      [](const Resolved& value, std::any&) -> std::string {
                        const Pet* pet = value.objectAs<Pet>();
                        if (pet == nullptr) return "";
                        return pet->isCat ? "Cat" : "Dog";
                      })
        .resolver("Dog", "name",
                  [](const ResolveParams& params) -> Resolved {
                    if (const Pet* pet = params.parent.objectAs<Pet>()) return Value(pet->name);
                    return params.parent.member("name");
                  })
        .build();
  }

  std::shared_ptr<const Schema> schema_ = makeSchema();
};

TEST_F(CompleteValueTest, SerialisesLeaves) {
  EXPECT_EQ(run(*schema_, "{ int mood }"), normalized(R"({"data": {"int": 12, "mood": "HAPPY"}})"));
}

TEST_F(CompleteValueTest, LeafThatCannotBeSerialised) {
  EXPECT_EQ(
      run(*schema_, "{ badInt }"),
      normalized(R"({"errors": [{"message": "Int cannot represent non-integer value: \"twelve\"",
                "locations": [{"line": 1, "column": 3}], "path": ["badInt"]}],
                "data": {"badInt": null}})"));
  EXPECT_EQ(run(*schema_, "{ badMood }"),
            normalized(R"({"errors": [{"message": "Enum \"Mood\" cannot represent value: \"SAD\"",
                "locations": [{"line": 1, "column": 3}], "path": ["badMood"]}],
                "data": {"badMood": null}})"));
  EXPECT_EQ(
      run(*schema_, "{ objectForLeaf }"),
      normalized(
          R"({"errors": [{"message": "Expected a value of leaf type \"String\", but the resolver of field \"Query.objectForLeaf\" returned an application object.",
                "locations": [{"line": 1, "column": 3}], "path": ["objectForLeaf"]}],
                "data": {"objectForLeaf": null}})"));
}

TEST_F(CompleteValueTest, Lists) {
  EXPECT_EQ(run(*schema_, "{ list nested }"), normalized(R"({"data": {"list": [1, null, 3],
                                    "nested": [["a"], [], null, ["b", "c"]]}})"));
  EXPECT_EQ(run(*schema_, "{ listOfObjects { name } }"),
            normalized(R"({"data": {"listOfObjects": [{"name": "A"}, {"name": "B"}]}})"));
}

TEST_F(CompleteValueTest, NotAList) {
  EXPECT_EQ(
      run(*schema_, "{ notAList }"),
      normalized(
          R"({"errors": [{"message": "Expected Iterable, but did not find one for field \"Query.notAList\".",
                "locations": [{"line": 1, "column": 3}], "path": ["notAList"]}],
                "data": {"notAList": null}})"));
}

TEST_F(CompleteValueTest, ItemErrorsCarryTheirIndex) {
  EXPECT_EQ(run(*schema_, "{ throwsInList }"),
            normalized(R"({"errors": [{"message": "String cannot represent value: { x: 1 }",
                "locations": [{"line": 1, "column": 3}], "path": ["throwsInList", 1]}],
                "data": {"throwsInList": ["a", null, "c"]}})"));
}

TEST_F(CompleteValueTest, AbstractTypesByTypeNameResolverAndTypenameMember) {
  EXPECT_EQ(run(*schema_, "{ pets { __typename name ... on Dog { barks } } }"),
            normalized(R"({"data": {"pets": [{"__typename": "Cat", "name": "Tom"},
                                              {"__typename": "Dog", "name": "Rex", "barks": true},
                                              null]}})"));
  EXPECT_EQ(run(*schema_, "{ petsByResolver { __typename name } }"),
            normalized(R"({"data": {"petsByResolver": [{"__typename": "Cat", "name": "Kit"},
                                                        {"__typename": "Dog", "name": "Fido"}]}})"));
  EXPECT_EQ(run(*schema_, "{ things { ... on Cat { lives } ... on Dog { name } } }"),
            normalized(R"({"data": {"things": [{"name": "Rex"}, {"lives": 9}]}})"));
}

TEST_F(CompleteValueTest, AbstractTypeErrors) {
  EXPECT_EQ(
      run(*schema_, "{ untyped { name } }"),
      normalized(
          R"({"errors": [{"message": "Abstract type \"Named\" must resolve to an Object type at runtime for field \"Query.untyped\". Either the \"Named\" type should have a type resolver or the value should carry its type name.",
                "locations": [{"line": 1, "column": 3}], "path": ["untyped"]}],
                "data": {"untyped": null}})"));
  EXPECT_EQ(
      run(*schema_, "{ unknownType { name } }"),
      normalized(
          R"({"errors": [{"message": "Abstract type \"Named\" was resolved to a type \"Bird\" that does not exist inside the schema.",
                "locations": [{"line": 1, "column": 3}], "path": ["unknownType"]}],
                "data": {"unknownType": null}})"));
  EXPECT_EQ(
      run(*schema_, "{ rockAsPet { name } }"),
      normalized(
          R"({"errors": [{"message": "Abstract type \"Named\" was resolved to a non-object type \"Mood\".",
                "locations": [{"line": 1, "column": 3}], "path": ["rockAsPet"]}],
                "data": {"rockAsPet": null}})"));
  EXPECT_EQ(
      run(*schema_, "{ notPossible { __typename } }"),
      normalized(
          R"({"errors": [{"message": "Runtime Object type \"Rock\" is not a possible type for \"Thing\".",
                "locations": [{"line": 1, "column": 3}], "path": ["notPossible"]}],
                "data": {"notPossible": null}})"));
}

TEST_F(CompleteValueTest, ResolverExceptionsBecomeFieldErrors) {
  EXPECT_EQ(run(*schema_, "{ int throws other: throwsOther mood }"), normalized(R"({"errors": [
                {"message": "boom", "locations": [{"line": 1, "column": 7}], "path": ["throws"]},
                {"message": "Unexpected error value: not a std::exception.",
                 "locations": [{"line": 1, "column": 14}], "path": ["other"]}],
                "data": {"int": 12, "throws": null, "other": null, "mood": "HAPPY"}})"));
}

TEST_F(CompleteValueTest, ALocatedGraphQLErrorKeepsItsLocations) {
  EXPECT_EQ(run(*schema_, "{ throwsGraphQLError }"),
            normalized(R"({"errors": [{"message": "located elsewhere",
                "locations": [{"line": 7, "column": 7}], "path": ["throwsGraphQLError"]}],
                "data": {"throwsGraphQLError": null}})"));
}

TEST_F(CompleteValueTest, MergedFieldsReportEveryLocation) {
  EXPECT_EQ(run(*schema_, "{ throws\n throws }"), normalized(R"({"errors": [{"message": "boom",
                "locations": [{"line": 1, "column": 3}, {"line": 2, "column": 2}],
                "path": ["throws"]}], "data": {"throws": null}})"));
}

TEST(DefaultResolverTest, ApplicationObjectsNeedResolvers) {
  const auto schema = SchemaBuilder("type Query { pet: Pet } type Pet { name: String }")
                          .resolver("Query", "pet",
                                    [](const ResolveParams&) -> Resolved {
                                      return Resolved::object(Pet{"Tom", true});
                                    })
                          .build();
  EXPECT_EQ(
      run(*schema, "{ pet { name } }"),
      normalized(
          R"({"errors": [{"message": "Field \"Pet.name\" has no resolver, and its parent is an application object that only a resolver can read.",
                "locations": [{"line": 1, "column": 9}], "path": ["pet", "name"]}],
                "data": {"pet": {"name": null}}})"));
}

TEST(ExecutionLimitsTest, StopsPastTheResultValueLimit) {
  const auto schema = SchemaBuilder("type Query { numbers: [Int] }")
                          .resolver("Query", "numbers",
                                    [](const ResolveParams&) -> Resolved {
                                      Value::List numbers;
                                      for (int i = 0; i < 1000; ++i)
                                        numbers.emplace_back(i);
                                      return Value(std::move(numbers));
                                    })
                          .build();
  const ExecutionResult limited = testing::executeRequest(
      *schema, testing::Request("{ numbers }").withLimits(testing::maxResultValues(500)));
  EXPECT_EQ(
      limited.toJson(),
      normalized(
          R"({"errors": [{"message": "Execution stopped: the response would hold more than 500 values."}],
                "data": null})"));
  const ExecutionResult enough = testing::executeRequest(
      *schema, testing::Request("{ numbers }").withLimits(testing::maxResultValues(1002)));
  EXPECT_TRUE(enough.errors.empty());
}

}  // namespace
}  // namespace mt::api
