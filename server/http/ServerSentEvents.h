#pragma once

#include <string>
#include <string_view>

namespace mt::http {

// The text/event-stream wire format (WHATWG HTML, "Server-sent events"). Pure
// functions: what a view writes into a ResponseStream.

// One event: `event: <name>` then one `data:` line per line of `data` (CR LF, CR and
// LF all split lines, as a client's parser does), then the blank line that dispatches
// it. Empty data still gets one empty `data:` line, so that EventSource dispatches it.
// `name` must not contain a line break (it is the caller's constant).
std::string serverSentEvent(std::string_view name, std::string_view data);

// A comment line (`: text`) and the blank line: clients ignore it; it keeps proxies
// and idle timers from closing a quiet stream. Line breaks in `text` become spaces.
std::string serverSentComment(std::string_view text);

inline constexpr std::string_view kEventStreamMediaType = "text/event-stream";

}  // namespace mt::http
