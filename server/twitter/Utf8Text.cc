#include "Utf8Text.h"

#include <cstdio>

#include "Utf8.h"

namespace mt::twitter::utf8 {

namespace {

bool inRange(char32_t c, char32_t first, char32_t last) {
  return c >= first && c <= last;
}

}  // namespace

std::optional<std::u32string> decode(std::string_view text) {
  // One UTF-8 decoder for the project: the GraphQL lexer's, which refuses overlong
  // forms, surrogates and values past U+10FFFF.
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    api::utf8::Decoded decoded = api::utf8::decode(text, i);
    if (decoded.size == 0) return std::nullopt;
    out.push_back(decoded.codePoint);
    i += decoded.size;
  }
  return out;
}

void append(std::string& out, char32_t c) {
  api::utf8::append(out, c);
}

std::string encode(std::u32string_view codePoints) {
  std::string out;
  out.reserve(codePoints.size());
  for (char32_t c : codePoints)
    append(out, c);
  return out;
}

bool isWhiteSpace(char32_t c) noexcept {
  return inRange(c, 0x09, 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         inRange(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool isControl(char32_t c) noexcept {
  return c <= 0x1F || inRange(c, 0x7F, 0x9F);
}

bool isLetterOrDigit(char32_t c) noexcept {
  if (c < 0x80) {
    return inRange(c, 'a', 'z') || inRange(c, 'A', 'Z') || inRange(c, '0', '9');
  }
  // Latin-1 letters (ª µ º and À..ÿ without × and ÷).
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (inRange(c, 0xC0, 0xFF)) return c != 0xD7 && c != 0xF7;
  return inRange(c, 0x0100, 0x02AF)     // Latin Extended-A and -B, IPA
         || inRange(c, 0x0300, 0x036F)  // combining diacritical marks
         || c == 0x0386 || inRange(c, 0x0388, 0x03F5) || inRange(c, 0x03F7, 0x03FF)  // Greek
         || inRange(c, 0x0400, 0x0481) || inRange(c, 0x048A, 0x052F)                 // Cyrillic
         || inRange(c, 0x0531, 0x0556) || inRange(c, 0x0561, 0x0587)                 // Armenian
         || inRange(c, 0x05D0, 0x05EA)                                               // Hebrew
         || inRange(c, 0x0620, 0x064A)                                               // Arabic
         || inRange(c, 0x1E00, 0x1EFF)  // Latin Extended Additional
         || inRange(c, 0x3041, 0x3096) || inRange(c, 0x30A1, 0x30FA) || c == 0x30FC  // Kana
         || inRange(c, 0x3400, 0x4DBF) || inRange(c, 0x4E00, 0x9FFF)  // CJK ideographs
         || inRange(c, 0xAC00, 0xD7A3);                               // Hangul syllables
}

bool isWordCharacter(char32_t c) noexcept {
  return c == '_' || isLetterOrDigit(c);
}

char32_t toLower(char32_t c) noexcept {
  if (c < 0x80) return inRange(c, 'A', 'Z') ? c + 0x20 : c;
  if (inRange(c, 0xC0, 0xDE)) return c == 0xD7 ? c : c + 0x20;
  // Latin Extended-A: upper and lower alternate, with the parity changing at U+0139
  // and again at U+0179.
  if (c == 0x0130) return 'i';
  if (c == 0x0178) return 0xFF;
  if ((inRange(c, 0x0100, 0x012F) || inRange(c, 0x0132, 0x0137) || inRange(c, 0x014A, 0x0177)) &&
      c % 2 == 0) {
    return c + 1;
  }
  if ((inRange(c, 0x0139, 0x0148) || inRange(c, 0x0179, 0x017E)) && c % 2 == 1) return c + 1;
  // Latin Extended Additional (Vietnamese and others): even upper, odd lower.
  if ((inRange(c, 0x1E00, 0x1E95) || inRange(c, 0x1EA0, 0x1EFF)) && c % 2 == 0) return c + 1;
  // Greek.
  if (c == 0x0386) return 0x03AC;
  if (inRange(c, 0x0388, 0x038A)) return c + 37;
  if (c == 0x038C) return 0x03CC;
  if (inRange(c, 0x038E, 0x038F)) return c + 63;
  if (inRange(c, 0x0391, 0x03AB) && c != 0x03A2) return c + 0x20;
  // Cyrillic.
  if (inRange(c, 0x0400, 0x040F)) return c + 0x50;
  if (inRange(c, 0x0410, 0x042F)) return c + 0x20;
  if ((inRange(c, 0x0460, 0x0481) || inRange(c, 0x048A, 0x04BF)) && c % 2 == 0) return c + 1;
  // Armenian.
  if (inRange(c, 0x0531, 0x0556)) return c + 0x30;
  return c;
}

std::u32string_view trimWhiteSpace(std::u32string_view codePoints) noexcept {
  while (!codePoints.empty() && isWhiteSpace(codePoints.front()))
    codePoints.remove_prefix(1);
  while (!codePoints.empty() && isWhiteSpace(codePoints.back()))
    codePoints.remove_suffix(1);
  return codePoints;
}

std::string codePointName(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

}  // namespace mt::twitter::utf8
