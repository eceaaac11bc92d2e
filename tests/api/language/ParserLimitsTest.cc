// The parser's defences: the token limit and the nesting limit.
#include <gtest/gtest.h>

#include <string>

#include "Parser.h"
#include "Printer.h"

namespace mt::api {
namespace {

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += piece;
  return out;
}

// `{ a { a { ... { a } ... } } }` with `depth` selection sets.
std::string nestedSelections(int depth) {
  return repeat("{ a ", depth - 1) + "{ a }" + repeat(" }", depth - 1);
}

GraphQLSyntaxError parseError(std::string text, const ParseOptions& options = {}) {
  try {
    parse(std::move(text), options);
  } catch (const GraphQLSyntaxError& error) {
    return error;
  }
  ADD_FAILURE() << "parsed";
  return GraphQLSyntaxError("none", 0, {});
}

TEST(ParserLimitsTest, AcceptsADocumentOfExactlyMaxTokens) {
  ParseOptions options;
  options.maxTokens = 7;
  auto document = parse("{ a b c d e }", options);  // 7 tokens
  EXPECT_EQ(document->tokenCount, 7u);
}

TEST(ParserLimitsTest, RefusesOneTokenMore) {
  ParseOptions options;
  options.maxTokens = 6;
  GraphQLSyntaxError error = parseError("{ a b c d e }", options);
  EXPECT_STREQ(error.what(),
               "Syntax Error: Document contains more than 6 tokens. Parsing aborted.");
  EXPECT_EQ(error.location(), (ErrorLocation{1, 13}));  // at the 7th token
}

TEST(ParserLimitsTest, DoesNotCountComments) {
  ParseOptions options;
  options.maxTokens = 3;
  EXPECT_NO_THROW(parse("# one\n{ # two\n a # three\n }", options));
}

TEST(ParserLimitsTest, RefusesMoreThanFiftyThousandTokensByDefault) {
  EXPECT_EQ(ParseOptions{}.maxTokens, 50'000u);
  std::string fields = "{" + repeat(" a", 49'998) + " }";  // 50,000 tokens
  EXPECT_EQ(parse(fields)->tokenCount, 50'000u);
  GraphQLSyntaxError error = parseError("{" + repeat(" a", 49'999) + " }");
  EXPECT_STREQ(error.what(),
               "Syntax Error: Document contains more than 50000 tokens. Parsing aborted.");
}

TEST(ParserLimitsTest, LimitsTokensInValuesAndTypesToo) {
  ParseOptions options;
  options.maxTokens = 4;
  EXPECT_THROW(parseValue("[1, 2, 3, 4]", options), GraphQLSyntaxError);
  EXPECT_THROW(parseType("[[[A]]]", options), GraphQLSyntaxError);
  EXPECT_NO_THROW(parseValue("[1, 2]", options));
}

TEST(ParserLimitsTest, AcceptsSelectionsNestedToMaxDepth) {
  EXPECT_EQ(ParseOptions{}.maxDepth, 256);
  auto document = parse(nestedSelections(256));
  EXPECT_EQ(print(*parse(print(*document))), print(*document));
}

TEST(ParserLimitsTest, RefusesSelectionsNestedDeeper) {
  GraphQLSyntaxError error = parseError(nestedSelections(257));
  EXPECT_STREQ(error.what(),
               "Syntax Error: Document is nested more than 256 levels deep. Parsing aborted.");
  EXPECT_EQ(error.location(), (ErrorLocation{1, 1 + 4 * 256}));  // the 257th "{"
}

TEST(ParserLimitsTest, CountsListsObjectsAndListTypesAsNesting) {
  ParseOptions options;
  options.maxDepth = 4;
  // One selection set plus three levels of value.
  EXPECT_NO_THROW(parse("{ f(a: [{b: [1]}]) }", options));
  EXPECT_THROW(parse("{ f(a: [{b: [[1]]}]) }", options), GraphQLSyntaxError);
  EXPECT_NO_THROW(parse("query ($a: [[[[Int]]]]) { f }", options));
  EXPECT_THROW(parse("query ($a: [[[[[Int]]]]]) { f }", options), GraphQLSyntaxError);
  EXPECT_NO_THROW(parseValue("[[[[1]]]]", options));
  EXPECT_THROW(parseValue("[[[[[1]]]]]", options), GraphQLSyntaxError);
  EXPECT_THROW(parseType("[[[[[A]]]]]", options), GraphQLSyntaxError);
  EXPECT_THROW(parse("type T { f(a: In = {a: {a: {a: {a: {a: 1}}}}}): Int }", options),
               GraphQLSyntaxError);
}

TEST(ParserLimitsTest, SurvivesHostileNestingWithoutExhaustingTheStack) {
  ParseOptions options;
  options.maxTokens = 10'000'000;
  for (std::string_view open : {"{ a ", "[", "{a: ", "... on T { "}) {
    std::string text =
        "query ($v: " + repeat("[", 1'000'000) + "Int" + repeat("]", 1'000'000) + ") { a }";
    if (open != "[") text = repeat(open, 1'000'000);
    if (open == "{a: ") text = "{ f(a: " + text;
    EXPECT_THROW(parse(text, options), GraphQLSyntaxError) << open;
  }
}

}  // namespace
}  // namespace mt::api
