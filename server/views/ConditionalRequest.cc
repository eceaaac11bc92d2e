#include "ConditionalRequest.h"

#include <optional>

#include "HttpDate.h"

namespace mt::views {
namespace {

std::string_view withoutWeakPrefix(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

bool isOws(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

bool ifNoneMatchMatches(std::string_view ifNoneMatch, std::string_view entityTag) {
  std::string_view ours = withoutWeakPrefix(entityTag);
  std::string_view rest = ifNoneMatch;
  // Scanned rather than split at commas: an opaque tag may itself contain a comma.
  while (!rest.empty()) {
    if (isOws(rest.front()) || rest.front() == ',') {
      rest.remove_prefix(1);
      continue;
    }
    if (rest.front() == '*') return true;
    std::size_t start = rest.starts_with("W/") ? 2 : 0;
    if (rest.size() <= start || rest[start] != '"') {
      // Not an entity tag: skip to the next list element.
      std::size_t comma = rest.find(',');
      if (comma == std::string_view::npos) return false;
      rest.remove_prefix(comma + 1);
      continue;
    }
    std::size_t close = rest.find('"', start + 1);
    if (close == std::string_view::npos) return false;
    if (rest.substr(start, close + 1 - start) == ours) return true;
    rest.remove_prefix(close + 1);
  }
  return false;
}

bool isNotModified(const http::HttpRequest& request, std::string_view entityTag,
                   std::chrono::sys_seconds lastModified) {
  if (std::optional<std::string_view> tags = request.header("If-None-Match")) {
    return ifNoneMatchMatches(*tags, entityTag);
  }
  if (std::optional<std::string_view> since = request.header("If-Modified-Since")) {
    std::optional<std::chrono::sys_seconds> date = http::parseHttpDate(*since);
    return date && lastModified <= *date;
  }
  return false;
}

}  // namespace mt::views
