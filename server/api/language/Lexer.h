#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "GraphQLError.h"
#include "Source.h"
#include "Token.h"

namespace mt::api {

// The GraphQL lexer (October 2021 spec, graphql-js 16 behaviour): turns the source
// text into tokens one at a time, on demand, skipping ignored tokens (white space,
// line terminators, commas, comments, byte order marks). Invalid text throws
// GraphQLSyntaxError with graphql-js's wording.
//
// The source must outlive the lexer and the tokens' views into it.
class Lexer {
 public:
  explicit Lexer(const Source& source);

  const Source& source() const { return source_; }

  // The current token; <SOF> before the first advance(). References to tokens stay
  // valid for the lexer's lifetime, but advance() reuses them for later tokens.
  const Token& token() const { return slots_[current_]; }
  // The token before the current one (where the node being parsed ends).
  const Token& lastToken() const { return slots_[last_]; }

  // Moves to the next token and returns it; stays on <EOF> once there.
  const Token& advance();
  // The token after the current one, without moving.
  const Token& lookahead();

 private:
  // Each reads one token into `out`, reusing its storage.
  void readNextToken(std::size_t position, Token& out);
  void makeToken(Token& out, TokenKind kind, std::size_t start, std::size_t end) const;
  std::size_t skipComment(std::size_t position);
  void readNumber(std::size_t start, Token& out);
  std::size_t readDigits(std::size_t position);
  void readName(std::size_t start, Token& out);
  void readString(std::size_t start, Token& out);
  std::size_t readEscape(std::size_t position, std::string& out) const;
  std::size_t readUnicodeEscapeVariableWidth(std::size_t position, std::string& out) const;
  std::size_t readUnicodeEscapeFixedWidth(std::size_t position, std::string& out) const;
  void readBlockString(std::size_t start, Token& out);

  // A source character outside ASCII at `position`: its size in bytes, having
  // counted its width in UTF-16 for column numbers; 0 if the bytes are not UTF-8.
  std::size_t consumeNonAscii(std::size_t position);
  int byteAt(std::size_t position) const;
  // graphql-js's printCodePointAt: `"a"`, `'"'`, `U+00E9`, `<EOF>`.
  std::string describeCharacterAt(std::size_t position) const;
  [[noreturn]] void fail(std::size_t position, std::string_view description) const;

  const Source& source_;
  std::string_view body_;
  // Three token slots, used in turn as the current, last and lookahead token, so that
  // moving on copies no token.
  std::array<Token, 3> slots_{};
  std::uint8_t current_ = 0;
  std::uint8_t last_ = 1;
  std::uint8_t ahead_ = 2;
  bool hasLookahead_ = false;

  // Where reading has got to, for tokens' line and column: the current line, the
  // byte offset it starts at, and how many more bytes than UTF-16 code units the
  // line has had so far (multi-byte characters in strings and comments).
  int line_ = 1;
  std::size_t lineStart_ = 0;
  std::size_t lineExtraBytes_ = 0;
};

// Throws the GraphQLSyntaxError for `description` at a byte offset of `source`.
[[noreturn]] void throwSyntaxError(const Source& source, std::size_t offset,
                                   std::string_view description);

}  // namespace mt::api
