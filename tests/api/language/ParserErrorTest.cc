// Syntax errors from the parser: graphql-js 16.15's message and location for each
// (the cases were checked against it), and that lexer errors surface through parse().
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>
#include <string_view>

#include "Parser.h"

namespace mt::api {
namespace {

struct ParserErrorCase {
  std::string text;
  std::string message;
  int line;
  int column;
};

// On one line, with only characters that survive CMake's test discovery (which puts
// the parameter into the test's name); others as %XX.
void PrintTo(const ParserErrorCase& c, std::ostream* out) {
  for (char ch : c.text) {
    auto byte = static_cast<unsigned char>(ch);
    if (std::isalnum(byte) ||
        std::string_view(" _-.:,(){}@!=|&?").find(ch) != std::string_view::npos) {
      *out << ch;
    } else {
      const char* hex = "0123456789ABCDEF";
      *out << '%' << hex[byte >> 4] << hex[byte & 0xF];
    }
  }
}

class ParserErrorTest : public testing::TestWithParam<ParserErrorCase> {};

TEST_P(ParserErrorTest, ReportsTheErrorWhereGraphqlJsDoes) {
  const ParserErrorCase& expected = GetParam();
  try {
    parse(expected.text);
    FAIL() << "parsed";
  } catch (const GraphQLSyntaxError& error) {
    EXPECT_EQ(error.description(), expected.message);
    EXPECT_EQ(error.message(), "Syntax Error: " + expected.message);
    EXPECT_EQ(error.locations, (std::vector<ErrorLocation>{{expected.line, expected.column}}));
    EXPECT_TRUE(error.path.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Documents, ParserErrorTest,
    testing::Values(
        ParserErrorCase{"{", "Expected Name, found <EOF>.", 1, 2},
        ParserErrorCase{"\n      { ...MissingOn }\n      fragment MissingOn Type\n",
                        "Expected \"on\", found Name \"Type\".", 3, 26},
        ParserErrorCase{"{ field: {} }", "Expected Name, found \"{\".", 1, 10},
        ParserErrorCase{"notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1,
                        1},
        ParserErrorCase{"...", "Unexpected \"...\".", 1, 1},
        ParserErrorCase{"{ \"\"", "Expected Name, found String \"\".", 1, 3},
        ParserErrorCase{"query Foo($x: Complex = { a: { b: [ $var ] } }) { field }",
                        "Unexpected variable \"$var\" in constant value.", 1, 37},
        ParserErrorCase{"fragment on on on { on }", "Unexpected Name \"on\".", 1, 10},
        ParserErrorCase{"{ ...on }", "Expected Name, found \"}\".", 1, 9},
        ParserErrorCase{"{ f(a: $) }", "Expected Name, found \")\".", 1, 9},
        ParserErrorCase{
            "\"Description\" { a }",
            "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1},
        ParserErrorCase{"\"Description\" extend type A @d",
                        "Unexpected description, only GraphQL definitions support descriptions.", 1,
                        1},
        ParserErrorCase{"\"D\" 123", "Unexpected Int \"123\".", 1, 5},
        ParserErrorCase{"\"D\" foo",
                        "Unexpected description, only GraphQL definitions support descriptions.", 1,
                        1},
        ParserErrorCase{"enum Hello { true }",
                        "Name \"true\" is reserved and cannot be used for an enum value.", 1, 14},
        ParserErrorCase{"enum Hello { null }",
                        "Name \"null\" is reserved and cannot be used for an enum value.", 1, 14},
        ParserErrorCase{"extend scalar Hello", "Unexpected <EOF>.", 1, 20},
        ParserErrorCase{"extend type Hello", "Unexpected <EOF>.", 1, 18},
        ParserErrorCase{"extend schema", "Unexpected <EOF>.", 1, 14},
        ParserErrorCase{"extend union U", "Unexpected <EOF>.", 1, 15},
        ParserErrorCase{"extend enum E", "Unexpected <EOF>.", 1, 14},
        ParserErrorCase{"extend input I", "Unexpected <EOF>.", 1, 15},
        ParserErrorCase{"extend interface I", "Unexpected <EOF>.", 1, 19},
        ParserErrorCase{"extend foo", "Unexpected Name \"foo\".", 1, 8},
        ParserErrorCase{"extend", "Unexpected <EOF>.", 1, 7},
        ParserErrorCase{"directive @foo on FIELD | UNKNOWN", "Unexpected Name \"UNKNOWN\".", 1, 27},
        ParserErrorCase{"type Hello { world(foo: Int = $x): String }",
                        "Unexpected variable \"$x\" in constant value.", 1, 31},
        ParserErrorCase{"union Hello = | Wo | Rld |", "Expected Name, found <EOF>.", 1, 27},
        ParserErrorCase{"union Hello = || Wo | Rld", "Expected Name, found \"|\".", 1, 16},
        ParserErrorCase{"type Hello implements & Wo & & Rld", "Expected Name, found \"&\".", 1, 30},
        ParserErrorCase{"query ($a: [Int!]!!) {a}", "Expected \"$\", found \"!\".", 1, 19},
        ParserErrorCase{"", "Unexpected <EOF>.", 1, 1},
        ParserErrorCase{"   ", "Unexpected <EOF>.", 1, 4},
        ParserErrorCase{"# only", "Unexpected <EOF>.", 1, 7},
        ParserErrorCase{"query", "Expected \"{\", found <EOF>.", 1, 6},
        ParserErrorCase{"query Q", "Expected \"{\", found <EOF>.", 1, 8},
        ParserErrorCase{"query Q(", "Expected \"$\", found <EOF>.", 1, 9},
        ParserErrorCase{"query Q($", "Expected Name, found <EOF>.", 1, 10},
        ParserErrorCase{"query Q($a", "Expected \":\", found <EOF>.", 1, 11},
        ParserErrorCase{"query Q($a:", "Expected Name, found <EOF>.", 1, 12},
        ParserErrorCase{"query Q($a: [", "Expected Name, found <EOF>.", 1, 14},
        ParserErrorCase{"query Q($a: [A", "Expected \"]\", found <EOF>.", 1, 15},
        ParserErrorCase{"query Q($a: A =", "Unexpected <EOF>.", 1, 16},
        ParserErrorCase{"{ a(", "Expected Name, found <EOF>.", 1, 5},
        ParserErrorCase{"{ a(b", "Expected \":\", found <EOF>.", 1, 6},
        ParserErrorCase{"{ a(b:", "Unexpected <EOF>.", 1, 7},
        ParserErrorCase{"{ a(b: [", "Unexpected <EOF>.", 1, 9},
        ParserErrorCase{"{ a(b: {", "Expected Name, found <EOF>.", 1, 9},
        ParserErrorCase{"{ a(b: {c", "Expected \":\", found <EOF>.", 1, 10},
        ParserErrorCase{"{ a @", "Expected Name, found <EOF>.", 1, 6},
        ParserErrorCase{"{ a @b(", "Expected Name, found <EOF>.", 1, 8},
        ParserErrorCase{"{ ... on", "Expected Name, found <EOF>.", 1, 9},
        ParserErrorCase{"{ ... on A", "Expected \"{\", found <EOF>.", 1, 11},
        ParserErrorCase{"fragment", "Expected Name, found <EOF>.", 1, 9},
        ParserErrorCase{"fragment F", "Expected \"on\", found <EOF>.", 1, 11},
        ParserErrorCase{"fragment F on", "Expected Name, found <EOF>.", 1, 14},
        ParserErrorCase{"fragment F on A", "Expected \"{\", found <EOF>.", 1, 16},
        ParserErrorCase{"schema", "Expected \"{\", found <EOF>.", 1, 7},
        ParserErrorCase{"schema {", "Expected Name, found <EOF>.", 1, 9},
        ParserErrorCase{"schema { query", "Expected \":\", found <EOF>.", 1, 15},
        ParserErrorCase{"schema { foo: Bar }", "Unexpected Name \"foo\".", 1, 10},
        ParserErrorCase{"scalar", "Expected Name, found <EOF>.", 1, 7},
        ParserErrorCase{"type", "Expected Name, found <EOF>.", 1, 5},
        ParserErrorCase{"type A {", "Expected Name, found <EOF>.", 1, 9},
        ParserErrorCase{"type A { b", "Expected \":\", found <EOF>.", 1, 11},
        ParserErrorCase{"type A { b(", "Expected Name, found <EOF>.", 1, 12},
        ParserErrorCase{"type A { b: ", "Expected Name, found <EOF>.", 1, 13},
        ParserErrorCase{"interface", "Expected Name, found <EOF>.", 1, 10},
        ParserErrorCase{"union", "Expected Name, found <EOF>.", 1, 6},
        ParserErrorCase{"union U =", "Expected Name, found <EOF>.", 1, 10},
        ParserErrorCase{"enum", "Expected Name, found <EOF>.", 1, 5},
        ParserErrorCase{"enum E {", "Expected Name, found <EOF>.", 1, 9},
        ParserErrorCase{"input", "Expected Name, found <EOF>.", 1, 6},
        ParserErrorCase{"input I {", "Expected Name, found <EOF>.", 1, 10},
        ParserErrorCase{"directive", "Expected \"@\", found <EOF>.", 1, 10},
        ParserErrorCase{"directive @", "Expected Name, found <EOF>.", 1, 12},
        ParserErrorCase{"directive @d", "Expected \"on\", found <EOF>.", 1, 13},
        ParserErrorCase{"directive @d on", "Expected Name, found <EOF>.", 1, 16},
        ParserErrorCase{"directive @d repeatable", "Expected \"on\", found <EOF>.", 1, 24},
        ParserErrorCase{"{ a } query", "Expected \"{\", found <EOF>.", 1, 12},
        ParserErrorCase{"type A implements B C", "Unexpected Name \"C\".", 1, 21},
        ParserErrorCase{"{ a: b: c }", "Expected Name, found \":\".", 1, 7},
        ParserErrorCase{"{ a: }", "Expected Name, found \"}\".", 1, 6},
        ParserErrorCase{"{ $a }", "Expected Name, found \"$\".", 1, 3},
        ParserErrorCase{"{ a(x: \"\"\"ends with quote\"\"\"\") }", "Unterminated string.", 1, 33}));

INSTANTIATE_TEST_SUITE_P(
    LexerErrorsThroughTheParser, ParserErrorTest,
    testing::Values(
        ParserErrorCase{"{ a(b: 01) }", R"(Invalid number, unexpected digit after 0: "1".)", 1, 9},
        ParserErrorCase{"query {\n  a(b: \"\xC3\xA9\n  \")\n}", "Unterminated string.", 2, 10},
        ParserErrorCase{"{ a }\n\n   ?", R"(Unexpected character: "?".)", 3, 4}));

TEST(ParserErrorTypeTest, IsAGraphQLErrorAndARuntimeError) {
  try {
    parse("{");
    FAIL();
  } catch (const GraphQLError& error) {
    EXPECT_STREQ(error.what(), "Syntax Error: Expected Name, found <EOF>.");
    EXPECT_EQ(dynamic_cast<const GraphQLSyntaxError&>(error).offset(), 1u);
  }
  EXPECT_THROW(parse("}"), std::runtime_error);
}

}  // namespace
}  // namespace mt::api
