// print(parse(x)) over a corpus: graphql-js's kitchen-sink style documents (our own
// equivalents) print exactly as graphql-js prints them, and printing is stable:
// print(parse(print(parse(x)))) == print(parse(x)) for every document.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "Parser.h"
#include "Printer.h"

namespace mt::api {
namespace {

std::string reprint(const std::string& text) {
  return print(*parse(text));
}

const char* const kKitchenSink =
    R"GQL(query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
  whoever123is: node(id: [123, 456]) {
    id ,
    ... on User @onInlineFragment {
      field2 {
        id ,
        alias: field1(first:10, after:$foo,) @include(if: $foo) {
          id,
          ...frag @onFragmentSpread
        }
      }
    }
    ... @skip(unless: $foo) {
      id
    }
    ... {
      id
    }
  }
}

mutation likeStory @onMutation {
  like(story: 123) @onField {
    story {
      id @onField
    }
  }
}

subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
  storyLikeSubscribe(input: $input) {
    story {
      likers {
        count
      }
      likeSentence {
        text
      }
    }
  }
}

fragment frag on Friend @onFragmentDefinition {
  foo(size: $size, bar: $b, obj: {key: "value", block: """
      block string uses \"""
  """})
}

{
  unnamed(truthy: true, falsy: false, nullish: null),
  query
}

query { __typename }
)GQL";

// graphql-js 16.15 prints kKitchenSink as this.
const char* const kKitchenSinkPrinted =
    R"GQL(query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
  whoever123is: node(id: [123, 456]) {
    id
    ... on User @onInlineFragment {
      field2 {
        id
        alias: field1(first: 10, after: $foo) @include(if: $foo) {
          id
          ...frag @onFragmentSpread
        }
      }
    }
    ... @skip(unless: $foo) {
      id
    }
    ... {
      id
    }
  }
}

mutation likeStory @onMutation {
  like(story: 123) @onField {
    story {
      id @onField
    }
  }
}

subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
  storyLikeSubscribe(input: $input) {
    story {
      likers {
        count
      }
      likeSentence {
        text
      }
    }
  }
}

fragment frag on Friend @onFragmentDefinition {
  foo(
    size: $size
    bar: $b
    obj: {key: "value", block: """
    block string uses \"""
    """}
  )
}

{
  unnamed(truthy: true, falsy: false, nullish: null)
  query
}

{
  __typename
})GQL";

