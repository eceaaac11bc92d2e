#include "Utf8.h"

namespace mt::api::utf8 {

Decoded decode(std::string_view text, std::size_t position) {
  auto byte = [&](std::size_t i) -> unsigned {
    return position + i < text.size() ? static_cast<unsigned char>(text[position + i]) : 0u;
  };
  auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0u) == 0x80u; };
  unsigned lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  // The second byte's range depends on the lead (RFC 3629's table): it is what rules
  // out overlong forms, surrogates and code points past U+10FFFF.
  unsigned second = byte(1);
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (!continuation(1)) return {};
    return {((lead & 0x1Fu) << 6) | (second & 0x3Fu), 2};
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    unsigned high = lead == 0xED ? 0x9F : 0xBF;
    if (second < low || second > high || !continuation(2)) return {};
    return {((lead & 0x0Fu) << 12) | ((second & 0x3Fu) << 6) | (byte(2) & 0x3Fu), 3};
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    if (second < low || second > high || !continuation(2) || !continuation(3)) return {};
    return {((lead & 0x07u) << 18) | ((second & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) |
                (byte(3) & 0x3Fu),
            4};
  }
  return {};
}

void append(std::string& out, char32_t codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else if (codePoint < 0x800) {
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else if (codePoint < 0x10000) {
    out += static_cast<char>(0xE0 | (codePoint >> 12));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (codePoint >> 18));
    out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

std::size_t utf16Length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++units;
      ++i;
      continue;
    }
    Decoded d = decode(text, i);
    if (d.size == 0) {
      ++units;
      ++i;
    } else {
      units += utf16Units(d.codePoint);
      i += d.size;
    }
  }
  return units;
}

std::string_view prefixOfUtf16Length(std::string_view text, std::size_t position,
                                     std::size_t units) {
  if (position >= text.size()) return {};
  std::size_t end = position;
  std::size_t counted = 0;
  while (counted < units && end < text.size()) {
    Decoded d = decode(text, end);
    if (d.size == 0) {
      ++counted;
      ++end;
    } else {
      counted += utf16Units(d.codePoint);
      end += d.size;
    }
  }
  return text.substr(position, end - position);
}

}  // namespace mt::api::utf8
