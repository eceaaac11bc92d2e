#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "DateTimeScalar.h"
#include "SchemaBuilder.h"

namespace mt::api {
namespace {

// The messages of the SchemaError that building `builder` throws; empty if it builds.
std::vector<std::string> problems(const SchemaBuilder& builder) {
  try {
    builder.build();
  } catch (const SchemaError& error) {
    std::vector<std::string> messages;
    for (const auto& problem : error.errors())
      messages.emplace_back(problem.message());
    return messages;
  }
  return {};
}

std::vector<std::string> problems(const std::string& sdl) {
  return problems(SchemaBuilder(sdl));
}

struct ErrorCase {
  const char* name;
  const char* sdl;
  std::vector<std::string> messages;
};

// Each SDL has one problem (or one kind of problem). The expected messages are
// graphql-js 16's for the same SDL (buildSchema, then validateSchema), except where a
// comment gives graphql-js's: there we are stricter, or word a check graphql-js does
// not have in SDL.
TEST(SchemaErrorsTest, EachProblemReportedAsGraphqlJsReportsIt) {
  const ErrorCase cases[] = {
      {"unknownType",
       "type Query { a: Strin }",
       {"Unknown type \"Strin\". Did you mean \"String\"?"}},
      {"unknownInterface",
       "type Query implements Nod { a: Int }",
       {"Unknown type \"Nod\". Did you mean \"ID\"?"}},
      {"dupType",
       "type Query { a: Int } type Query { b: Int }",
       {"There can be only one type named \"Query\"."}},
      {"dupField",
       "type Query { a: Int a: String }",
       {"Field \"Query.a\" can only be defined once."}},
      {"dupArg",
       "type Query { a(x: Int, x: Int): Int }",
       {"Argument \"Query.a(x:)\" can only be defined once."}},
      {"dupEnum",
       "type Query { a: E } enum E { A A }",
       {"Enum value \"E.A\" can only be defined once."}},
      {"dupDirective",
       "directive @d on FIELD directive @d on FIELD type Query { a: Int }",
       {"There can be only one directive named \"@d\"."}},
      {"redefineSkip",
       "directive @skip on FIELD type Query { a: Int }",
       {"Directive \"@skip\" already exists in the schema. It cannot be redefined."}},  // graphql-js:
                                                                                        // VALID
      {"twoSchemas",
       "schema { query: Query } schema { query: Query } type Query { a: Int }",
       {"Must provide only one schema definition."}},  // graphql-js: Must provide only one schema
                                                       // definition. | There can be only one query
                                                       // type in schema.
      {"dupOp",
       "schema { query: Query query: Query } type Query { a: Int }",
       {"There can be only one query type in schema."}},
      {"extendUnknown",
       "type Query { a: Int } extend type Querry { b: Int }",
       {"Cannot extend type \"Querry\" because it is not defined. Did you mean \"Query\"?"}},
      {"extendWrongKind",
       "type Query { a: Int } enum E { A } extend type E { b: Int }",
       {"Cannot extend non-object type \"E\"."}},
      {"extendScalarAsObject",
       "type Query { a: Int } enum S { A } extend input S { b: Int }",
       {"Cannot extend non-input object type \"S\"."}},
      {"unknownDirective", "type Query { a: Int @foo }", {"Unknown directive \"@foo\"."}},
      {"wrongLocation",
       "type Query @deprecated { a: Int }",
       {"Directive \"@deprecated\" may not be used on OBJECT."}},
      {"repeatedDirective",
       "directive @d on FIELD_DEFINITION type Query { a: Int @d @d }",
       {"The directive \"@d\" can only be used once at this location."}},
      {"unknownDirArg",
       "type Query { a: Int @deprecated(reson: \"x\") }",
       {"Unknown argument \"reson\" on directive \"@deprecated\". Did you mean \"reason\"?"}},
      {"missingDirArg",
       "directive @d(x: Int!) on FIELD_DEFINITION type Query { a: Int @d }",
       {"Directive \"@d\" argument \"x\" of type \"Int!\" is required, but it was not provided."}},
      {"dupDirArg",
       "type Query { a: Int @deprecated(reason: \"a\", reason: \"b\") }",
       {"There can be only one argument named \"reason\"."}},
      {"noQuery", "type Mutation { a: Int }", {"Query root type must be provided."}},
      {"queryNotObject",
       "schema { query: Q } input Q { a: Int }",
       {"Query root type must be Object type, it cannot be Q."}},
      {"mutationNotObject",
       "schema { query: Query mutation: M } type Query { a: Int } union M = Query",
       {"Mutation root type must be Object type if provided, it cannot be M."}},
      {"reservedName",
       "type Query { __a: Int } type __T { a: Int }",
       {"Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.",
        "Name \"__T\" must not begin with \"__\", which is reserved by GraphQL introspection."}},
      {"noFields", "type Query", {"Type Query must define one or more fields."}},
      {"outputAsInput",
       "type Query { a(x: Query): Int }",
       {"The type of Query.a(x:) must be Input Type but got: Query."}},
      {"inputAsOutput",
       "type Query { a: I } input I { x: Int }",
       {"The type of Query.a must be Output Type but got: I."}},
      {"implementNonInterface",
       "type Query implements Query { a: Int }",
       {"Type Query must only implement Interface types, it cannot implement Query."}},
      {"unionNonObject",
       "type Query { a: U } union U = I | Query interface I { x: Int }",
       {"Union type U can only include Object types, it cannot include I."}},
      {"unionDupMember",
       "type Query { a: U } union U = Query | Query",
       {"Union type U can only include type Query once."}},
      {"emptyEnum", "type Query { a: E } enum E", {"Enum type E must define one or more values."}},
      {"emptyInput",
       "type Query { a(x: I): Int } input I",
       {"Input Object type I must define one or more fields."}},
      {"inputCycle",
       "type Query { a(x: A): Int } input A { b: B! } input B { a: A! }",
       {"Cannot reference Input Object \"A\" within itself through a series of non-null fields: "
        "\"b.a\"."}},
      {"requiredArgDeprecated",
       "type Query { a(x: Int! @deprecated): Int }",
       {"Required argument Query.a(x:) cannot be deprecated."}},
      {"requiredInputDeprecated",
       "type Query { a(x: I): Int } input I { y: Int! @deprecated }",
       {"Required input field I.y cannot be deprecated."}},
      {"oneOfNonNull",
       "type Query { a(x: I): Int } input I @oneOf { y: Int!, z: String = \"x\" }",
       {"OneOf input field I.y must be nullable.",
        "OneOf input field I.z cannot have a default value."}},
      {"badDefault",
       "type Query { a(x: Int = \"one\"): Int }",
       {"Argument \"Query.a(x:)\" has an invalid default value: \"one\"."}},  // graphql-js: VALID
      {"badDirectiveValue",
       "type Query { a: Int @deprecated(reason: 5) }",
       {"Argument \"@deprecated(reason:)\" has invalid value 5."}},  // graphql-js: Argument
                                                                     // "reason" has invalid
                                                                     // value 5.
      {"implementMissingField",
       "interface I { x: Int y: String } type Query implements I { x: Int }",
       {"Interface field I.y expected but Query does not provide it."}},
      {"implementWrongType",
       "interface I { x: Int } type Query implements I { x: String }",
       {"Interface field I.x expects type Int but Query.x is type String."}},
      {"implementMissingArg",
       "interface I { x(a: Int): Int } type Query implements I { x: Int }",
       {"Interface field argument I.x(a:) expected but Query.x does not provide it."}},
      {"implementArgType",
       "interface I { x(a: Int): Int } type Query implements I { x(a: String): Int }",
       {"Interface field argument I.x(a:) expects type Int but Query.x(a:) is type String."}},
      {"implementExtraRequired",
       "interface I { x: Int } type Query implements I { x(b: Int!): Int }",
       {"Object field Query.x includes required argument b that is missing from the Interface "
        "field I.x."}},
      {"implementTransitive",
       "interface A { x: Int } interface B implements A { x: Int } type Query implements B { x: "
       "Int }",
       {"Type Query must implement A because it is implemented by B."}},
      {"implementSelf",
       "interface I implements I { x: Int } type Query { a: I }",
       {"Type I cannot implement itself because it would create a circular reference."}},
      {"implementDup",
       "interface I { x: Int } type Query implements I & I { x: Int }",
       {"Type Query can only implement I once."}},
      {"operationInSdl",
       "type Query { a: Int } query { a }",
       {"An SDL document cannot contain operations or fragments (OperationDefinition)."}},  // graphql-js:
                                                                                            // VALID
  };
  for (const auto& c : cases)
    EXPECT_EQ(problems(c.sdl), c.messages) << c.name << ": " << c.sdl;
}

TEST(SchemaErrorsTest, SyntaxErrorsComeFromTheParser) {
  try {
    SchemaBuilder("type Query {\n  a: \n}", "twitter.graphql").build();
    FAIL() << "expected a SchemaError";
  } catch (const SchemaError& error) {
    ASSERT_EQ(error.errors().size(), 1u);
    EXPECT_EQ(error.errors()[0].message(), "Syntax Error: Expected Name, found \"}\".");
    EXPECT_EQ(error.errors()[0].locations, (std::vector<ErrorLocation>{{3, 1}}));
    EXPECT_STREQ(error.what(),
                 "Invalid schema (1 problem):\n  twitter.graphql:3:1: Syntax Error: Expected Name, "
                 "found \"}\".");
  }
}

TEST(SchemaErrorsTest, ListsEveryProblemWithItsLocation) {
  try {
    SchemaBuilder("type Query {\n  a: Strin\n  b: Foo\n}\nextend type Nope { c: Int }\n").build();
    FAIL() << "expected a SchemaError";
  } catch (const SchemaError& error) {
    ASSERT_EQ(error.errors().size(), 3u);
    EXPECT_EQ(error.errors()[0].locations, (std::vector<ErrorLocation>{{2, 6}}));
    EXPECT_EQ(error.errors()[1].locations, (std::vector<ErrorLocation>{{3, 6}}));
    EXPECT_EQ(error.errors()[2].locations, (std::vector<ErrorLocation>{{5, 1}}));
    EXPECT_STREQ(error.what(),
                 "Invalid schema (3 problems):\n"
                 "  schema.graphql:2:6: Unknown type \"Strin\". Did you mean \"String\"?\n"
                 "  schema.graphql:3:6: Unknown type \"Foo\".\n"
                 "  schema.graphql:5:1: Cannot extend type \"Nope\" because it is not defined.");
  }
}

TEST(SchemaErrorsTest, UnknownTypesWhereverTheyAppear) {
  // Directive definitions are read before types, as types may use them.
  EXPECT_EQ(
      problems("type Query { a(x: [In!]): Int } input I { y: [[Flaot]] } union U = Query | Qery\n"
               "directive @d(z: Strng) on FIELD schema { query: Query mutation: Mutaton }"),
      (std::vector<std::string>{
          "Unknown type \"Strng\". Did you mean \"String\"?",
          "Unknown type \"In\". Did you mean \"I\", \"ID\", or \"Int\"?",
          "Unknown type \"Flaot\". Did you mean \"Float\"?",
          "Unknown type \"Qery\". Did you mean \"Query\"?",
          "Unknown type \"Mutaton\".",
      }));
}

TEST(SchemaErrorsTest, ScalarsNeedAnImplementation) {
  const std::string sdl = "scalar DateTime scalar Json type Query { at: DateTime data: Json }";
  EXPECT_EQ(
      problems(sdl),
      (std::vector<std::string>{
          "Scalar \"DateTime\" has no implementation: register one with "
          "SchemaBuilder::scalar() or in a ScalarRegistry.",
          "Scalar \"Json\" has no implementation: register one with SchemaBuilder::scalar() or "
          "in a ScalarRegistry.",
      }));
  SchemaBuilder builder(sdl);
  builder.scalar("DateTime", std::make_shared<DateTimeScalar>());
  builder.scalar("Json", std::make_shared<ScalarType>());
  EXPECT_EQ(problems(builder), std::vector<std::string>{});
}

TEST(SchemaErrorsTest, ScalarRegistrationProblems) {
  SchemaBuilder builder("scalar DateTime type Query { at: DateTime }");
  builder.scalar("DateTime", std::make_shared<DateTimeScalar>());
  builder.scalar("DateTime", std::make_shared<DateTimeScalar>());
  builder.scalar("Int", std::make_shared<DateTimeScalar>());
  EXPECT_EQ(problems(builder),
            (std::vector<std::string>{
                "ScalarRegistry: scalar DateTime is already registered",
                "ScalarRegistry: Int is a specified scalar and cannot be replaced",
            }));
}

TEST(SchemaErrorsTest, ResolversMustNameExistingFields) {
  SchemaBuilder builder(
      "type Query { tweet: Tweet } type Tweet { text: String } enum Color { RED } "
      "union U = Tweet interface Node { id: ID }");
  const FieldResolver resolve = [](const ResolveParams&) { return Resolved(); };
  builder.resolver("Qurey", "tweet", resolve);
  builder.resolver("Query", "twet", resolve);
  builder.resolver("Color", "RED", resolve);
  builder.resolver("__Type", "name", resolve);
  builder.resolver("Query", "tweet", resolve);
  builder.batchResolver("Query", "tweet",
                        [](const BatchResolveParams&) { return std::vector<Resolved>{}; });
  builder.typeResolver("Tweet", [](const Resolved&, std::any&) { return std::string(); });
  builder.typeResolver("Nothing", [](const Resolved&, std::any&) { return std::string(); });
  builder.typeResolver("U", [](const Resolved&, std::any&) { return std::string(); });
  builder.typeResolver("U", [](const Resolved&, std::any&) { return std::string(); });
  builder.resolver("Query", "empty", FieldResolver());
  EXPECT_EQ(
      problems(builder),
      (std::vector<std::string>{
          "Resolver for \"Query.empty\" is empty.",
          "Resolver for \"Qurey.tweet\": the schema has no type \"Qurey\". Did you mean "
          "\"Query\"?",
          "Resolver for \"Query.twet\": Query has no field \"twet\". Did you mean \"tweet\"?",
          "Resolver for \"Color.RED\": Color is an enum type, which has no fields to resolve.",
          "Resolver for \"__Type.name\": __Type is one of GraphQL's own types, which resolve "
          "themselves.",
          "Resolver for \"Query.tweet\" is registered twice.",
          "Type resolver for \"Tweet\": Tweet is not an interface or union type; only those "
          "need one.",
          "Type resolver for \"Nothing\": the schema has no type \"Nothing\".",
          "Type resolver for \"U\" is registered twice.",
      }));
}

TEST(SchemaErrorsTest, SubscribersBelongToTheSubscriptionRootsFields) {
  const SubscribeResolver subscribe = [](SubscribeParams) -> std::unique_ptr<SourceEventStream> {
    return nullptr;
  };
  SchemaBuilder builder(
      "schema { query: Query subscription: Events } type Query { a: Int } "
      "type Events { tick: Int } type Other { tick: Int }");
  builder.subscriber("Query", "a", subscribe);
  builder.subscriber("Other", "tick", subscribe);
  builder.subscriber("Events", "tock", subscribe);
  builder.subscriber("Evnets", "tick", subscribe);
  builder.subscriber("Events", "tick", subscribe);
  builder.subscriber("Events", "tick", subscribe);
  builder.subscriber("Events", "empty", SubscribeResolver());
  EXPECT_EQ(problems(builder),
            (std::vector<std::string>{
                "Subscribe resolver for \"Events.empty\" is empty.",
                "Subscribe resolver for \"Query.a\": Query is not the schema's subscription "
                "type (Events).",
                "Subscribe resolver for \"Other.tick\": Other is not the schema's subscription "
                "type (Events).",
                "Subscribe resolver for \"Events.tock\": Events has no field \"tock\". Did you "
                "mean \"tick\"?",
                "Subscribe resolver for \"Evnets.tick\": the schema has no type \"Evnets\". Did "
                "you mean \"Events\"?",
                "Subscribe resolver for \"Events.tick\" is registered twice.",
            }));
  EXPECT_EQ(problems(SchemaBuilder("type Query { a: Int }").subscriber("Query", "a", subscribe)),
            (std::vector<std::string>{"Subscribe resolver for \"Query.a\": Query is not the "
                                      "schema's subscription type; the schema has none."}));
}

TEST(SchemaErrorsTest, ExtensionsMustMatchTheirType) {
  EXPECT_EQ(problems("type Query { a: Int } extend scalar Int @specifiedBy(url: \"x\")\n"
                     "extend type __Type { b: Int } extend union Query = Query"),
            (std::vector<std::string>{
                "Cannot extend type \"Int\" because it is not defined.",
                "Cannot extend type \"__Type\" because it is not defined.",
                "Cannot extend non-union type \"Query\".",
            }));
}

TEST(SchemaErrorsTest, ExtensionsCannotRedefineMembers) {
  EXPECT_EQ(
      problems("type Query { a: Int } extend type Query { a: String }\n"
               "enum E { A } extend enum E { A } input I { x: Int } extend input I { x: Int }\n"
               "extend type Query { e: E i(x: I): Int }"),
      (std::vector<std::string>{
          "Field \"Query.a\" can only be defined once.",
          "Enum value \"E.A\" can only be defined once.",
          "Field \"I.x\" can only be defined once.",
      }));
}

TEST(SchemaErrorsTest, TheEnginesOwnTypesCannotBeRedefined) {
  EXPECT_EQ(
      problems("type Query { a: Int } type __Schema { x: Int } enum String { A }"),
      (std::vector<std::string>{
          "Type \"__Schema\" already exists in the schema. It cannot also be defined in this "
          "type definition.",
          "Type \"String\" already exists in the schema. It cannot also be defined in this type "
          "definition.",
      }));
  // A specified scalar declared again is the built-in one, as in graphql-js.
  EXPECT_EQ(problems("scalar Int type Query { a: Int }"), std::vector<std::string>{});
}

TEST(SchemaErrorsTest, DefaultValuesMustFitTheirTypes) {
  EXPECT_EQ(
      problems("type Query { a(x: [Int!] = [1, null], y: E = B, z: I = {}, w: Int! = null): Int }\n"
               "enum E { A } input I { r: Int! o: Int = 1.5 }\n"
               "directive @d(n: Float = \"x\") on FIELD"),
      (std::vector<std::string>{
          "Argument \"Query.a(x:)\" has an invalid default value: [1, null].",
          "Argument \"Query.a(y:)\" has an invalid default value: B.",
          "Input field \"I.o\" has an invalid default value: 1.5.",
          "Argument \"Query.a(z:)\" has an invalid default value: {}.",
          "Argument \"Query.a(w:)\" has an invalid default value: null.",
          "Argument \"@d(n:)\" has an invalid default value: \"x\".",
      }));
}

TEST(SchemaErrorsTest, DefaultValuesThatNeedThemselves) {
  EXPECT_EQ(
      problems("type Query { a(x: A): Int } input A { a: A = {} b: Int }"),
      (std::vector<std::string>{"The default value of Input field \"A.a\" depends on itself."}));
}

TEST(SchemaErrorsTest, DirectivesOnTypesAndTheirExtensionsCountTogether) {
  EXPECT_EQ(
      problems("directive @tag on OBJECT type Query @tag { a: Int } extend type Query @tag"),
      (std::vector<std::string>{"The directive \"@tag\" can only be used once at this location."}));
  EXPECT_EQ(problems("directive @tag repeatable on OBJECT type Query @tag { a: Int }\n"
                     "extend type Query @tag"),
            std::vector<std::string>{});
}

TEST(SchemaErrorsTest, EveryProblemOfOneSchemaTogether) {
  SchemaBuilder builder(
      "type Query { a: Strin b(x: Query): Int } interface I { y: Int } type T implements I { z: "
      "Int }");
  builder.resolver("Query", "c", [](const ResolveParams&) { return Resolved(); });
  EXPECT_EQ(problems(builder),
            (std::vector<std::string>{
                "Unknown type \"Strin\". Did you mean \"String\"?",
                "Resolver for \"Query.c\": Query has no field \"c\". Did you mean \"a\" or \"b\"?",
                "The type of Query.b(x:) must be Input Type but got: Query.",
                "Interface field I.y expected but T does not provide it.",
            }));
}

}  // namespace
}  // namespace mt::api
