#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mt::resp {

// RESP2 reply serialisation: each function appends one value to `out`, so the replies
// to a batch of pipelined requests are built in one string and sent with one write.

// "+OK\r\n". `text` must not contain CR or LF (status words only).
void appendSimpleString(std::string& out, std::string_view text);

// "-ERR message\r\n". `message` starts with the error code ("ERR", "NOPROTO", …);
// CR and LF in it (e.g. from a command name the peer sent) become spaces.
void appendError(std::string& out, std::string_view message);

// "$5\r\nhello\r\n": binary-safe.
void appendBulkString(std::string& out, std::string_view bytes);

// ":42\r\n"
void appendInteger(std::string& out, long long value);

// "*3\r\n"; the caller appends the elements.
void appendArrayHeader(std::string& out, std::size_t elements);

}  // namespace mt::resp
