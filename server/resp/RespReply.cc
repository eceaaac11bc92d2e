#include "RespReply.h"

#include <charconv>

namespace mt::resp {

namespace {

void appendDecimal(std::string& out, long long value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

}  // namespace

void appendSimpleString(std::string& out, std::string_view text) {
  out.push_back('+');
  out.append(text);
  out.append("\r\n");
}

void appendError(std::string& out, std::string_view message) {
  out.push_back('-');
  for (char c : message)
    out.push_back(c == '\r' || c == '\n' ? ' ' : c);
  out.append("\r\n");
}

void appendBulkString(std::string& out, std::string_view bytes) {
  out.push_back('$');
  appendDecimal(out, static_cast<long long>(bytes.size()));
  out.append("\r\n");
  out.append(bytes);
  out.append("\r\n");
}

void appendInteger(std::string& out, long long value) {
  out.push_back(':');
  appendDecimal(out, value);
  out.append("\r\n");
}

void appendArrayHeader(std::string& out, std::size_t elements) {
  out.push_back('*');
  appendDecimal(out, static_cast<long long>(elements));
  out.append("\r\n");
}

}  // namespace mt::resp
