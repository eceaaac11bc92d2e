#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mt::views {

// A request path as URL patterns see it: split at '/', each segment percent-decoded
// on its own, so that an encoded slash ("%2F") stays inside its segment instead of
// splitting it.
//
// Thread affinity: one request's, not shared.
class RequestPath {
 public:
  // nullopt when the path does not start with '/' or a segment's percent-encoding
  // is malformed (answered 400).
  static std::optional<RequestPath> parse(std::string_view encodedPath);

  // "/" has one empty segment; "/a/b/" has "a", "b" and "".
  const std::vector<std::string>& segments() const { return segments_; }

  // What regular-expression patterns search: "/" + the segments joined with '/', a
  // '%' or '/' inside a segment written as %25 or %2F so that only real separators
  // read as '/'. Built on first use.
  const std::string& regexSubject() const;

  // Undoes the escaping of regexSubject() in a captured piece of it.
  static std::string unescapeRegexCapture(std::string_view captured);

 private:
  std::vector<std::string> segments_;
  mutable std::optional<std::string> regexSubject_;
};

}  // namespace mt::views
