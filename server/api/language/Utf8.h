#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// UTF-8 helpers for the language module (not part of its public interface).
namespace mt::api::utf8 {

// A code point read from UTF-8: `size` bytes, or size 0 when the bytes there are not
// well-formed UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
struct Decoded {
  char32_t codePoint = 0;
  std::size_t size = 0;
};

// Decodes the code point starting at text[position] (position < text.size()).
Decoded decode(std::string_view text, std::size_t position);

void append(std::string& out, char32_t codePoint);

// How many UTF-16 code units a code point takes.
inline int utf16Units(char32_t codePoint) {
  return codePoint >= 0x10000 ? 2 : 1;
}

// The length of `text` in UTF-16 code units, as JavaScript measures strings; a
// malformed byte counts as one unit.
std::size_t utf16Length(std::string_view text);

// The prefix of text.substr(position) that is `units` UTF-16 code units long (a code
// point is never cut in half: one straddling the limit is taken whole).
std::string_view prefixOfUtf16Length(std::string_view text, std::size_t position,
                                     std::size_t units);

}  // namespace mt::api::utf8
