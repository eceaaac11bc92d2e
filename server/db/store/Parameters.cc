#include "Parameters.h"

#include <cstdio>

namespace mt::db {
namespace {

// An element of a PostgreSQL array literal: double-quoted, with '"' and '\' escaped.
void appendArrayElement(std::string& out, const std::string& text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// A JSON string (RFC 8259): '"', '\' and control characters escaped; UTF-8 as is.
void appendJsonString(std::string& out, const std::string& text) {
  out += '"';
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

std::string idListParameter(Dialect dialect, std::span<const Id> ids) {
  std::string out(1, dialect == Dialect::PostgreSql ? '{' : '[');
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  out += dialect == Dialect::PostgreSql ? '}' : ']';
  return out;
}

std::string textListParameter(Dialect dialect, std::span<const std::string> texts) {
  bool postgres = dialect == Dialect::PostgreSql;
  std::string out(1, postgres ? '{' : '[');
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += ',';
    if (postgres) {
      appendArrayElement(out, texts[i]);
    } else {
      appendJsonString(out, texts[i]);
    }
  }
  out += postgres ? '}' : ']';
  return out;
}

}  // namespace mt::db
