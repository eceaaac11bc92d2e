#include "RequestTarget.h"

#include <algorithm>

namespace mt::http {

namespace {

// A static object rather than a literal so it can never share storage with a
// request buffer (the parser relocates views that point into its buffer).
constexpr char kRootPath[] = "/";

bool isAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isSchemeChar(char c) {
  return isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// Visible ASCII and, as most servers tolerate, raw non-ASCII bytes; never whitespace
// or control characters.
bool isTargetChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u != 0x7F;
}

void splitPathAndQuery(std::string_view pathAndQuery, TargetParts& parts) {
  std::size_t question = pathAndQuery.find('?');
  if (question == std::string_view::npos) {
    parts.path = pathAndQuery;
    parts.query = {};
  } else {
    parts.path = pathAndQuery.substr(0, question);
    parts.query = pathAndQuery.substr(question + 1);
  }
}

// "http://host:port/path?query": the server must accept it (RFC 9112 3.2.2) and routes
// on its path, so the scheme and authority are skipped here; Host stays as sent.
// Only URIs with an authority are taken, as http and https URIs always have one (RFC
// 9110 4.2); "host:80" or "urn:x" would otherwise parse as a scheme and a path.
std::string_view splitAbsoluteForm(std::string_view target, TargetParts& parts) {
  std::size_t colon = 0;
  while (colon < target.size() && isSchemeChar(target[colon]))
    ++colon;
  if (colon == 0 || colon == target.size() || target[colon] != ':' || !isAlpha(target[0])) {
    return "malformed request-target";
  }
  std::string_view rest = target.substr(colon + 1);
  if (!rest.starts_with("//")) return "absolute-form target without an authority";
  std::size_t authorityEnd = std::min(rest.find_first_of("/?", 2), rest.size());
  if (authorityEnd == 2) return "absolute-form target without a host";
  rest.remove_prefix(authorityEnd);
  splitPathAndQuery(rest, parts);
  if (parts.path.empty()) parts.path = kRootPath;
  return {};
}

// "host:port", the only form CONNECT takes (RFC 9112 3.2.3).
std::string_view checkAuthorityForm(std::string_view target) {
  std::size_t colon = target.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == target.size()) {
    return "CONNECT needs host:port";
  }
  if (target.find_first_of("/?#@") != std::string_view::npos) return "CONNECT needs host:port";
  for (char c : target.substr(colon + 1)) {
    if (c < '0' || c > '9') return "CONNECT needs host:port";
  }
  return {};
}

}  // namespace

std::string_view splitRequestTarget(Method method, std::string_view target, TargetParts& parts) {
  if (target.empty()) return "empty request-target";
  for (char c : target) {
    if (!isTargetChar(c)) return "invalid character in request-target";
  }

  if (method == Method::Connect) {
    std::string_view error = checkAuthorityForm(target);
    if (!error.empty()) return error;
    parts.path = target;
    parts.query = {};
    return {};
  }
  if (target == "*") {
    if (method != Method::Options) return "asterisk-form is for OPTIONS only";
    parts.path = target;
    parts.query = {};
    return {};
  }
  if (target.front() == '/') {
    splitPathAndQuery(target, parts);
    return {};
  }
  return splitAbsoluteForm(target, parts);
}

}  // namespace mt::http
