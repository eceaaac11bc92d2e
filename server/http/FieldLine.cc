#include "FieldLine.h"

#include "HttpSyntax.h"

namespace mt::http {

std::string_view parseFieldLine(std::string_view line, HeaderField& field) {
  // A line that starts with whitespace continues the previous one (obs-fold, RFC
  // 9112 5.2) or, first in the section, could hide a field from an intermediary;
  // both are refused rather than unfolded.
  if (line.empty() || syntax::isOws(line.front())) return "obsolete line folding";

  std::size_t colon = 0;
  while (colon < line.size() && syntax::isTokenChar(line[colon]))
    ++colon;
  if (colon == line.size()) return "field line without a colon";
  if (line[colon] != ':') {
    // "Name : value" must be refused (RFC 9112 5.1): proxies disagree on what it means.
    return syntax::isOws(line[colon]) ? "whitespace before colon" : "invalid field name";
  }
  if (colon == 0) return "empty field name";

  std::string_view value = line.substr(colon + 1);
  for (char c : value) {
    if (!syntax::isFieldValueChar(c)) return "control character in field value";
  }
  field.name = line.substr(0, colon);
  field.value = syntax::trimOws(value);
  return {};
}

}  // namespace mt::http
