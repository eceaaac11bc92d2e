#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mt::resp {

// Bounds on what one request may declare, so a peer cannot make the server buffer
// without limit.
struct RespLimits {
  std::size_t maxArguments = 1024;        // elements of one request array
  std::size_t maxBulkBytes = 512 << 10;   // one bulk string
  std::size_t maxRequestBytes = 1 << 20;  // all bulk strings of one request together
  std::size_t maxInlineBytes = 64 << 10;  // one inline command line
};

// The arguments of one request. Views point into the input given to
// RespRequestParser::parse() — or, for inline arguments that had quotes or escapes,
// into storage owned here — and are valid until that input changes or the next parse.
// Reused from request to request, so a connection stops allocating once warm.
class RespCommand {
 public:
  std::span<const std::string_view> args() const { return args_; }
  bool empty() const { return args_.empty(); }
  std::size_t size() const { return args_.size(); }
  std::string_view operator[](std::size_t i) const { return args_[i]; }

 private:
  friend class RespRequestParser;
  void clear() {
    args_.clear();
    decoded_.clear();
  }

  std::vector<std::string_view> args_;
  std::vector<std::string> decoded_;  // inline arguments unquoted and unescaped
};

enum class RespParseStatus {
  Complete,    // a whole request: `consumed` bytes (the command may be empty: nothing to run)
  Incomplete,  // call again once more bytes have arrived
  Error,       // the peer broke the protocol: answer "-ERR Protocol error: <error>", close
};

struct RespParseResult {
  RespParseStatus status = RespParseStatus::Incomplete;
  std::size_t consumed = 0;
  std::string error;
};

// Parses one RESP2 request from the front of its input: an array of bulk strings
// (`*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n`, what every client library sends) or an inline
// command (`PING\r\n`, a line of space-separated arguments with redis-style quoting,
// what telnet users and redis-benchmark's *_INLINE tests send).
//
// Pure: no I/O and no state between calls. A request that is still incomplete is
// parsed again from its start on the next call; that costs O(elements), not O(bytes),
// since bulk payloads are skipped by their declared length.
class RespRequestParser {
 public:
  explicit RespRequestParser(RespLimits limits = {}) : limits_(limits) {}

  RespParseResult parse(std::string_view input, RespCommand& command) const;

  const RespLimits& limits() const { return limits_; }

 private:
  RespParseResult parseArray(std::string_view input, RespCommand& command) const;
  RespParseResult parseInline(std::string_view input, RespCommand& command) const;

  RespLimits limits_;
};

}  // namespace mt::resp