const char* const kSchemaKitchenSink = R"GQL("""This is a description of the schema as a whole."""
schema {
  query: QueryType
  mutation: MutationType
}

"""
This is a description
of the `Foo` type.
"""
type Foo implements Bar & Baz & Two {
  "Description of the `one` field."
  one: Type
  """This is a description of the `two` field."""
  two(
    """This is a description of the `argument` argument."""
    argument: InputType!
  ): Type
  """This is a description of the `three` field."""
  three(argument: InputType, other: String): Int
  four(argument: String = "string"): String
  five(argument: [String] = ["string", "string"]): String
  six(argument: InputType = {key: "value"}): Type
  seven(argument: Int = null): Type
}

type AnnotatedObject @onObject(arg: "value") {
  annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
}

type UndefinedType

extend type Foo {
  seven(argument: [String]): Type
}

extend type Foo @onType

interface Bar {
  one: Type
  four(argument: String = "string"): String
}

interface AnnotatedInterface @onInterface {
  annotatedField(arg: Type @onArgumentDefinition): Type @onField
}

interface UndefinedInterface

extend interface Bar implements Two {
  two(argument: InputType!): Type
}

extend interface Bar @onInterface

interface Baz implements Bar & Two {
  one: Type
  two(argument: InputType!): Type
  four(argument: String = "string"): String
}

union Feed =
  | Story
  | Article
  | Advert

union AnnotatedUnion @onUnion = A | B

union AnnotatedUnionTwo @onUnion = | A | B

union UndefinedUnion

extend union Feed = Photo | Video

extend union Feed @onUnion

scalar CustomScalar

scalar AnnotatedScalar @onScalar

extend scalar CustomScalar @onScalar

enum Site {
  """This is a description of the `DESKTOP` value"""
  DESKTOP

  """This is a description of the `MOBILE` value"""
  MOBILE

  "This is a description of the `WEB` value"
  WEB
}

enum AnnotatedEnum @onEnum {
  ANNOTATED_VALUE @onEnumValue
  OTHER_VALUE
}

enum UndefinedEnum

extend enum Site {
  VR
}

extend enum Site @onEnum

input InputType {
  key: String!
  answer: Int = 42
}

input AnnotatedInput @onInputObject {
  annotatedField: Type @onInputFieldDefinition
}

input UndefinedInput

extend input InputType {
  other: Float = 1.23e4 @onInputFieldDefinition
}

extend input InputType @onInputObject

"""This is a description of the `@skip` directive"""
directive @skip(
  """This is a description of the `if` argument"""
  if: Boolean! @onArgumentDefinition
) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

directive @include(if: Boolean!)
  on FIELD
   | FRAGMENT_SPREAD
   | INLINE_FRAGMENT

directive @include2(if: Boolean!) on
  | FIELD
  | FRAGMENT_SPREAD
  | INLINE_FRAGMENT

directive @myRepeatableDir(name: String!) repeatable on
  | OBJECT
  | INTERFACE

extend schema @onSchema

extend schema @onSchema {
  subscription: SubscriptionType
}
)GQL";

// graphql-js 16.15 prints kSchemaKitchenSink as this.
const char* const kSchemaKitchenSinkPrinted =
    R"GQL("""This is a description of the schema as a whole."""
schema {
  query: QueryType
  mutation: MutationType
}

"""
This is a description
of the `Foo` type.
"""
type Foo implements Bar & Baz & Two {
  "Description of the `one` field."
  one: Type
  """This is a description of the `two` field."""
  two(
    """This is a description of the `argument` argument."""
    argument: InputType!
  ): Type
  """This is a description of the `three` field."""
  three(argument: InputType, other: String): Int
  four(argument: String = "string"): String
  five(argument: [String] = ["string", "string"]): String
  six(argument: InputType = {key: "value"}): Type
  seven(argument: Int = null): Type
}

type AnnotatedObject @onObject(arg: "value") {
  annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
}

type UndefinedType

extend type Foo {
  seven(argument: [String]): Type
}

extend type Foo @onType

interface Bar {
  one: Type
  four(argument: String = "string"): String
}

interface AnnotatedInterface @onInterface {
  annotatedField(arg: Type @onArgumentDefinition): Type @onField
}

interface UndefinedInterface

extend interface Bar implements Two {
  two(argument: InputType!): Type
}

extend interface Bar @onInterface

interface Baz implements Bar & Two {
  one: Type
  two(argument: InputType!): Type
  four(argument: String = "string"): String
}

union Feed = Story | Article | Advert

union AnnotatedUnion @onUnion = A | B

union AnnotatedUnionTwo @onUnion = A | B

union UndefinedUnion

extend union Feed = Photo | Video

extend union Feed @onUnion

scalar CustomScalar

scalar AnnotatedScalar @onScalar

extend scalar CustomScalar @onScalar

enum Site {
  """This is a description of the `DESKTOP` value"""
  DESKTOP
  """This is a description of the `MOBILE` value"""
  MOBILE
  "This is a description of the `WEB` value"
  WEB
}

enum AnnotatedEnum @onEnum {
  ANNOTATED_VALUE @onEnumValue
  OTHER_VALUE
}

enum UndefinedEnum

extend enum Site {
  VR
}

extend enum Site @onEnum

input InputType {
  key: String!
  answer: Int = 42
}

input AnnotatedInput @onInputObject {
  annotatedField: Type @onInputFieldDefinition
}

input UndefinedInput

extend input InputType {
  other: Float = 1.23e4 @onInputFieldDefinition
}

extend input InputType @onInputObject

"""This is a description of the `@skip` directive"""
directive @skip(
  """This is a description of the `if` argument"""
  if: Boolean! @onArgumentDefinition
) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

directive @include2(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE

extend schema @onSchema

extend schema @onSchema {
  subscription: SubscriptionType
})GQL";

TEST(RoundTripTest, PrintsTheKitchenSinkAsGraphqlJsDoes) {
  EXPECT_EQ(reprint(kKitchenSink), kKitchenSinkPrinted);
}

TEST(RoundTripTest, PrintsTheSchemaKitchenSinkAsGraphqlJsDoes) {
  EXPECT_EQ(reprint(kSchemaKitchenSink), kSchemaKitchenSinkPrinted);
}

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> documents = {
      kKitchenSink,
      kSchemaKitchenSink,
      "{ a }",
      "query Q($id: ID!, $first: Int = 10) { user(id: $id) { posts(first: $first) { edges { "
      "node { id } } } } }",
      "mutation { post(text: \"hello #graphql @you\") { id createdAt author { name } } }",
      "subscription OnTweet($user: ID) @live { tweetPosted(by: $user) { id text } }",
      "{ a(x: \"\"\"  leading\n    indented\n  back\"\"\") }",
      "{ a(x: \"\"\"\n\n  x\n\n\"\"\") }",
      "{ a(x: \"\"\"a\\\"\"\"b\"\"\") }",
      "{ a(x: \"\"\"ends with quote\\\"\"\"\"\"\") }",
      "{ a(x: \"\"\"trailing slash \\\\\n\"\"\") b(y: \"\"\"  \"\"\") }",
      "{ a(x: \"\"\"x\n     \n  y\"\"\") }",
      "{ a(x: \"\"\"\t tab\n\t\tinside\"\"\") }",
      "{ a(x: \"" + std::string(90, 'y') + "\") }",
      "{ a(x: \"\"\"" + std::string(80, 'x') + "\"\"\") }",
      "{ f(arg0: 0, arg1: 1, arg2: 2, arg3: 3, arg4: 4, arg5: 5, arg6: 6, arg7: 7, arg8: 8) }",
      "{ f(a: {b: \"\"\"multi\nline\"\"\"}) { g } }",
      "{ a(x: \"\\u00e9\\uD83D\\uDE00\\u{1F600}\\t\\n\\\"\\\\\\/\\b\\f\\r\\u0001\\u007f\") }",
      "type A { \"d\" f(\"\"\"multi\nline\"\"\" a: Int = \"\"\"x\ny\"\"\"): Int }",
      "\"\"\"\n  desc\n\"\"\"\nscalar S @specifiedBy(url: \"https://example.com\")",
      "\"op\" query Q(\"v\" $a: Int, \"\"\"w\"\"\" $b: String = \"x\") { a }",
      "\"f\" fragment F on T { a }",
      "query Q($a: Int = \"\"\"default\nblock\"\"\") { a }",
      "directive @d(a: Int = 1, \"b\" b: [In!]! = [{c: 2}]) repeatable on | FIELD | QUERY",
      "extend schema @a @b { query: Q }",
      "union U = | A | B extend union U = C",
      "interface I implements & J & K { f(a: [[Int!]!]): I }",
      "{ ...F ... on T { ...G } ... @skip(if: true) { h } }",
      "{ a { b { c { d { e { f { g { h } } } } } } } }",
      "# comment only before\n{ a # trailing comment\n}",
      "\xEF\xBB\xBF{ bom }",
  };
  return documents;
}

TEST(RoundTripTest, PrintingIsStable) {
  for (const std::string& document : corpus()) {
    std::string once = reprint(document);
    EXPECT_EQ(reprint(once), once) << document;
  }
}

TEST(RoundTripTest, PrintingKeepsStringValues) {
  // Block strings are re-laid out and indented, yet read back to the same value.
  for (const std::string& document : corpus()) {
    auto original = parse(document);
    auto reparsed = parse(print(*original));
    EXPECT_EQ(reparsed->definitions.size(), original->definitions.size()) << document;
  }
  const char* text = "{ f(a: \"\"\"  first\n    second\n\n  third  \"\"\") }";
  auto original = parse(text);
  auto reparsed = parse(print(*original));
  auto valueOf = [](const ast::Document& document) {
    const auto& operation = std::get<ast::OperationDefinition>(document.definitions.at(0));
    const auto& field = std::get<ast::Field>(operation.selectionSet.selections.at(0));
    return std::get<ast::StringValue>(field.arguments.at(0).value).value;
  };
  EXPECT_EQ(valueOf(*reparsed), valueOf(*original));
  EXPECT_EQ(valueOf(*original), "  first\n  second\n\nthird  ");
}

}  // namespace
}  // namespace mt::api
