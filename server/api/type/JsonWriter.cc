#include <charconv>
#include <cmath>

#include "JsNumber.h"
#include "Json.h"
#include "Utf8.h"  // the language module's UTF-8 decoder

namespace mt::api {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

void writeNumber(double number, std::string& out) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  appendJsNumber(number, out);
}

void writeInt(std::int64_t number, std::string& out) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, result.ptr);
}

}  // namespace

void writeJsonString(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t runStart = 0;  // bytes copied as they are, in one append per run
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t length = utf8::decode(text, i).size;
      if (length != 0) {
        i += length;
        continue;
      }
    }
    out.append(text, runStart, i - runStart);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += kReplacementCharacter;
        }
    }
    ++i;
    runStart = i;
  }
  out.append(text, runStart, text.size() - runStart);
  out += '"';
}

void writeJson(const Value& value, std::string& out) {
  switch (value.kind()) {
    case Value::Kind::Null:
      out += "null";
      return;
    case Value::Kind::Boolean:
      out += value.asBool() ? "true" : "false";
      return;
    case Value::Kind::Int:
      writeInt(value.asInt(), out);
      return;
    case Value::Kind::Float:
      writeNumber(value.asFloat(), out);
      return;
    case Value::Kind::String:
      writeJsonString(value.asString(), out);
      return;
    case Value::Kind::List: {
      out += '[';
      bool first = true;
      for (const auto& item : value.asList()) {
        if (!first) out += ',';
        first = false;
        writeJson(item, out);
      }
      out += ']';
      return;
    }
    case Value::Kind::Object: {
      out += '{';
      bool first = true;
      for (const auto& [name, member] : value.asObject()) {
        if (!first) out += ',';
        first = false;
        writeJsonString(name, out);
        out += ':';
        writeJson(member, out);
      }
      out += '}';
      return;
    }
  }
}

std::string toJson(const Value& value) {
  std::string out;
  writeJson(value, out);
  return out;
}

}  // namespace mt::api
