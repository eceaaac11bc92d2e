#pragma once

#include <array>
#include <cstddef>
#include <string_view>

// Character classes and small grammar pieces of RFC 9110 shared by the request
// parser, the cookie parser and header lookups. Table driven because they sit on the
// per-byte hot path of request parsing.
namespace mt::http::syntax {

namespace detail {

constexpr std::array<bool, 256> makeTokenTable() {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c)
    table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c)
    table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c)
    table[c] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~"))
    table[static_cast<unsigned char>(c)] = true;
  return table;
}

// field-vchar / SP / HTAB, with obs-text (0x80-0xFF) allowed as RFC 9110 5.5 says.
constexpr std::array<bool, 256> makeFieldValueTable() {
  std::array<bool, 256> table{};
  for (int c = 0x20; c <= 0xFF; ++c)
    table[c] = c != 0x7F;
  table['\t'] = true;
  return table;
}

inline constexpr std::array<bool, 256> kTokenChars = makeTokenTable();
inline constexpr std::array<bool, 256> kFieldValueChars = makeFieldValueTable();

}  // namespace detail

// tchar (RFC 9110 5.6.2): what method names and field names are made of.
constexpr bool isTokenChar(char c) {
  return detail::kTokenChars[static_cast<unsigned char>(c)];
}

// A byte allowed inside a field value: anything but control characters (HTAB aside).
constexpr bool isFieldValueChar(char c) {
  return detail::kFieldValueChars[static_cast<unsigned char>(c)];
}

constexpr bool isOws(char c) {
  return c == ' ' || c == '\t';
}

constexpr bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

constexpr bool isToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!isTokenChar(c)) return false;
  }
  return true;
}

// The value of a hex digit in either case, or -1.
constexpr int hexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char toLowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// ASCII case-insensitive comparison, as field names and most tokens are compared.
constexpr bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (toLowerAscii(a[i]) != toLowerAscii(b[i])) return false;
  }
  return true;
}

// Removes optional whitespace (SP / HTAB) from both ends.
constexpr std::string_view trimOws(std::string_view s) {
  while (!s.empty() && isOws(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && isOws(s.back()))
    s.remove_suffix(1);
  return s;
}

// Calls visit(element) for every element of a comma-separated list (RFC 9110 5.6.1),
// trimmed, skipping the empty elements the grammar allows. Stops early and returns
// false when visit returns false.
template <typename Visit>
constexpr bool forEachListElement(std::string_view list, Visit&& visit) {
  while (true) {
    std::size_t comma = list.find(',');
    std::string_view element = trimOws(list.substr(0, comma));
    if (!element.empty() && !visit(element)) return false;
    if (comma == std::string_view::npos) return true;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace mt::http::syntax
