#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "HttpMethod.h"

namespace mt::http {

struct HeaderField {
  std::string_view name;   // as sent; compare case-insensitively
  std::string_view value;  // leading and trailing whitespace removed
};

// A parsed request. Every string_view points into the connection's input buffer
// (zero-copy) and is valid only until the protocol consumes the request's bytes —
// i.e. for the duration of the handler call. A handler that answers later, from a
// worker, copies what it needs first.
//
// The one exception is a chunked body: it has to be reassembled, so it lives in
// decodedBody and body points there.
struct HttpRequest {
  Method method = Method::Get;
  std::string_view target;  // request-target exactly as sent: "/a%20b?x=1"
  std::string_view path;    // target up to '?', still percent-encoded
  std::string_view query;   // after '?', without it; empty if none
  int versionMinor = 1;     // HTTP/1.<versionMinor>; only 1.0 and 1.1 are accepted
  std::vector<HeaderField> headers;
  std::string_view body;
  std::string decodedBody;  // backing store for a chunked body only

  bool keepAlive = true;        // from the version and the Connection header
  bool expectContinue = false;  // "Expect: 100-continue" was sent
  bool chunked = false;         // body came with Transfer-Encoding: chunked

  // First header with this name (case-insensitive), or nullopt.
  std::optional<std::string_view> header(std::string_view name) const;

  void clear();
};

}  // namespace mt::http
