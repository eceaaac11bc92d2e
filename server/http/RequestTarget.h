#pragma once

#include <string_view>

#include "HttpMethod.h"

namespace mt::http {

// The routing-relevant parts of a request-target.
struct TargetParts {
  std::string_view path;   // still percent-encoded; "*" or the authority for those forms
  std::string_view query;  // after '?', without it
};

// Checks a request-target's characters and that its form suits the method (RFC 9112
// 3.2: origin-form, absolute-form, authority-form for CONNECT only, asterisk-form for
// OPTIONS only), and splits it. The views point into `target`, except the "/" given
// for an absolute-form without a path. Returns an empty string on success, otherwise
// why the target is malformed (a 400).
std::string_view splitRequestTarget(Method method, std::string_view target, TargetParts& parts);

}  // namespace mt::http
