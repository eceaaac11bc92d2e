#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mt::api {

// The lexical tokens of GraphQL (graphql-js's TokenKind). Comments are ignored tokens
// the lexer skips, so there is no Comment kind.
enum class TokenKind {
  StartOfFile,
  EndOfFile,
  Bang,      // !
  Dollar,    // $
  Amp,       // &
  ParenL,    // (
  ParenR,    // )
  Spread,    // ...
  Colon,     // :
  Equals,    // =
  At,        // @
  BracketL,  // [
  BracketR,  // ]
  BraceL,    // {
  Pipe,      // |
  BraceR,    // }
  Name,
  Int,
  Float,
  String,
  BlockString,
};

// graphql-js's spelling of a kind in messages: "<EOF>", "!", "Name", "BlockString", ...
std::string_view tokenKindName(TokenKind kind);

bool isPunctuator(TokenKind kind);

// One token: where it is and what it says.
struct Token {
  TokenKind kind = TokenKind::StartOfFile;
  std::size_t start = 0;  // byte offsets [start, end) into the source
  std::size_t end = 0;
  int line = 1;           // of `start`, 1-based
  int column = 1;         // of `start`, 1-based, in UTF-16 code units
  std::string_view text;  // the source text of the token
  std::string decoded;    // String and BlockString: the value (escapes and indentation resolved)

  // The token's value as graphql-js has it: a string's decoded content, a name's or
  // number's text; empty for punctuators.
  std::string_view value() const {
    if (kind == TokenKind::String || kind == TokenKind::BlockString) return decoded;
    if (kind == TokenKind::Name || kind == TokenKind::Int || kind == TokenKind::Float) return text;
    return {};
  }
};

// How messages name a token: `"{"` for punctuators, `Name "foo"`, `Int "12"`,
// `String "text"`, `<EOF>` (graphql-js's getTokenDesc).
std::string describeToken(const Token& token);

// How messages name a kind of token: `"{"`, `Name` (graphql-js's getTokenKindDesc).
std::string describeTokenKind(TokenKind kind);

}  // namespace mt::api
