#pragma once

#include <string>

#include "Protocol.h"
#include "RespRequestParser.h"

namespace mt::resp {

// A tiny subset of the Redis protocol (RESP2) on the protocol-agnostic server core:
// the proof that L1 runs any Protocol, and a target for redis-cli and
// redis-benchmark. Pipelined requests are answered in order; the replies to all the
// requests that arrived together go out in one send. A protocol error is answered
// with "-ERR Protocol error: …" and the connection closed, as redis does.
//
// Every command is answered on the loop thread (none blocks), so the protocol is
// never busy and needs no state beyond the parser's scratch space.
//
// Output stays bounded without pausing here: the replies to one buffer of input are
// at most a small multiple of it, and the core stops reading a connection whose
// output queue is above its high-water mark.
//
// Thread affinity: loop thread only, like every Protocol.
class RespProtocol final : public net::Protocol {
 public:
  explicit RespProtocol(const RespLimits& limits) : parser_(limits) {}

  void onData(net::Connection& conn, net::Buffer& input) override;

 private:
  RespRequestParser parser_;
  RespCommand command_;  // reused between requests: keeps its capacity
  std::string replies_;  // replies to the current batch, reused likewise
};

}  // namespace mt::resp
