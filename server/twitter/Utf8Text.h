#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The few Unicode facts the text rules need, without a Unicode library: UTF-8
// decoding, white space, control characters, and an approximation of "letter" and
// "lower case" that covers the scripts people commonly tag in (see docs/twitter.md).
namespace mt::twitter::utf8 {

// `text` as code points, or nullopt if it is not well-formed UTF-8 (overlong forms,
// surrogates and values past U+10FFFF are not).
std::optional<std::u32string> decode(std::string_view text);

void append(std::string& out, char32_t codePoint);
std::string encode(std::u32string_view codePoints);

// Unicode White_Space (ASCII space, \t \n \v \f \r, U+0085, U+00A0, U+1680,
// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
bool isWhiteSpace(char32_t c) noexcept;
// General category Cc: U+0000..U+001F, U+007F..U+009F.
bool isControl(char32_t c) noexcept;
// ASCII letters and digits, plus letters of Latin, Greek, Cyrillic, Armenian, Hebrew,
// Arabic, CJK, Kana and Hangul, plus combining diacritical marks (U+0300..U+036F, so a
// decomposed "é" stays one word). Not every Unicode letter: an approximation.
bool isLetterOrDigit(char32_t c) noexcept;
// What continues a #hashtag and may not precede a # or @: letters, digits and '_'.
bool isWordCharacter(char32_t c) noexcept;
// Simple lower-case mapping for ASCII, Latin-1, Latin Extended-A, Latin Extended
// Additional, Greek, Cyrillic and Armenian; other code points are returned unchanged.
char32_t toLower(char32_t c) noexcept;

// `codePoints` without leading and trailing white space.
std::u32string_view trimWhiteSpace(std::u32string_view codePoints) noexcept;

// For messages: "U+0007".
std::string codePointName(char32_t c);

}  // namespace mt::twitter::utf8
