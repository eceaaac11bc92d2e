#pragma once

#include <memory>
#include <string_view>

#include "Protocol.h"
#include "RespRequestParser.h"

namespace mt::resp {

// Makes a RespProtocol for every accepted connection; what `minitwitter serve
// --protocol resp` hands the server core.
class RespProtocolFactory final : public net::ProtocolFactory {
 public:
  explicit RespProtocolFactory(RespLimits limits = {}) : limits_(limits) {}

  std::unique_ptr<net::Protocol> create(net::Connection& conn) override;

  // What redis answers when maxclients is reached.
  std::string refusal() const override { return "-ERR max number of clients reached\r\n"; }

 private:
  RespLimits limits_;
};

}  // namespace mt::resp
