#include "RespProtocolFactory.h"

#include "RespProtocol.h"

namespace mt::resp {

std::unique_ptr<net::Protocol> RespProtocolFactory::create(net::Connection& /*conn*/) {
  return std::make_unique<RespProtocol>(limits_);
}

}  // namespace mt::resp
