#include "Lexer.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "BlockString.h"
#include "Utf8.h"

namespace mt::api {

namespace {

constexpr int kEnd = -1;  // byteAt() past the end of the source

bool isDigit(int c) {
  return c >= '0' && c <= '9';
}
bool isLetter(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isNameStart(int c) {
  return isLetter(c) || c == '_';
}
bool isNameContinue(int c) {
  return isNameStart(c) || isDigit(c);
}

int hexValue(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool isUnicodeScalarValue(std::uint32_t code) {
  return code <= 0xD7FF || (code >= 0xE000 && code <= 0x10FFFF);
}
bool isLeadingSurrogate(std::int32_t code) {
  return code >= 0xD800 && code <= 0xDBFF;
}
bool isTrailingSurrogate(std::int32_t code) {
  return code >= 0xDC00 && code <= 0xDFFF;
}

bool isByteOrderMark(std::string_view body, std::size_t position) {
  return body.compare(position, 3, "\xEF\xBB\xBF") == 0;
}

}  // namespace

void throwSyntaxError(const Source& source, std::size_t offset, std::string_view description) {
  SourceLocation where = source.locationOf(offset);
  throw GraphQLSyntaxError(description, offset, ErrorLocation{where.line, where.column});
}

Lexer::Lexer(const Source& source) : source_(source), body_(source.body()) {}

const Token& Lexer::advance() {
  if (hasLookahead_) {
    // The lookahead becomes current; the old last token's slot is free for the next.
    std::uint8_t freed = last_;
    last_ = current_;
    current_ = ahead_;
    ahead_ = freed;
    hasLookahead_ = false;
  } else {
    std::swap(current_, last_);
    const Token& previous = slots_[last_];
    if (previous.kind == TokenKind::EndOfFile) {
      slots_[current_] = previous;
    } else {
      readNextToken(previous.end, slots_[current_]);
    }
  }
  return slots_[current_];
}

const Token& Lexer::lookahead() {
  const Token& current = slots_[current_];
  if (current.kind == TokenKind::EndOfFile) return current;
  if (!hasLookahead_) {
    readNextToken(current.end, slots_[ahead_]);
    hasLookahead_ = true;
  }
  return slots_[ahead_];
}

int Lexer::byteAt(std::size_t position) const {
  return position < body_.size() ? static_cast<unsigned char>(body_[position]) : kEnd;
}

void Lexer::makeToken(Token& token, TokenKind kind, std::size_t start, std::size_t end) const {
  token.kind = kind;
  token.start = start;
  token.end = end;
  token.line = line_;
  token.column = static_cast<int>(start - lineStart_ - lineExtraBytes_) + 1;
  token.text = body_.substr(start, end - start);
  token.decoded.clear();
}

std::size_t Lexer::consumeNonAscii(std::size_t position) {
  utf8::Decoded decoded = utf8::decode(body_, position);
  if (decoded.size != 0) lineExtraBytes_ += decoded.size - utf8::utf16Units(decoded.codePoint);
  return decoded.size;
}

std::string Lexer::describeCharacterAt(std::size_t position) const {
  if (position >= body_.size()) return "<EOF>";
  int c = byteAt(position);
  if (c >= 0x20 && c <= 0x7E) {
    if (c == '"') return "'\"'";
    return std::string{'"', static_cast<char>(c), '"'};
  }
  utf8::Decoded decoded = utf8::decode(body_, position);
  char text[32];
  if (decoded.size == 0) {
    // graphql-js reads UTF-16 and never sees this; name the byte that is not UTF-8.
    std::snprintf(text, sizeof text, "byte 0x%02X (not UTF-8)", static_cast<unsigned>(c));
  } else {
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(decoded.codePoint));
  }
  return text;
}

void Lexer::fail(std::size_t position, std::string_view description) const {
  throwSyntaxError(source_, position, description);
}

// Token ::
//   - Punctuator
//   - Name
//   - IntValue
//   - FloatValue
//   - StringValue
//
// Punctuator :: one of ! $ & ( ) ... : = @ [ ] { | }
void Lexer::readNextToken(std::size_t position, Token& out) {
  while (position < body_.size()) {
    int c = byteAt(position);
    // Ignored :: UnicodeBOM WhiteSpace LineTerminator Comment Comma
    switch (c) {
      case ' ':
      case '\t':
      case ',':
        ++position;
        continue;
      case '\n':
        ++position;
        ++line_;
        lineStart_ = position;
        lineExtraBytes_ = 0;
        continue;
      case '\r':
        position += byteAt(position + 1) == '\n' ? 2 : 1;
        ++line_;
        lineStart_ = position;
        lineExtraBytes_ = 0;
        continue;
      case '#':
        position = skipComment(position);
        continue;
      case '!':
        return makeToken(out, TokenKind::Bang, position, position + 1);
      case '$':
        return makeToken(out, TokenKind::Dollar, position, position + 1);
      case '&':
        return makeToken(out, TokenKind::Amp, position, position + 1);
      case '(':
        return makeToken(out, TokenKind::ParenL, position, position + 1);
      case ')':
        return makeToken(out, TokenKind::ParenR, position, position + 1);
      case '.':
        if (byteAt(position + 1) == '.' && byteAt(position + 2) == '.') {
          return makeToken(out, TokenKind::Spread, position, position + 3);
        }
        break;
      case ':':
        return makeToken(out, TokenKind::Colon, position, position + 1);
      case '=':
        return makeToken(out, TokenKind::Equals, position, position + 1);
      case '@':
        return makeToken(out, TokenKind::At, position, position + 1);
      case '[':
        return makeToken(out, TokenKind::BracketL, position, position + 1);
      case ']':
        return makeToken(out, TokenKind::BracketR, position, position + 1);
      case '{':
        return makeToken(out, TokenKind::BraceL, position, position + 1);
      case '|':
        return makeToken(out, TokenKind::Pipe, position, position + 1);
      case '}':
        return makeToken(out, TokenKind::BraceR, position, position + 1);
      case '"':
        if (byteAt(position + 1) == '"' && byteAt(position + 2) == '"') {
          return readBlockString(position, out);
        }
        return readString(position, out);
      default:
        break;
    }
    if (isByteOrderMark(body_, position)) {
      position += 3;
      lineExtraBytes_ += 2;  // one UTF-16 code unit
      continue;
    }
    if (isDigit(c) || c == '-') return readNumber(position, out);
    if (isNameStart(c)) return readName(position, out);

    if (c == '\'') {
      fail(position,
           "Unexpected single quote character ('), did you mean to use a double quote (\")?");
    }
    bool wellFormed = c < 0x80 || utf8::decode(body_, position).size != 0;
    fail(position, (wellFormed ? "Unexpected character: " : "Invalid character: ") +
                       describeCharacterAt(position) + ".");
  }
  return makeToken(out, TokenKind::EndOfFile, body_.size(), body_.size());
}

// Comment :: # CommentChar* [lookahead != CommentChar]
//
// CommentChar :: SourceCharacter but not LineTerminator
std::size_t Lexer::skipComment(std::size_t position) {
  ++position;
  while (position < body_.size()) {
    int c = byteAt(position);
    if (c == '\n' || c == '\r') break;
    if (c < 0x80) {
      ++position;
      continue;
    }
    std::size_t size = consumeNonAscii(position);
    // Malformed UTF-8 ends the comment; reading the next token then reports it.
    if (size == 0) break;
    position += size;
  }
  return position;
}

// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
//
// IntegerPart ::
//   - NegativeSign? 0
//   - NegativeSign? NonZeroDigit Digit*
//
// FloatValue ::
//   - IntegerPart FractionalPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
//   - IntegerPart FractionalPart [lookahead != {Digit, `.`, NameStart}]
//   - IntegerPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
//
// FractionalPart :: . Digit+
//
// ExponentPart :: ExponentIndicator Sign? Digit+
//
// ExponentIndicator :: one of `e` `E`
//
// Sign :: one of + -
void Lexer::readNumber(std::size_t start, Token& out) {
  std::size_t position = start;
  bool isFloat = false;
  if (byteAt(position) == '-') ++position;

  if (byteAt(position) == '0') {
    ++position;
    if (isDigit(byteAt(position))) {
      fail(position,
           "Invalid number, unexpected digit after 0: " + describeCharacterAt(position) + ".");
    }
  } else {
    position = readDigits(position);
  }

  if (byteAt(position) == '.') {
    isFloat = true;
    position = readDigits(position + 1);
  }

  if (byteAt(position) == 'e' || byteAt(position) == 'E') {
    isFloat = true;
    ++position;
    if (byteAt(position) == '+' || byteAt(position) == '-') ++position;
    position = readDigits(position);
  }

  // `1.2.3` and `123abc` must not read as two tokens.
  if (byteAt(position) == '.' || isNameStart(byteAt(position))) {
    fail(position,
         "Invalid number, expected digit but got: " + describeCharacterAt(position) + ".");
  }
  return makeToken(out, isFloat ? TokenKind::Float : TokenKind::Int, start, position);
}

// Digit+ starting at `position`; returns where the digits end.
std::size_t Lexer::readDigits(std::size_t position) {
  if (!isDigit(byteAt(position))) {
    fail(position,
         "Invalid number, expected digit but got: " + describeCharacterAt(position) + ".");
  }
  ++position;
  while (isDigit(byteAt(position)))
    ++position;
  return position;
}

// Name ::
//   - NameStart NameContinue* [lookahead != NameContinue]
//
// NameStart ::
//   - Letter
//   - `_`
//
// NameContinue ::
//   - Letter
//   - Digit
//   - `_`
void Lexer::readName(std::size_t start, Token& out) {
  std::size_t position = start + 1;
  while (isNameContinue(byteAt(position)))
    ++position;
  return makeToken(out, TokenKind::Name, start, position);
}

// StringValue ::
//   - `""` [lookahead != `"`]
//   - `"` StringCharacter+ `"`
//
// StringCharacter ::
//   - SourceCharacter but not `"` or `\` or LineTerminator
//   - `\u` EscapedUnicode
//   - `\` EscapedCharacter
//
// EscapedUnicode ::
//   - `{` HexDigit+ `}`
//   - HexDigit HexDigit HexDigit HexDigit
//
// EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
void Lexer::readString(std::size_t start, Token& token) {
  // Line and column are where the token starts, before its own multi-byte characters.
  makeToken(token, TokenKind::String, start, start);
  std::string& value = token.decoded;
  std::size_t position = start + 1;
  std::size_t chunkStart = position;
  while (position < body_.size()) {
    int c = byteAt(position);
    if (c == '"') {
      value.append(body_, chunkStart, position - chunkStart);
      token.end = position + 1;
      token.text = body_.substr(start, token.end - start);
      return;
    }
    if (c == '\\') {
      value.append(body_, chunkStart, position - chunkStart);
      position += readEscape(position, value);
      chunkStart = position;
      continue;
    }
    if (c == '\n' || c == '\r') break;
    if (c < 0x80) {
      ++position;
      continue;
    }
    std::size_t size = consumeNonAscii(position);
    if (size == 0) {
      fail(position, "Invalid character within String: " + describeCharacterAt(position) + ".");
    }
    position += size;
  }
  fail(position, "Unterminated string.");
}

// An escape sequence at `position` (a backslash): appends what it stands for to
// `out` and returns its length in bytes.
std::size_t Lexer::readEscape(std::size_t position, std::string& out) const {
  if (byteAt(position + 1) == 'u') {
    return byteAt(position + 2) == '{' ? readUnicodeEscapeVariableWidth(position, out)
                                       : readUnicodeEscapeFixedWidth(position, out);
  }
  char escaped = 0;
  switch (byteAt(position + 1)) {
    case '"':
      escaped = '"';
      break;
    case '\\':
      escaped = '\\';
      break;
    case '/':
      escaped = '/';
      break;
    case 'b':
      escaped = '\b';
      break;
    case 'f':
      escaped = '\f';
      break;
    case 'n':
      escaped = '\n';
      break;
    case 'r':
      escaped = '\r';
      break;
    case 't':
      escaped = '\t';
      break;
    default:
      fail(position, "Invalid character escape sequence: \"" +
                         std::string(utf8::prefixOfUtf16Length(body_, position, 2)) + "\".");
  }
  out += escaped;
  return 2;
}

// `\u{` HexDigit+ `}`, at most \u{00000000} long, naming a Unicode scalar value.
std::size_t Lexer::readUnicodeEscapeVariableWidth(std::size_t position, std::string& out) const {
  // graphql-js accumulates in a 32-bit integer and gives up once it turns negative;
  // doing the same keeps the quoted part of the message the same.
  std::uint32_t point = 0;
  std::size_t size = 3;
  while (size < 12) {
    int c = byteAt(position + size++);
    if (c == '}') {
      if (size < 5 || !isUnicodeScalarValue(point)) break;
      utf8::append(out, static_cast<char32_t>(point));
      return size;
    }
    int digit = hexValue(c);
    if (digit < 0) break;
    point = (point << 4) | static_cast<std::uint32_t>(digit);
    if (point & 0x80000000u) break;
  }
  fail(position, "Invalid Unicode escape sequence: \"" +
                     std::string(utf8::prefixOfUtf16Length(body_, position, size)) + "\".");
}

// `\u` HexDigit{4}, or a JSON-style pair of them spelling a surrogate pair.
std::size_t Lexer::readUnicodeEscapeFixedWidth(std::size_t position, std::string& out) const {
  auto read16BitHex = [this](std::size_t at) -> std::int32_t {
    std::int32_t code = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      int digit = hexValue(byteAt(at + i));
      if (digit < 0) return -1;
      code = (code << 4) | digit;
    }
    return code;
  };
  std::int32_t code = read16BitHex(position + 2);
  if (code >= 0 && isUnicodeScalarValue(static_cast<std::uint32_t>(code))) {
    utf8::append(out, static_cast<char32_t>(code));
    return 6;
  }
  if (isLeadingSurrogate(code) && byteAt(position + 6) == '\\' && byteAt(position + 7) == 'u') {
    std::int32_t trailing = read16BitHex(position + 8);
    if (isTrailingSurrogate(trailing)) {
      utf8::append(out,
                   static_cast<char32_t>(0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00)));
      return 12;
    }
  }
  fail(position, "Invalid Unicode escape sequence: \"" +
                     std::string(utf8::prefixOfUtf16Length(body_, position, 6)) + "\".");
}

