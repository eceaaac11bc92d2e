// Every lexer error, worded and located as graphql-js 16 reports it.
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>
#include <string_view>

#include "Lexer.h"

namespace mt::api {
namespace {

struct LexerErrorCase {
  std::string text;
  std::string message;
  int line;
  int column;
};

// On one line, with only characters that survive CMake's test discovery (which puts
// the parameter into the test's name); others as %XX.
void PrintTo(const LexerErrorCase& c, std::ostream* out) {
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

class LexerErrorTest : public testing::TestWithParam<LexerErrorCase> {};

TEST_P(LexerErrorTest, ReportsTheError) {
  const LexerErrorCase& expected = GetParam();
  Source source(expected.text);
  Lexer lexer(source);
  try {
    while (lexer.advance().kind != TokenKind::EndOfFile) {
    }
    FAIL() << "no error";
  } catch (const GraphQLSyntaxError& error) {
    EXPECT_EQ(error.what(), "Syntax Error: " + expected.message);
    EXPECT_EQ(error.description(), expected.message);
    ASSERT_EQ(error.locations.size(), 1u);
    EXPECT_EQ(error.location(), (ErrorLocation{expected.line, expected.column}));
    SourceLocation where = source.locationOf(error.offset());
    EXPECT_EQ(where, (SourceLocation{expected.line, expected.column}));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Characters, LexerErrorTest,
    testing::Values(
        LexerErrorCase{"?", R"(Unexpected character: "?".)", 1, 1},
        LexerErrorCase{"\x07", "Unexpected character: U+0007.", 1, 1},
        LexerErrorCase{"\u203B", "Unexpected character: U+203B.", 1, 1},
        LexerErrorCase{"\u200b", "Unexpected character: U+200B.", 1, 1},
        LexerErrorCase{"\xF0\x9F\x98\x80", "Unexpected character: U+1F600.", 1, 1},
        LexerErrorCase{
            "'single quotes'",
            R"(Unexpected single quote character ('), did you mean to use a double quote (")?)", 1,
            1},
        LexerErrorCase{".", R"(Unexpected character: ".".)", 1, 1},
        LexerErrorCase{"..", R"(Unexpected character: ".".)", 1, 1},
        LexerErrorCase{"\xC3\xA9", "Unexpected character: U+00E9.", 1, 1},
        LexerErrorCase{"# comment \xC3\xA9\n  ?", R"(Unexpected character: "?".)", 2, 3},
        LexerErrorCase{"\xEF\xBB\xBF{ a }\xEF\xBB\xBF?", R"(Unexpected character: "?".)", 1, 8},
        // Malformed UTF-8 (graphql-js reads UTF-16 and cannot meet it): named by its byte.
        LexerErrorCase{"\xFF", "Invalid character: byte 0xFF (not UTF-8).", 1, 1},
        LexerErrorCase{"a \xC3", "Invalid character: byte 0xC3 (not UTF-8).", 1, 3},
        LexerErrorCase{"\xED\xA0\x80", "Invalid character: byte 0xED (not UTF-8).", 1, 1},
        LexerErrorCase{"# \xC0\xAF", "Invalid character: byte 0xC0 (not UTF-8).", 1, 3}));

INSTANTIATE_TEST_SUITE_P(
    Numbers, LexerErrorTest,
    testing::Values(
        LexerErrorCase{"00", R"(Invalid number, unexpected digit after 0: "0".)", 1, 2},
        LexerErrorCase{"01", R"(Invalid number, unexpected digit after 0: "1".)", 1, 2},
        LexerErrorCase{"01.23", R"(Invalid number, unexpected digit after 0: "1".)", 1, 2},
        LexerErrorCase{"1.", "Invalid number, expected digit but got: <EOF>.", 1, 3},
        LexerErrorCase{"1e", "Invalid number, expected digit but got: <EOF>.", 1, 3},
        LexerErrorCase{"1e+", "Invalid number, expected digit but got: <EOF>.", 1, 4},
        LexerErrorCase{"1.e1", R"(Invalid number, expected digit but got: "e".)", 1, 3},
        LexerErrorCase{"1.A", R"(Invalid number, expected digit but got: "A".)", 1, 3},
        LexerErrorCase{"-A", R"(Invalid number, expected digit but got: "A".)", 1, 2},
        LexerErrorCase{"-", "Invalid number, expected digit but got: <EOF>.", 1, 2},
        LexerErrorCase{"- 1", R"(Invalid number, expected digit but got: " ".)", 1, 2},
        LexerErrorCase{"1.0e", "Invalid number, expected digit but got: <EOF>.", 1, 5},
        LexerErrorCase{"1.0eA", R"(Invalid number, expected digit but got: "A".)", 1, 5},
        LexerErrorCase{"1.2e3e", R"(Invalid number, expected digit but got: "e".)", 1, 6},
        LexerErrorCase{"1.2e3.4", R"(Invalid number, expected digit but got: ".".)", 1, 6},
        LexerErrorCase{"1.23.4", R"(Invalid number, expected digit but got: ".".)", 1, 5},
        LexerErrorCase{"0xF1", R"(Invalid number, expected digit but got: "x".)", 1, 2},
        LexerErrorCase{"0b10", R"(Invalid number, expected digit but got: "b".)", 1, 2},
        LexerErrorCase{"123abc", R"(Invalid number, expected digit but got: "a".)", 1, 4},
        LexerErrorCase{"1_234", R"(Invalid number, expected digit but got: "_".)", 1, 2},
        LexerErrorCase{"1.23f", R"(Invalid number, expected digit but got: "f".)", 1, 5},
        LexerErrorCase{"1.234_5", R"(Invalid number, expected digit but got: "_".)", 1, 6},
        LexerErrorCase{"1\xC3\x9F", "Unexpected character: U+00DF.", 1, 2},
        LexerErrorCase{"a-b", R"(Invalid number, expected digit but got: "b".)", 1, 3}));

INSTANTIATE_TEST_SUITE_P(
    Strings, LexerErrorTest,
    testing::Values(
        LexerErrorCase{"\"", "Unterminated string.", 1, 2},
        LexerErrorCase{"\"no end quote", "Unterminated string.", 1, 14},
        LexerErrorCase{"\"multi\nline\"", "Unterminated string.", 1, 7},
        LexerErrorCase{"\"multi\rline\"", "Unterminated string.", 1, 7},
        LexerErrorCase{"\"\xC3\xA9\xF0\x9F\x98\x80", "Unterminated string.", 1, 5},
        LexerErrorCase{R"("bad \z esc")", R"(Invalid character escape sequence: "\z".)", 1, 6},
        LexerErrorCase{R"("bad \x esc")", R"(Invalid character escape sequence: "\x".)", 1, 6},
        LexerErrorCase{"\"\\", R"(Invalid character escape sequence: "\".)", 1, 2},
        LexerErrorCase{"\"\\\xC3\xA9\"", "Invalid character escape sequence: \"\\\xC3\xA9\".", 1,
                       2},
        LexerErrorCase{R"("bad \u1 esc")", R"(Invalid Unicode escape sequence: "\u1 es".)", 1, 6},
        LexerErrorCase{R"("bad \u0XX1 esc")", R"(Invalid Unicode escape sequence: "\u0XX1".)", 1,
                       6},
        LexerErrorCase{R"("bad \uXXXX esc")", R"(Invalid Unicode escape sequence: "\uXXXX".)", 1,
                       6},
        LexerErrorCase{R"("bad \uFXXX esc")", R"(Invalid Unicode escape sequence: "\uFXXX".)", 1,
                       6},
        LexerErrorCase{R"("bad \uXXXF esc")", R"(Invalid Unicode escape sequence: "\uXXXF".)", 1,
                       6},
        LexerErrorCase{R"("\u12)", R"(Invalid Unicode escape sequence: "\u12".)", 1, 2},
        LexerErrorCase{"\"\xC3\xA9\\u12\xC3\xA9"
                       "4\"",
                       "Invalid Unicode escape sequence: \"\\u12\xC3\xA9"
                       "4\".",
                       1, 3},
        LexerErrorCase{R"("bad \u{} esc")", R"(Invalid Unicode escape sequence: "\u{}".)", 1, 6},
        LexerErrorCase{R"("bad \u{FXXX} esc")", R"(Invalid Unicode escape sequence: "\u{FX".)", 1,
                       6},
        LexerErrorCase{R"("bad \u{FFFF esc")", R"(Invalid Unicode escape sequence: "\u{FFFF ".)", 1,
                       6},
        LexerErrorCase{R"("bad \u{FFFF")", R"(Invalid Unicode escape sequence: "\u{FFFF"".)", 1, 6},
        LexerErrorCase{R"("\u{1)", R"(Invalid Unicode escape sequence: "\u{1".)", 1, 2},
        LexerErrorCase{"\"\\u{\xC3\xA9}\"", "Invalid Unicode escape sequence: \"\\u{\xC3\xA9\".", 1,
                       2},
        LexerErrorCase{R"("too high \u{110000} esc")",
                       R"(Invalid Unicode escape sequence: "\u{110000}".)", 1, 11},
        LexerErrorCase{R"("way too high \u{12345678} esc")",
                       R"(Invalid Unicode escape sequence: "\u{12345678}".)", 1, 15},
        LexerErrorCase{R"("too long \u{000000000} esc")",
                       R"(Invalid Unicode escape sequence: "\u{000000000".)", 1, 11},
        LexerErrorCase{R"("bad surrogate \uDEAD")", R"(Invalid Unicode escape sequence: "\uDEAD".)",
                       1, 16},
        LexerErrorCase{R"("bad high surrogate pair \uDEAD\uDEAD")",
                       R"(Invalid Unicode escape sequence: "\uDEAD".)", 1, 26},
        LexerErrorCase{R"("bad low surrogate pair \uD800\uD800")",
                       R"(Invalid Unicode escape sequence: "\uD800".)", 1, 25},
        LexerErrorCase{R"("bad surrogate \u{DEAD} esc")",
                       R"(Invalid Unicode escape sequence: "\u{DEAD}".)", 1, 16},
        LexerErrorCase{R"("cannot use braces for surrogate pair \u{D83D}\u{DE00} esc")",
                       R"(Invalid Unicode escape sequence: "\u{D83D}".)", 1, 39},
        LexerErrorCase{R"("cannot escape half a pair \uD83D\\uDE00 esc")",
                       R"(Invalid Unicode escape sequence: "\uD83D".)", 1, 28},
        LexerErrorCase{"\"bad \xFF\"", "Invalid character within String: byte 0xFF (not UTF-8).", 1,
                       6}));

INSTANTIATE_TEST_SUITE_P(
    BlockStrings, LexerErrorTest,
    testing::Values(LexerErrorCase{R"(""")", "Unterminated string.", 1, 4},
                    LexerErrorCase{R"("""")", "Unterminated string.", 1, 5},
                    LexerErrorCase{R"("""no end quote)", "Unterminated string.", 1, 16},
                    LexerErrorCase{"\"\"\"\n  a\n  \xC3\xA9", "Unterminated string.", 3, 4},
                    LexerErrorCase{"\"\"\"a\r\n b \xC0\"\"\"",
                                   "Invalid character within String: byte 0xC0 (not UTF-8).", 2, 4},
                    LexerErrorCase{"\"\"\"\xC3\xA9\n \xF0\x9F\x98\x80\"\"\" ?",
                                   R"(Unexpected character: "?".)", 2, 8}));

}  // namespace
}  // namespace mt::api
