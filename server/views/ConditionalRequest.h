#pragma once

#include <chrono>
#include <string_view>

#include "HttpRequest.h"

namespace mt::views {

// RFC 9110 13.1.2: whether an If-None-Match value ("*" or a list of entity tags)
// matches `entityTag` under the weak comparison, which ignores "W/".
bool ifNoneMatchMatches(std::string_view ifNoneMatch, std::string_view entityTag);

// Whether a GET or HEAD may be answered 304 Not Modified (RFC 9110 13.2.2):
// If-None-Match decides when present; otherwise If-Modified-Since with a valid date
// that is not before `lastModified`. An unparseable date counts as absent.
bool isNotModified(const http::HttpRequest& request, std::string_view entityTag,
                   std::chrono::sys_seconds lastModified);

}  // namespace mt::views
