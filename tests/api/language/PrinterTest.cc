// print(): graphql-js 16.15's layout, node by node. Every expected text here is what
// graphql-js prints for the same input.
#include <gtest/gtest.h>

#include <string>

#include "Parser.h"
#include "Printer.h"

namespace mt::api {
namespace {

std::string reprint(std::string text) {
  return print(*parse(std::move(text)));
}

TEST(PrinterTest, PrintsAnAnonymousQueryInShorthand) {
  EXPECT_EQ(reprint("query { id, name }"), "{\n  id\n  name\n}");
  EXPECT_EQ(reprint("{ id }"), "{\n  id\n}");
}

// Found by graphql_parser_fuzzer: "extend schema @a\n\n{ … }" reads back as a schema
// extension with a body, so after a definition printed without its optional body the
// query keeps its keyword (graphql-js prints the shorthand and does not read it back).
TEST(PrinterTest, KeepsTheQueryKeywordWhereABraceWouldJoinThePreviousDefinition) {
  EXPECT_EQ(reprint("extend schema @a query { s: S }"), "extend schema @a\n\nquery {\n  s: S\n}");
  EXPECT_EQ(reprint("type T query { f }"), "type T\n\nquery {\n  f\n}");
  EXPECT_EQ(reprint("enum E query { f }"), "enum E\n\nquery {\n  f\n}");
  EXPECT_EQ(reprint("type T { a: Int } { f }"), "type T {\n  a: Int\n}\n\n{\n  f\n}");
  EXPECT_EQ(reprint("fragment F on T { a } { f }"), "fragment F on T {\n  a\n}\n\n{\n  f\n}");
  const std::string printed = reprint("extend schema @a query { s: S } extend type T @d");
  EXPECT_EQ(reprint(printed), printed);
}

TEST(PrinterTest, PrintsNamedOperations) {
  EXPECT_EQ(reprint("query Q { id, name }"), "query Q {\n  id\n  name\n}");
  EXPECT_EQ(reprint("mutation { id, name }"), "mutation {\n  id\n  name\n}");
  EXPECT_EQ(reprint("subscription S { e }"), "subscription S {\n  e\n}");
}

TEST(PrinterTest, PrintsVariablesAndDirectivesOfAnAnonymousQuery) {
  EXPECT_EQ(reprint("query ($foo: TestType) @testDirective { id, name }"),
            "query ($foo: TestType) @testDirective {\n  id\n  name\n}");
  EXPECT_EQ(reprint("query ($foo: TestType = {a: 123} @testDirective(if: true) @test) { id }"),
            "query ($foo: TestType = {a: 123} @testDirective(if: true) @test) {\n  id\n}");
}

TEST(PrinterTest, WrapsLongArgumentLists) {
  EXPECT_EQ(reprint("{trip(wheelchair:false arriveBy:false includePlannedCancellations:true "
                    "transitDistanceReluctance:2000){dateTime}}"),
            R"({
  trip(
    wheelchair: false
    arriveBy: false
    includePlannedCancellations: true
    transitDistanceReluctance: 2000
  ) {
    dateTime
  }
})");
}

TEST(PrinterTest, PrintsEveryKindOfValue) {
  EXPECT_EQ(reprint("{ a: b(c: [1, 2.5, -3e4, true, false, null, ENUM, {d: {e: []}}, {}]) }"),
            "{\n  a: b(c: [1, 2.5, -3e4, true, false, null, ENUM, {d: {e: []}}, {}])\n}");
}

TEST(PrinterTest, PrintsFragments) {
  EXPECT_EQ(
      reprint("fragment F on T @d { a } fragment G on T { ... { b } ... on U @x { c } ...F @y }"),
      R"(fragment F on T @d {
  a
}

fragment G on T {
  ... {
    b
  }
  ... on U @x {
    c
  }
  ...F @y
})");
}

