#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "AccessLogSink.h"
#include "HttpHandler.h"
#include "HttpRequest.h"
#include "HttpRequestParser.h"
#include "Protocol.h"
#include "ResponseSerializer.h"
#include "Timer.h"

namespace mt::net {
class Connection;
}

namespace mt::http {

struct HttpProtocolOptions {
  ParserLimits limits;
  // From a request's first byte to its last: a client that trickles a request in
  // slower than this is answered 408 and cut off.
  std::chrono::milliseconds requestReadTimeout{10'000};
  // Requests parsed but not yet answered on one connection; past it reading pauses
  // (pipelining stays ordered and bounded).
  std::size_t maxPipelined = 64;
  std::string serverName = "minitwitter";
  // Told about every finished request (access log, request metrics). Non-owning;
  // each must outlive the server.
  std::vector<AccessLogSink*> sinks;
};

class ConnectionSink;

// HTTP/1.1 on one connection: parses requests out of the input buffer, hands each
// to the handler, and writes the answers back in request order however they arrive.
// Streamed responses (server-sent events) hold the connection while they last; their
// StreamOptions bound them (slow clients, keep-alives, shutdown), and each stream's
// `finished` is told exactly once how it ended.
//
// Thread affinity: loop thread only (it is an L1 Protocol); answers from other
// threads, or from outside this connection's own callbacks, arrive through the
// ConnectionSink, which posts them to the loop.
class HttpProtocol final : public net::Protocol {
 public:
  HttpProtocol(net::Connection& conn, HttpHandler& handler, const HttpProtocolOptions& options);
  ~HttpProtocol() override;

  void onData(net::Connection& conn, net::Buffer& input) override;
  void onPeerClosed(net::Connection& conn) override;
  void onShutdown(net::Connection& conn) override;
  bool busy() const override { return !pending_.empty(); }
  void onClose(net::Connection& conn) override;

  // Loop thread: the answer for request `seq` is ready.
  void complete(std::uint64_t seq, HttpResponse&& response);
  // Loop thread: request `seq` is answered with a streamed body.
  void startStream(std::uint64_t seq, HttpResponse&& head, StreamOptions options,
                   StreamFinished finished);
  void writeStream(std::uint64_t seq, std::string&& data);
  void endStream(std::uint64_t seq);

  // True while one of this connection's own callbacks runs: only then may the sink
  // call in directly, since the connection neither flushes nor closes mid-call.
  bool inConnectionCallback() const { return callbackDepth_ > 0; }

 private:
  struct PendingResponse;
  class CallbackScope;

  void parseRequests(net::Buffer& input);
  void dispatchRequest(const HttpRequest& request);
  void rejectRequest(int status, std::string_view detail);
  void writeReadyResponses();
  void writeResponse(PendingResponse& slot);
  // Writes what it can of the streamed response at the front; true once it ended.
  bool writeStreamed(PendingResponse& slot);
  // Body bytes of a live stream: onto the wire once its head is, else kept back.
  void appendToStream(PendingResponse& slot, std::string_view data);
  // Appends, then drops the stream with its overflow tail if the client is too slow;
  // false when it did.
  bool writeToStream(PendingResponse& slot, std::string_view data);
  bool overflowed(const PendingResponse& slot) const;
  // No more body is taken: `tail` is its last bytes, `finished` hears `why`. The
  // caller then writes what is ready (the body's end, once at the front).
  void endStreamWith(PendingResponse& slot, std::string_view tail, StreamEnd why);
  void armKeepAlive(PendingResponse& slot, std::chrono::milliseconds delay);
  void onKeepAliveTimer(std::uint64_t seq);
  void cancelKeepAlive(PendingResponse& slot);
  bool hasLiveStream() const;
  // Drops every pending answer; streams among them hear ClientGone.
  void abandonPending();
  // `finished` runs only from here, once the protocol's state is consistent again,
  // so that a callback which calls back into a stream finds it settled.
  void tellFinished();

  PendingResponse* find(std::uint64_t seq);
  ResponseFraming framingFor(const PendingResponse& slot) const;
  void sendContinue();
  void armReadTimer();
  void cancelReadTimer();
  void onReadTimeout();
  void report(const PendingResponse& slot, std::size_t bodyBytes);

  net::Connection& conn_;
  HttpHandler& handler_;
  const HttpProtocolOptions& options_;
  std::shared_ptr<ConnectionSink> sink_;
  HttpRequestParser parser_;
  HttpRequest request_;
  std::deque<PendingResponse> pending_;
  std::uint64_t nextSeq_ = 0;
  net::TimerId readTimer_ = 0;
  bool continueSent_ = false;
  bool continueOwed_ = false;  // 100 Continue waits for earlier answers to go out
  bool stopParsing_ = false;   // after a bad request, Connection: close or shutdown
  bool readingPaused_ = false;
  bool shuttingDown_ = false;
  bool peerClosed_ = false;
  int callbackDepth_ = 0;
  std::vector<std::pair<StreamFinished, StreamEnd>> finishedToTell_;
  std::string peerHost_;  // only when there are sinks to tell
};

// Makes an HttpProtocol for every connection, all sharing one handler and options.
class HttpProtocolFactory final : public net::ProtocolFactory {
 public:
  HttpProtocolFactory(HttpHandler& handler, HttpProtocolOptions options);
  std::unique_ptr<net::Protocol> create(net::Connection& conn) override;
  // A 503 with Retry-After, dated now.
  std::string refusal() const override;

 private:
  HttpHandler& handler_;
  HttpProtocolOptions options_;
};

}  // namespace mt::http