// BlockString ::
//   - `"""` BlockStringCharacter* `"""`
//
// BlockStringCharacter ::
//   - SourceCharacter but not `"""` or `\"""`
//   - `\"""`
void Lexer::readBlockString(std::size_t start, Token& token) {
  // Line and column are where the token starts, before its own lines are counted.
  makeToken(token, TokenKind::BlockString, start, start);
  std::vector<std::string> lines;
  std::string currentLine;
  std::size_t position = start + 3;
  std::size_t chunkStart = position;
  while (position < body_.size()) {
    int c = byteAt(position);
    if (c == '"' && byteAt(position + 1) == '"' && byteAt(position + 2) == '"') {
      currentLine.append(body_, chunkStart, position - chunkStart);
      lines.push_back(std::move(currentLine));
      token.end = position + 3;
      token.text = body_.substr(start, token.end - start);
      token.decoded = blockStringValue(lines);
      return;
    }
    if (c == '\\' && byteAt(position + 1) == '"' && byteAt(position + 2) == '"' &&
        byteAt(position + 3) == '"') {
      currentLine.append(body_, chunkStart, position - chunkStart);
      chunkStart = position + 1;  // drop the backslash, keep the quotes
      position += 4;
      continue;
    }
    if (c == '\n' || c == '\r') {
      currentLine.append(body_, chunkStart, position - chunkStart);
      lines.push_back(std::move(currentLine));
      currentLine.clear();
      position += c == '\r' && byteAt(position + 1) == '\n' ? 2 : 1;
      chunkStart = position;
      ++line_;
      lineStart_ = position;
      lineExtraBytes_ = 0;
      continue;
    }
    if (c < 0x80) {
      ++position;
      continue;
    }
    std::size_t size = consumeNonAscii(position);
    if (size == 0) {
      fail(position, "Invalid character within String: " + describeCharacterAt(position) + ".");
    }
    position += size;
  }
  fail(position, "Unterminated string.");
}

}  // namespace mt::api
