// The lexer on valid input: every kind of token, ignored tokens, positions, values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "Lexer.h"

namespace mt::api {
namespace {

// The first token of `text`, with the source kept alive for its views.
struct Lexed {
  explicit Lexed(std::string text) : source(std::move(text)), lexer(source) { lexer.advance(); }
  Source source;
  Lexer lexer;
  const Token& token() const { return lexer.token(); }
};

std::vector<TokenKind> kindsOf(std::string text) {
  Source source(std::move(text));
  Lexer lexer(source);
  std::vector<TokenKind> kinds;
  while (lexer.advance().kind != TokenKind::EndOfFile)
    kinds.push_back(lexer.token().kind);
  return kinds;
}

TEST(LexerTest, StartsAtStartOfFileAndStaysAtEndOfFile) {
  Source source("a");
  Lexer lexer(source);
  EXPECT_EQ(lexer.token().kind, TokenKind::StartOfFile);
  EXPECT_EQ(lexer.advance().kind, TokenKind::Name);
  EXPECT_EQ(lexer.advance().kind, TokenKind::EndOfFile);
  EXPECT_EQ(lexer.advance().kind, TokenKind::EndOfFile);
  EXPECT_EQ(lexer.token().start, 1u);
  EXPECT_EQ(lexer.lastToken().kind, TokenKind::EndOfFile);
}

TEST(LexerTest, ReadsEveryPunctuator) {
  EXPECT_EQ(kindsOf("! $ & ( ) ... : = @ [ ] { | }"),
            (std::vector<TokenKind>{TokenKind::Bang, TokenKind::Dollar, TokenKind::Amp,
                                    TokenKind::ParenL, TokenKind::ParenR, TokenKind::Spread,
                                    TokenKind::Colon, TokenKind::Equals, TokenKind::At,
                                    TokenKind::BracketL, TokenKind::BracketR, TokenKind::BraceL,
                                    TokenKind::Pipe, TokenKind::BraceR}));
  Lexed spread("...");
  EXPECT_EQ(spread.token().start, 0u);
  EXPECT_EQ(spread.token().end, 3u);
  EXPECT_EQ(spread.token().value(), "");
}

TEST(LexerTest, SkipsIgnoredTokens) {
  Lexed lexed("\xEF\xBB\xBF \t,,\n# a comment, with {punctuators}\r\n  ,foo,,");
  EXPECT_EQ(lexed.token().kind, TokenKind::Name);
  EXPECT_EQ(lexed.token().value(), "foo");
  EXPECT_EQ(lexed.token().line, 3);
  EXPECT_EQ(lexed.token().column, 4);
  EXPECT_EQ(kindsOf("# only a comment"), std::vector<TokenKind>{});
  EXPECT_EQ(kindsOf("a#comment\nb"), (std::vector<TokenKind>{TokenKind::Name, TokenKind::Name}));
}

TEST(LexerTest, CountsLinesAtEveryLineTerminator) {
  Source source("a\nb\r\nc\rd\n\re");
  Lexer lexer(source);
  std::vector<std::pair<int, int>> positions;
  while (lexer.advance().kind != TokenKind::EndOfFile)
    positions.emplace_back(lexer.token().line, lexer.token().column);
  EXPECT_EQ(positions, (std::vector<std::pair<int, int>>{{1, 1}, {2, 1}, {3, 1}, {4, 1}, {6, 1}}));
}

TEST(LexerTest, CountsColumnsInUtf16CodeUnits) {
  // "é" is one UTF-16 unit (two bytes), "😀" two units (four bytes), a BOM one (three).
  Lexed afterString(R"("é😀" x)");
  afterString.lexer.advance();
  EXPECT_EQ(afterString.token().column, 7);
  EXPECT_EQ(afterString.token().start, 9u);
  Lexed afterComment("# é😀\n\xEF\xBB\xBF  x");
  EXPECT_EQ(afterComment.token().line, 2);
  EXPECT_EQ(afterComment.token().column, 4);
  Lexed afterBlockString("\"\"\"é\n 😀\"\"\" x");
  EXPECT_EQ(afterBlockString.token().column, 1);
  afterBlockString.lexer.advance();
  EXPECT_EQ(afterBlockString.token().line, 2);
  EXPECT_EQ(afterBlockString.token().column, 8);
}

TEST(LexerTest, ReadsNames) {
  Lexed lexed("  _Foo_bar9 ");
  EXPECT_EQ(lexed.token().kind, TokenKind::Name);
  EXPECT_EQ(lexed.token().value(), "_Foo_bar9");
  EXPECT_EQ(lexed.token().start, 2u);
  EXPECT_EQ(lexed.token().end, 11u);
  EXPECT_EQ(lexed.token().column, 3);
}

TEST(LexerTest, ReadsIntegers) {
  for (const char* text : {"4", "-4", "0", "-0", "9", "1234567890123456789012345678901234567890"}) {
    Lexed lexed(text);
    EXPECT_EQ(lexed.token().kind, TokenKind::Int) << text;
    EXPECT_EQ(lexed.token().value(), text);
  }
}

TEST(LexerTest, ReadsFloats) {
  for (const char* text :
       {"4.123", "-4.123", "0.123", "123e4", "123E4", "123e-4", "123e+4", "-1.123e4", "-1.123E4",
        "-1.123e-4", "-1.123e+4", "-1.123e4567", "0e0", "-0.0e-0"}) {
    Lexed lexed(text);
    EXPECT_EQ(lexed.token().kind, TokenKind::Float) << text;
    EXPECT_EQ(lexed.token().value(), text);
  }
}

TEST(LexerTest, ReadsNumbersFollowedByPunctuators) {
  EXPECT_EQ(kindsOf("1)2]3}4,5 6\n"),
            (std::vector<TokenKind>{TokenKind::Int, TokenKind::ParenR, TokenKind::Int,
                                    TokenKind::BracketR, TokenKind::Int, TokenKind::BraceR,
                                    TokenKind::Int, TokenKind::Int, TokenKind::Int}));
  // A non-ASCII letter is not a NameStart, so it ends the number (and is then an error).
  Lexed lexed("1ß");
  EXPECT_EQ(lexed.token().value(), "1");
}

TEST(LexerTest, ReadsStrings) {
  Lexed empty(R"("")");
  EXPECT_EQ(empty.token().kind, TokenKind::String);
  EXPECT_EQ(empty.token().value(), "");
  Lexed simple(R"("simple")");
  EXPECT_EQ(simple.token().value(), "simple");
  EXPECT_EQ(simple.token().text, R"("simple")");
  EXPECT_EQ(simple.token().end, 8u);
  EXPECT_EQ(Lexed(R"(" white space ")").token().value(), " white space ");
  EXPECT_EQ(Lexed(R"("quote \"")").token().value(), "quote \"");
  EXPECT_EQ(Lexed(R"("escaped \n\r\b\t\f")").token().value(), "escaped \n\r\b\t\f");
  EXPECT_EQ(Lexed(R"("slashes \\ \/")").token().value(), "slashes \\ /");
  EXPECT_EQ(Lexed("\"unescaped unicode outside BMP \xF0\x9F\x98\x80\"").token().value(),
            "unescaped unicode outside BMP \xF0\x9F\x98\x80");
  EXPECT_EQ(Lexed("\"unescaped maximal unicode outside BMP \xF4\x8F\xBF\xBF\"").token().value(),
            "unescaped maximal unicode outside BMP \xF4\x8F\xBF\xBF");
  // The October 2021 spec allows any Unicode scalar value, control characters included.
  EXPECT_EQ(Lexed("\"contains unescaped \x07 control char\"").token().value(),
            "contains unescaped \x07 control char");
  EXPECT_EQ(Lexed(std::string("\"null-byte is not \0 end of file\"", 32)).token().value(),
            std::string("null-byte is not \0 end of file", 30));
}

TEST(LexerTest, DecodesUnicodeEscapes) {
  EXPECT_EQ(Lexed(R"("unicode \u1234\u5678\u90AB\uCDEF")").token().value(),
            "unicode \u1234\u5678\u90AB\uCDEF");
  EXPECT_EQ(Lexed(R"("unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}")").token().value(),
            "unicode \u1234\u5678\u90AB\uCDEF");
  EXPECT_EQ(Lexed(R"("string with unicode escape outside BMP \u{1F600}")").token().value(),
            "string with unicode escape outside BMP \xF0\x9F\x98\x80");
  EXPECT_EQ(Lexed(R"("string with minimal unicode escape \u{0}")").token().value(),
            std::string("string with minimal unicode escape \0", 36));
  EXPECT_EQ(Lexed(R"("string with maximal unicode escape \u{10FFFF}")").token().value(),
            "string with maximal unicode escape \xF4\x8F\xBF\xBF");
  EXPECT_EQ(Lexed(R"("string with maximal minimal unicode escape \u{00000000}")").token().value(),
            std::string("string with maximal minimal unicode escape \0", 44));
  EXPECT_EQ(Lexed(R"("string with unicode surrogate pair escape \uD83D\uDE00")").token().value(),
            "string with unicode surrogate pair escape \xF0\x9F\x98\x80");
  EXPECT_EQ(Lexed(R"("string with minimal surrogate pair escape \uD800\uDC00")").token().value(),
            "string with minimal surrogate pair escape \xF0\x90\x80\x80");
  EXPECT_EQ(Lexed(R"("string with maximal surrogate pair escape \uDBFF\uDFFF")").token().value(),
            "string with maximal surrogate pair escape \xF4\x8F\xBF\xBF");
}

TEST(LexerTest, ReadsBlockStrings) {
  Lexed empty(R"("""""")");
  EXPECT_EQ(empty.token().kind, TokenKind::BlockString);
  EXPECT_EQ(empty.token().value(), "");
  Lexed simple(R"("""simple""")");
  EXPECT_EQ(simple.token().value(), "simple");
  EXPECT_EQ(simple.token().end, 12u);
  EXPECT_EQ(Lexed(R"(""" white space """)").token().value(), " white space ");
  EXPECT_EQ(Lexed(R"("""contains " quote""")").token().value(), "contains \" quote");
  EXPECT_EQ(Lexed(R"("""contains \""" triple quote""")").token().value(),
            "contains \"\"\" triple quote");
  EXPECT_EQ(Lexed("\"\"\"multi\nline\"\"\"").token().value(), "multi\nline");
  EXPECT_EQ(Lexed("\"\"\"multi\rline\r\nnormalized\"\"\"").token().value(),
            "multi\nline\nnormalized");
  // Escapes other than \""" are not escapes in a block string.
  EXPECT_EQ(Lexed(R"("""unescaped \n\r\b\t\f\u1234""")").token().value(),
            R"(unescaped \n\r\b\t\f\u1234)");
  EXPECT_EQ(Lexed(R"("""slashes \\ \/""")").token().value(), R"(slashes \\ \/)");
  EXPECT_EQ(
      Lexed("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"")
          .token()
          .value(),
      "spans\n  multiple\n    lines");
}

TEST(LexerTest, CountsTheLinesOfBlockStrings) {
  Source source("\"\"\"\n  a\r\n  b\r  c\"\"\"\n  d");
  Lexer lexer(source);
  EXPECT_EQ(lexer.advance().line, 1);
  const Token& after = lexer.advance();
  EXPECT_EQ(after.value(), "d");
  EXPECT_EQ(after.line, 5);
  EXPECT_EQ(after.column, 3);
}

TEST(LexerTest, LooksAheadWithoutMoving) {
  Source source("a # comment\n b c");
  Lexer lexer(source);
  lexer.advance();
  EXPECT_EQ(lexer.lookahead().value(), "b");
  EXPECT_EQ(lexer.lookahead().value(), "b");
  EXPECT_EQ(lexer.token().value(), "a");
  EXPECT_EQ(lexer.advance().value(), "b");
  EXPECT_EQ(lexer.lastToken().value(), "a");
  EXPECT_EQ(lexer.advance().value(), "c");
  EXPECT_EQ(lexer.lookahead().kind, TokenKind::EndOfFile);
  EXPECT_EQ(lexer.advance().kind, TokenKind::EndOfFile);
  EXPECT_EQ(lexer.lookahead().kind, TokenKind::EndOfFile);
}

TEST(LexerTest, DescribesTokensAsGraphqlJsDoes) {
  EXPECT_EQ(describeToken(Lexed("{").token()), "\"{\"");
  EXPECT_EQ(describeToken(Lexed("...").token()), "\"...\"");
  EXPECT_EQ(describeToken(Lexed("foo").token()), "Name \"foo\"");
  EXPECT_EQ(describeToken(Lexed("-1").token()), "Int \"-1\"");
  EXPECT_EQ(describeToken(Lexed("1.5").token()), "Float \"1.5\"");
  EXPECT_EQ(describeToken(Lexed(R"("a\"b")").token()), "String \"a\"b\"");
  EXPECT_EQ(describeToken(Lexed(R"("""a""")").token()), "BlockString \"a\"");
  EXPECT_EQ(describeToken(Lexed("").token()), "<EOF>");
  EXPECT_EQ(describeTokenKind(TokenKind::Name), "Name");
  EXPECT_EQ(describeTokenKind(TokenKind::Dollar), "\"$\"");
}

}  // namespace
}  // namespace mt::api
