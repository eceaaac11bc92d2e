// Block strings: the spec's BlockStringValue() and graphql-js's printBlockString.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "BlockString.h"

namespace mt::api {
namespace {

using Lines = std::vector<std::string>;

TEST(BlockStringValueTest, KeepsTheFirstLinesIndentation) {
  EXPECT_EQ(blockStringValue(Lines{""}), "");
  EXPECT_EQ(blockStringValue(Lines{"  a"}), "  a");
  EXPECT_EQ(blockStringValue(Lines{" a", "  b"}), " a\nb");
}

TEST(BlockStringValueTest, RemovesTheSmallestIndentation) {
  EXPECT_EQ(blockStringValue(Lines{"", " a", "  b"}), "a\n b");
  EXPECT_EQ(blockStringValue(Lines{"", "  a", " b"}), " a\nb");
  EXPECT_EQ(blockStringValue(Lines{"", "  a", " b", ""}), " a\nb");
}

TEST(BlockStringValueTest, CountsTabsAndSpacesAsOneCharacterEach) {
  EXPECT_EQ(blockStringValue(Lines{"", "\ta", "          b"}), "a\n         b");
  EXPECT_EQ(blockStringValue(Lines{"", "\t a", "          b"}), "a\n        b");
  EXPECT_EQ(blockStringValue(Lines{"", " \t a", "          b"}), "a\n       b");
}

// The spec's example, with the variations graphql-js tests.
TEST(BlockStringValueTest, DedentsTheSpecsExample) {
  EXPECT_EQ(
      blockStringValue(Lines{"", "    Hello,", "      World!", "", "    Yours,", "      GraphQL."}),
      "Hello,\n  World!\n\nYours,\n  GraphQL.");
  EXPECT_EQ(blockStringValue(Lines{"  ", "        ", "    Hello,", "      World!", "", "    Yours,",
                                   "      GraphQL.", "        ", "  "}),
            "Hello,\n  World!\n\nYours,\n  GraphQL.");
  EXPECT_EQ(
      blockStringValue(Lines{"    Hello,", "      World!", "", "    Yours,", "      GraphQL."}),
      "    Hello,\n  World!\n\nYours,\n  GraphQL.");
}

TEST(BlockStringValueTest, KeepsTrailingSpacesAndInnerBlankLines) {
  EXPECT_EQ(blockStringValue(Lines{"               ", "    Hello,     ", "      World!   ",
                                   "               ", "    Yours,     ", "      GraphQL. ",
                                   "               "}),
            "Hello,     \n  World!   \n           \nYours,     \n  GraphQL. ");
}

TEST(BlockStringValueTest, IsEmptyWhenEveryLineIsBlank) {
  EXPECT_EQ(blockStringValue(Lines{"  ", "   "}), "");
}

TEST(IsPrintableAsBlockStringTest, AcceptsWhatReadsBackUnchanged) {
  EXPECT_TRUE(isPrintableAsBlockString(""));
  EXPECT_TRUE(isPrintableAsBlockString("first line"));
  EXPECT_TRUE(isPrintableAsBlockString("    leading"));
  EXPECT_TRUE(isPrintableAsBlockString("a\n  b\n c"));
  EXPECT_TRUE(isPrintableAsBlockString("foo\n    bar"));
  EXPECT_TRUE(isPrintableAsBlockString(R"(ends with """)"));
}

TEST(IsPrintableAsBlockStringTest, RejectsWhatDedentWouldChange) {
  EXPECT_FALSE(isPrintableAsBlockString(" \n  a"));
  EXPECT_FALSE(isPrintableAsBlockString("\n  leading newline"));
  EXPECT_FALSE(isPrintableAsBlockString("a\n\n"));
  EXPECT_FALSE(isPrintableAsBlockString("    foo\n    bar"));
  EXPECT_FALSE(isPrintableAsBlockString("carriage\rreturn"));
  EXPECT_FALSE(isPrintableAsBlockString("control \x01"));
}

struct PrintCase {
  std::string value;
  std::string printed;
  std::string minimized;
};

// Expectations taken from graphql-js 16.15's printBlockString.
TEST(PrintBlockStringTest, LaysOutAsGraphqlJsDoes) {
  const std::vector<PrintCase> cases = {
      {"", R"("""""")", R"("""""")"},
      {R"(""")", "\"\"\"\n\\\"\"\"\n\"\"\"", R"("""\"""""")"},
      {R"(\""")", "\"\"\"\n\\\\\"\"\"\n\"\"\"", R"("""\\"""""")"},
      {"first line", R"("""first line""")", R"("""first line""")"},
      {"    leading", R"("""    leading""")", R"("""    leading""")"},
      {"trailing \"", "\"\"\"\ntrailing \"\n\"\"\"", "\"\"\"trailing \"\n\"\"\""},
      {"trailing \\", "\"\"\"\ntrailing \\\n\"\"\"", "\"\"\"trailing \\\n\"\"\""},
      {" \n  a", "\"\"\"\n \n  a\n\"\"\"", "\"\"\"\n \n  a\"\"\""},
      {"a\n  b\n c", "\"\"\"\na\n  b\n c\n\"\"\"", "\"\"\"\na\n  b\n c\"\"\""},
      {"\n  leading newline", "\"\"\"\n\n  leading newline\n\"\"\"",
       "\"\"\"\n\n  leading newline\"\"\""},
      {std::string(71, 'x'), "\"\"\"\n" + std::string(71, 'x') + "\n\"\"\"",
       "\"\"\"" + std::string(71, 'x') + "\"\"\""},
      {"a\n\n", "\"\"\"\na\n\n\n\"\"\"", "\"\"\"\na\n\n\"\"\""},
      {"foo\n    bar", "\"\"\"\nfoo\n    bar\n\"\"\"", "\"\"\"\nfoo\n    bar\"\"\""},
      {"    foo\n    bar", "\"\"\"\n    foo\n    bar\n\"\"\"", "\"\"\"\n    foo\n    bar\"\"\""},
      {R"(a"""b""")", "\"\"\"\na\\\"\"\"b\\\"\"\"\n\"\"\"", R"("""a\"""b\"""""")"},
  };
  for (const PrintCase& c : cases) {
    EXPECT_EQ(printBlockString(c.value), c.printed) << c.value;
    EXPECT_EQ(printBlockString(c.value, /*minimize=*/true), c.minimized) << c.value;
  }
}

TEST(PrintBlockStringTest, MeasuresLengthInUtf16CodeUnits) {
  // 70 "é" are 140 bytes but 70 UTF-16 units: short enough for one line.
  std::string seventy;
  for (int i = 0; i < 70; ++i)
    seventy += "\xC3\xA9";
  EXPECT_EQ(printBlockString(seventy), "\"\"\"" + seventy + "\"\"\"");
}

}  // namespace
}  // namespace mt::api
