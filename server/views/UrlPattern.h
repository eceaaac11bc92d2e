#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "RequestPath.h"
#include "RouteParams.h"

namespace mt::views {

// Which request paths a route answers, and the parameters it captures from them.
// Two syntaxes, as Django has:
//
// UrlPattern::path("/users/<str:name>/tweets/<int:id>") matches segment by segment;
// literal text must equal the decoded segment. Converters:
//   <str:x>   a non-empty piece of one segment (it may hold a decoded "%2F")
//   <int:x>   decimal digits, parsed to int64; a value that overflows does not match
//   <slug:x>  [-a-zA-Z0-9_]+
//   <uuid:x>  8-4-4-4-12 lowercase hex digits
//   <path:x>  one or more whole segments, joined with '/' (alone in its segment)
//   <x>       same as <str:x>
// A converter may share its segment with literal text ("/t/<int:id>.json").
//
// UrlPattern::regex("^/tweets/(?P<id>[0-9]+)$") is an ECMAScript regular expression
// searched in RequestPath::regexSubject(). std::regex has no named groups, so the
// Python-style "(?P<name>...)" and "(?<name>...)" are rewritten into plain groups and
// their numbers remembered; only named groups become parameters.
//
// Both throw std::invalid_argument on a malformed pattern. A pattern is immutable
// and cheap to copy; matching is safe from several threads at once.
class UrlPattern {
 public:
  static UrlPattern path(std::string_view pattern);
  static UrlPattern regex(std::string_view pattern);

  // The captured parameters when `requestPath` matches, nullopt otherwise.
  std::optional<RouteParams> match(const RequestPath& requestPath) const;

  // The pattern as written, for logs.
  const std::string& source() const;

 private:
  struct Compiled;  // the parsed pattern and its matcher, in UrlPattern.cc

  explicit UrlPattern(std::shared_ptr<const Compiled> compiled);

  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace mt::views
