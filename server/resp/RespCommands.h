#pragma once

#include <span>
#include <string>
#include <string_view>

namespace mt::resp {

enum class RespCommandOutcome {
  Continue,  // go on with the next request
  Close,     // send what was replied, then close (QUIT)
};

// Runs one request of the subset this server speaks and appends its reply. Pure: no
// I/O, no state; `args` (the command name first) must not be empty.
//
//   PING [message]           +PONG, or the message as a bulk string
//   ECHO message             the message
//   COMMAND [DOCS|INFO|LIST] an empty array (COMMAND COUNT: 0), which is all redis-cli
//                            needs to start; it then runs without command hints
//   CONFIG GET pattern...    name/value pairs of the parameters redis-benchmark asks
//                            for (save, appendonly); other names match nothing
//   QUIT                     +OK, then the connection closes
//   HELLO ...                answered as an unknown command, as a RESP2-only server
//                            does, so clients that try RESP3 fall back to RESP2
//   anything else            -ERR unknown command 'name'
RespCommandOutcome executeRespCommand(std::span<const std::string_view> args, std::string& reply);

}  // namespace mt::resp