TEST(PrinterTest, PrintsDescriptionsOfOperationsAndVariablesAsGraphqlJs16_15Does) {
  EXPECT_EQ(reprint(R"("q" query Q("v" $a: Int, $b: Int) { a })"),
            "\"q\"\nquery Q(\n\"v\"\n$a: Int\n$b: Int\n) {\n  a\n}");
  EXPECT_EQ(reprint(R"(query ("""block""" $a: Int, $b: [Int!]! = [1]) @d { a })"),
            "query (\n\"\"\"block\"\"\"\n$a: Int\n$b: [Int!]! = [1]\n) @d {\n  a\n}");
  EXPECT_EQ(reprint("query Q($a: Int = \"\"\"default\nblock\"\"\") { a }"),
            "query Q(\n$a: Int = \"\"\"\ndefault\nblock\n\"\"\"\n) {\n  a\n}");
  EXPECT_EQ(reprint(R"("f" fragment F on T { a })"), "\"f\"\nfragment F on T {\n  a\n}");
}

TEST(PrinterTest, PrintsDescribedArgumentsOneALine) {
  EXPECT_EQ(reprint(R"("""
  Multi-line
  description
""" type T { "field" f("arg" a: Int = 1 @d, b: String): [T!] @e(x: "y") }
directive @d("x" x: Int) repeatable on FIELD | QUERY)"),
            R"("""
Multi-line
description
"""
type T {
  "field"
  f(
    "arg"
    a: Int = 1 @d
    b: String
  ): [T!] @e(x: "y")
}

directive @d(
  "x"
  x: Int
) repeatable on FIELD | QUERY)");
}

TEST(PrinterTest, EscapesStringsAsGraphqlJsDoes) {
  EXPECT_EQ(
      reprint(
          R"({ f(s: "quote \" slash \\ tab \t nl \n cr \r ctl \u0001 del \u007F c1 \u0085 nbsp \u00A0 emoji \uD83D\uDE00") })"),
      "{\n  f(\n    s: \"quote \\\" slash \\\\ tab \\t nl \\n cr \\r ctl \\u0001 del \\u007F c1 "
      "\\u0085 nbsp \xC2\xA0 emoji \xF0\x9F\x98\x80\"\n  )\n}");
  EXPECT_EQ(printString(""), R"("")");
  EXPECT_EQ(printString(std::string("\0\x08\x0B\x0C\x1F", 5)), R"("\u0000\b\u000B\f\u001F")");
  EXPECT_EQ(printString("\xC2\x80\xC2\x9F\xC2\xA0"), "\"\\u0080\\u009F\xC2\xA0\"");
  EXPECT_EQ(printString("/ is not escaped"), R"("/ is not escaped")");
}

TEST(PrinterTest, IndentsBlockStringsWithTheirBlock) {
  EXPECT_EQ(reprint("{ f(a: \"\"\"  indented first\n    second\"\"\", b: \"\"\"x\"\"\") }"),
            "{\n  f(a: \"\"\"\n    indented first\n  second\n  \"\"\", b: \"\"\"x\"\"\")\n}");
}

TEST(PrinterTest, PrintsValuesTypesAndPartsAlone) {
  EXPECT_EQ(print(parseValue(R"({a: [1, "two", $three]})").value), R"({a: [1, "two", $three]})");
  EXPECT_EQ(print(parseType("[[A!]]!").type), "[[A!]]!");
  auto document = parse(R"(query ($v: Int = 3 @d) { alias: f(a: 1) @skip(if: $v) })");
  const auto& operation = std::get<ast::OperationDefinition>(document->definitions.at(0));
  EXPECT_EQ(print(operation.variableDefinitions.at(0)), "$v: Int = 3 @d");
  EXPECT_EQ(print(operation.selectionSet.selections.at(0)), "alias: f(a: 1) @skip(if: $v)");
  const auto& field = std::get<ast::Field>(operation.selectionSet.selections.at(0));
  EXPECT_EQ(print(field.arguments.at(0)), "a: 1");
  EXPECT_EQ(print(field.directives.at(0)), "@skip(if: $v)");
  EXPECT_EQ(print(operation.selectionSet), "{\n  alias: f(a: 1) @skip(if: $v)\n}");
  EXPECT_EQ(print(document->definitions.at(0)),
            "query ($v: Int = 3 @d) {\n  alias: f(a: 1) @skip(if: $v)\n}");
}

TEST(PrinterTest, PrintsAnAstBuiltByHand) {
  ast::Field field;
  field.name.value = "hello";
  ast::OperationDefinition operation;
  operation.selectionSet.selections.emplace_back(field);
  ast::Document document;
  document.definitions.emplace_back(operation);
  EXPECT_EQ(print(document), "{\n  hello\n}");
  EXPECT_EQ(print(ast::Document{}), "");
}

}  // namespace
}  // namespace mt::api
