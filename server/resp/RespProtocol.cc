#include "RespProtocol.h"

#include "Buffer.h"
#include "Connection.h"
#include "RespCommands.h"
#include "RespReply.h"

namespace mt::resp {

namespace {
// A batch reply buffer larger than this is given back after use, so one burst does
// not pin memory on an idle connection.
constexpr std::size_t kKeptReplyCapacity = 16 << 10;
}  // namespace

void RespProtocol::onData(net::Connection& conn, net::Buffer& input) {
  if (conn.closing()) {
    input.retrieveAll();  // a QUIT or an error already ended the conversation
    return;
  }
  replies_.clear();
  bool close = false;
  while (!input.empty()) {
    RespParseResult result = parser_.parse(input.view(), command_);
    if (result.status == RespParseStatus::Incomplete) break;
    if (result.status == RespParseStatus::Error) {
      appendError(replies_, "ERR Protocol error: " + result.error);
      close = true;
      break;
    }
    if (!command_.empty() &&
        executeRespCommand(command_.args(), replies_) == RespCommandOutcome::Close) {
      close = true;
      break;
    }
    input.retrieve(result.consumed);  // after the command: its arguments view the input
  }
  if (!replies_.empty()) conn.send(std::string_view(replies_));
  if (close) {
    input.retrieveAll();  // nothing after QUIT or a protocol error is run
    conn.closeAfterWrite();
  }
  if (replies_.capacity() > kKeptReplyCapacity) std::string().swap(replies_);
}

}  // namespace mt::resp
