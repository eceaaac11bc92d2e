#pragma once

#include <string>

#include "AccessLogSink.h"

namespace mt::views {

// Appends one access-log line in the Common Log Format, newline included:
//   127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET /a HTTP/1.1" 200 2326
// Time is UTC. A body of 0 bytes is written "-", as CLF has it. In the request line
// '"' and '\' are backslash-escaped and other bytes outside printable ASCII written
// \xHH, so a hostile target cannot forge a line or break a log parser.
void appendCommonLogLine(std::string& out, const http::AccessRecord& entry);

}  // namespace mt::views
