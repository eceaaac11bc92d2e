#include "JsNumber.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

namespace mt::api {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

bool isJsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Reads an unsigned integer in `base` from the whole of `digits` (already stripped of
// its prefix); JavaScript reads these as doubles, so long ones round rather than fail.
std::optional<double> parseRadixInteger(std::string_view digits, int base) {
  if (digits.empty()) return std::nullopt;
  double value = 0;
  for (char c : digits) {
    int digit = 0;
    if (isDigit(c)) {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    if (digit >= base) return std::nullopt;
    value = value * base + digit;
  }
  return value;
}

// Whether a decimal literal that std::from_chars found out of range overflows (true)
// or underflows (false): the position of its first significant digit decides.
bool overflows(std::string_view literal) {
  std::size_t i = 0;
  long long magnitude = 0;  // digits before the decimal point, once leading zeros go
  bool seenSignificant = false;
  for (; i < literal.size() && isDigit(literal[i]); ++i) {
    if (literal[i] != '0' || seenSignificant) {
      seenSignificant = true;
      ++magnitude;
    }
  }
  if (i < literal.size() && literal[i] == '.') {
    for (++i; i < literal.size() && isDigit(literal[i]); ++i) {
      if (seenSignificant) continue;
      if (literal[i] != '0') {
        seenSignificant = true;
      } else {
        --magnitude;
      }
    }
  }
  long long exponent = 0;
  if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E')) {
    ++i;
    const bool negative = i < literal.size() && literal[i] == '-';
    if (i < literal.size() && (literal[i] == '-' || literal[i] == '+')) ++i;
    for (; i < literal.size(); ++i) {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (literal[i] - '0');
    }
    if (negative) exponent = -exponent;
  }
  return magnitude + exponent > 0;
}

// A decimal literal: digits [. digits] or . digits, then an optional exponent.
bool isDecimalLiteral(std::string_view text) {
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < text.size() && isDigit(text[i]))
    ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && isDigit(text[i]))
      ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t exponentStart = i;
    while (i < text.size() && isDigit(text[i]))
      ++i;
    if (i == exponentStart) return false;
  }
  return i == text.size();
}

}  // namespace

void appendJsNumber(double d, std::string& out) {
  if (std::isnan(d)) {
    out += "NaN";
    return;
  }
  if (d == 0) {
    out += '0';
    return;
  }
  if (d < 0) {
    out += '-';
    d = -d;
  }
  if (std::isinf(d)) {
    out += "Infinity";
    return;
  }
  // The shortest round-trip digits, in the form "d[.ddd]e±x".
  std::array<char, 32> buffer{};
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), d, std::chars_format::scientific);
  const std::string_view scientific(buffer.data(), result.ptr - buffer.data());
  const std::size_t e = scientific.find('e');
  std::string digits;
  digits.reserve(e);
  for (std::size_t i = 0; i < e; ++i) {
    if (scientific[i] != '.') digits += scientific[i];
  }
  int exponent = 0;
  std::from_chars(scientific.data() + e + (scientific[e + 1] == '+' ? 2 : 1),
                  scientific.data() + scientific.size(), exponent);
  // ECMAScript's Number::toString, with k digits and the decimal point after n of them.
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out += '.';
    out.append(digits, static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    out += n - 1 < 0 ? '-' : '+';
    out += std::to_string(n - 1 < 0 ? 1 - n : n - 1);
  }
}

std::string jsNumberText(double d) {
  std::string out;
  appendJsNumber(d, out);
  return out;
}

std::optional<double> parseJsNumber(std::string_view text) {
  while (!text.empty() && isJsSpace(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && isJsSpace(text.back()))
    text.remove_suffix(1);
  if (text.empty()) return 0.0;
  if (text.size() > 2 && text[0] == '0') {
    const char prefix = static_cast<char>(text[1] | 0x20);
    if (prefix == 'x') return parseRadixInteger(text.substr(2), 16);
    if (prefix == 'o') return parseRadixInteger(text.substr(2), 8);
    if (prefix == 'b') return parseRadixInteger(text.substr(2), 2);
  }
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text == "Infinity") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (!isDecimalLiteral(text)) return std::nullopt;
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    value = overflows(text) ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return negative ? -value : value;
}

}  // namespace mt::api
