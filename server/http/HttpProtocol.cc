#include "HttpProtocol.h"

#include <algorithm>
#include <exception>
#include <utility>

#include "Buffer.h"
#include "Connection.h"
#include "ConnectionSink.h"
#include "EventLoop.h"
#include "HttpDate.h"
#include "ResponseSerializer.h"

namespace mt::http {

// Marks a call into the protocol. When the outermost one returns, streams that ended
// meanwhile hear of it.
class HttpProtocol::CallbackScope {
 public:
  explicit CallbackScope(HttpProtocol& protocol) : protocol_(protocol) {
    ++protocol_.callbackDepth_;
  }
  CallbackScope(const CallbackScope&) = delete;
  CallbackScope& operator=(const CallbackScope&) = delete;
  ~CallbackScope() {
    if (--protocol_.callbackDepth_ == 0) protocol_.tellFinished();
  }

 private:
  HttpProtocol& protocol_;
};

struct HttpProtocol::PendingResponse {
  std::uint64_t seq = 0;
  bool ready = false;
  Method method = Method::Get;
  int versionMinor = 1;
  bool keepAlive = true;
  HttpResponse response;
  std::chrono::steady_clock::time_point started;
  std::chrono::system_clock::time_point received;
  std::string target;  // kept only for the sinks
  // A streamed response: its head may be written while the body goes on.
  bool streaming = false;
  bool headWritten = false;
  bool chunkedBody = false;   // known once the head is written
  bool streamEnded = false;   // no more body is taken; its end is still to be written
  std::string streamBacklog;  // body written before the response reached the front
  std::size_t streamedBytes = 0;
  StreamOptions streamOptions;
  StreamFinished finished;  // empty once told
  net::TimerId keepAliveTimer = 0;
  std::chrono::steady_clock::time_point lastStreamWrite;
};

HttpProtocol::HttpProtocol(net::Connection& conn, HttpHandler& handler,
                           const HttpProtocolOptions& options)
    : conn_(conn),
      handler_(handler),
      options_(options),
      sink_(std::make_shared<ConnectionSink>(conn, *this)),
      parser_(options.limits) {
  if (!options_.sinks.empty()) peerHost_ = conn.peer().host();
}

HttpProtocol::~HttpProtocol() {
  if (sink_) sink_->detach();
  // onClose has normally told every stream already; timers die with the connection.
  for (PendingResponse& slot : pending_) {
    if (slot.finished)
      finishedToTell_.emplace_back(std::move(slot.finished), StreamEnd::ClientGone);
  }
  tellFinished();
}

void HttpProtocol::onData(net::Connection&, net::Buffer& input) {
  CallbackScope scope(*this);
  parseRequests(input);
}

void HttpProtocol::parseRequests(net::Buffer& input) {
  while (!stopParsing_ && !input.empty()) {
    if (pending_.size() >= options_.maxPipelined) {
      if (!readingPaused_) {
        readingPaused_ = true;
        conn_.pauseReading();
      }
      return;
    }
    ParseResult result = parser_.parse(input.view(), request_);
    if (result.status == ParseStatus::Incomplete) {
      armReadTimer();
      if (parser_.headersComplete() && request_.expectContinue && !continueSent_) {
        continueSent_ = true;
        // An interim response must not overtake the answers to earlier requests.
        if (pending_.empty()) {
          sendContinue();
        } else {
          continueOwed_ = true;
        }
      }
      return;
    }
    cancelReadTimer();
    if (result.status == ParseStatus::Error) {
      input.retrieveAll();
      rejectRequest(result.errorStatus, result.error);
      return;
    }
    dispatchRequest(request_);
    input.retrieve(result.consumed);
    parser_.reset();
    request_.clear();
    continueSent_ = false;
    continueOwed_ = false;
  }
}

void HttpProtocol::dispatchRequest(const HttpRequest& request) {
  PendingResponse& slot = pending_.emplace_back();
  slot.seq = nextSeq_++;
  slot.method = request.method;
  slot.versionMinor = request.versionMinor;
  slot.keepAlive = request.keepAlive;
  slot.started = std::chrono::steady_clock::now();
  if (!options_.sinks.empty()) {
    slot.received = std::chrono::system_clock::now();
    slot.target.assign(request.target);
  }
  // Nothing after a "Connection: close" request is read (RFC 9112 section 9.6).
  if (!request.keepAlive) stopParsing_ = true;
  std::uint64_t seq = slot.seq;  // `slot` may move once the handler answers
  try {
    handler_.handle(request, Responder(sink_, seq));
  } catch (const std::exception& e) {
    complete(seq, HttpResponse::error(500, "The handler failed."));
  }
}

void HttpProtocol::rejectRequest(int status, std::string_view detail) {
  stopParsing_ = true;
  PendingResponse& slot = pending_.emplace_back();
  slot.seq = nextSeq_++;
  slot.keepAlive = false;
  slot.ready = true;
  slot.response = HttpResponse::error(status, detail);
  slot.started = std::chrono::steady_clock::now();
  slot.received = std::chrono::system_clock::now();
  writeReadyResponses();
}

HttpProtocol::PendingResponse* HttpProtocol::find(std::uint64_t seq) {
  if (pending_.empty() || seq < pending_.front().seq) return nullptr;
  std::size_t index = seq - pending_.front().seq;
  return index < pending_.size() ? &pending_[index] : nullptr;
}

void HttpProtocol::complete(std::uint64_t seq, HttpResponse&& response) {
  CallbackScope scope(*this);
  PendingResponse* slot = find(seq);
  if (!slot || slot->ready) return;
  slot->response = std::move(response);
  slot->ready = true;
  writeReadyResponses();
}

void HttpProtocol::startStream(std::uint64_t seq, HttpResponse&& head, StreamOptions options,
                               StreamFinished finished) {
  CallbackScope scope(*this);
  PendingResponse* slot = find(seq);
  if (!slot || slot->ready) {
    // Its request was dropped (an earlier answer closed the connection).
    if (finished) finishedToTell_.emplace_back(std::move(finished), StreamEnd::ClientGone);
    return;
  }
  slot->response = std::move(head);
  slot->ready = true;
  slot->streaming = true;
  slot->streamOptions = std::move(options);
  slot->finished = std::move(finished);
  if (slot->streamOptions.socketSendBuffer > 0) {
    conn_.setSendBufferSize(slot->streamOptions.socketSendBuffer);
  }
  if (slot->method == Method::Head) {
    endStreamWith(*slot, {}, StreamEnd::Ended);  // a HEAD gets the head only
  } else if (shuttingDown_) {
    endStreamWith(*slot, slot->streamOptions.shutdownTail, StreamEnd::Shutdown);
  } else if (peerClosed_) {
    conn_.close();  // nobody is left to read it (see onPeerClosed)
    return;
  }
  writeReadyResponses();
}

void HttpProtocol::writeStream(std::uint64_t seq, std::string&& data) {
  CallbackScope scope(*this);
  PendingResponse* slot = find(seq);
  if (!slot || !slot->streaming || slot->streamEnded || data.empty()) return;
  writeToStream(*slot, data);
}

void HttpProtocol::endStream(std::uint64_t seq) {
  CallbackScope scope(*this);
  PendingResponse* slot = find(seq);
  if (!slot || !slot->streaming || slot->streamEnded) return;
  endStreamWith(*slot, {}, StreamEnd::Ended);
  writeReadyResponses();
}

void HttpProtocol::appendToStream(PendingResponse& slot, std::string_view data) {
  if (data.empty()) return;
  slot.streamedBytes += data.size();
  if (!slot.headWritten) {
    slot.streamBacklog += data;
    return;
  }
  slot.lastStreamWrite = std::chrono::steady_clock::now();
  if (slot.chunkedBody) {
    std::string out;
    appendChunk(data, out);
    conn_.send(std::move(out));
  } else {
    conn_.send(data);
  }
}

bool HttpProtocol::writeToStream(PendingResponse& slot, std::string_view data) {
  appendToStream(slot, data);
  if (!overflowed(slot)) return true;
  slot.keepAlive = false;  // a client this slow is not kept
  endStreamWith(slot, slot.streamOptions.overflowTail, StreamEnd::Overflow);
  writeReadyResponses();
  return false;
}

bool HttpProtocol::overflowed(const PendingResponse& slot) const {
  std::size_t limit = slot.streamOptions.maxQueuedBytes;
  if (limit == 0) return false;
  // Only the stream at the front has its head (and so its bytes) on the connection.
  std::size_t queued = slot.headWritten ? conn_.pendingOutputBytes() : slot.streamBacklog.size();
  return queued > limit;
}

void HttpProtocol::endStreamWith(PendingResponse& slot, std::string_view tail, StreamEnd why) {
  appendToStream(slot, tail);
  slot.streamEnded = true;
  cancelKeepAlive(slot);
  if (slot.finished) finishedToTell_.emplace_back(std::move(slot.finished), why);
  slot.finished = nullptr;
}

void HttpProtocol::armKeepAlive(PendingResponse& slot, std::chrono::milliseconds delay) {
  std::uint64_t seq = slot.seq;
  slot.keepAliveTimer = conn_.runAfter(std::max(delay, std::chrono::milliseconds(1)),
                                       [this, seq] { onKeepAliveTimer(seq); });
}

void HttpProtocol::onKeepAliveTimer(std::uint64_t seq) {
  CallbackScope scope(*this);
  PendingResponse* slot = find(seq);
  if (!slot || !slot->streaming || slot->streamEnded) return;
  slot->keepAliveTimer = 0;
  const StreamOptions& options = slot->streamOptions;
  auto quiet = std::chrono::steady_clock::now() - slot->lastStreamWrite;
  if (quiet >= options.keepAliveInterval) {
    if (!writeToStream(*slot, options.keepAlive)) return;
    quiet = std::chrono::steady_clock::duration::zero();
  }
  armKeepAlive(*slot,
               std::chrono::ceil<std::chrono::milliseconds>(options.keepAliveInterval - quiet));
}

void HttpProtocol::cancelKeepAlive(PendingResponse& slot) {
  if (slot.keepAliveTimer == 0) return;
  conn_.cancelTimer(slot.keepAliveTimer);
  slot.keepAliveTimer = 0;
}

bool HttpProtocol::hasLiveStream() const {
  for (const PendingResponse& slot : pending_) {
    if (slot.streaming && !slot.streamEnded) return true;
  }
  return false;
}

void HttpProtocol::abandonPending() {
  for (PendingResponse& slot : pending_) {
    cancelKeepAlive(slot);
    if (slot.finished)
      finishedToTell_.emplace_back(std::move(slot.finished), StreamEnd::ClientGone);
  }
  pending_.clear();
}

void HttpProtocol::tellFinished() {
  while (!finishedToTell_.empty()) {
    auto batch = std::exchange(finishedToTell_, {});
    for (auto& [finished, why] : batch)
      finished(why);
  }
}

ResponseFraming HttpProtocol::framingFor(const PendingResponse& slot) const {
  ResponseFraming framing;
  framing.versionMinor = slot.versionMinor;
  framing.keepAlive = slot.keepAlive;
  framing.headRequest = slot.method == Method::Head;
  framing.chunked = slot.streaming;
  framing.date = currentHttpDate();
  framing.server = options_.serverName;
  return framing;
}

bool HttpProtocol::writeStreamed(PendingResponse& slot) {
  ResponseFraming framing = framingFor(slot);
  bool chunked = usesChunkedCoding(framing);
  std::string out;
  if (!slot.headWritten) {
    slot.headWritten = true;
    slot.chunkedBody = chunked;
    serializeResponseHead(slot.response, framing, out);
    if (!framing.headRequest && !slot.streamBacklog.empty()) {
      if (chunked) {
        appendChunk(slot.streamBacklog, out);
      } else {
        out += slot.streamBacklog;
      }
    }
    std::string().swap(slot.streamBacklog);
    slot.lastStreamWrite = std::chrono::steady_clock::now();
    const StreamOptions& options = slot.streamOptions;
    if (!slot.streamEnded && options.keepAliveInterval.count() > 0 && !options.keepAlive.empty()) {
      armKeepAlive(slot, options.keepAliveInterval);
    }
  }
  if (!slot.streamEnded) {
    conn_.send(std::move(out));
    return false;
  }
  if (chunked && !framing.headRequest) appendLastChunk(out);
  conn_.send(std::move(out));
  // Without chunks the body's end is the connection's.
  if (!chunked && !framing.headRequest) slot.keepAlive = false;
  if (!options_.sinks.empty()) report(slot, framing.headRequest ? 0 : slot.streamedBytes);
  return true;
}

void HttpProtocol::writeReadyResponses() {
  while (!pending_.empty() && pending_.front().ready) {
    PendingResponse& front = pending_.front();
    if (front.streaming) {
      if (!writeStreamed(front)) break;  // a live stream holds the connection
    } else {
      writeResponse(front);
    }
    bool keepAlive = front.keepAlive;
    pending_.pop_front();
    if (!keepAlive) {
      abandonPending();
      conn_.closeAfterWrite();
      return;
    }
  }
  if (pending_.empty() && stopParsing_) {
    conn_.closeAfterWrite();
    return;
  }
  if (continueOwed_ && pending_.empty()) {
    continueOwed_ = false;
    sendContinue();
  }
  if (readingPaused_ && pending_.size() < options_.maxPipelined) {
    readingPaused_ = false;
    conn_.resumeReading();
  }
}

void HttpProtocol::writeResponse(PendingResponse& slot) {
  ResponseFraming framing = framingFor(slot);
  HttpResponse& response = slot.response;
  std::string out;
  if (response.file) {
    serializeResponseHead(response, framing, out);
    conn_.send(std::move(out));
    if (!framing.headRequest) {
      conn_.sendFile(response.file->file, response.file->offset, response.file->length);
    }
  } else {
    appendResponse(response, framing, out);
    conn_.send(std::move(out));
  }
  if (!options_.sinks.empty()) report(slot, framing.headRequest ? 0 : response.contentLength());
}

void HttpProtocol::report(const PendingResponse& slot, std::size_t bodyBytes) {
  AccessRecord record;
  record.peerAddress = peerHost_;
  record.received = slot.received;
  record.method = methodName(slot.method);
  record.target = slot.target;
  record.versionMinor = slot.versionMinor;
  record.status = slot.response.status;
  record.bodyBytes = bodyBytes;
  record.latency = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - slot.started);
  for (AccessLogSink* sink : options_.sinks)
    sink->record(record);
}

void HttpProtocol::sendContinue() {
  conn_.send(std::string_view("HTTP/1.1 100 Continue\r\n\r\n"));
}

void HttpProtocol::armReadTimer() {
  if (readTimer_ != 0) return;
  readTimer_ = conn_.runAfter(options_.requestReadTimeout, [this] { onReadTimeout(); });
}

void HttpProtocol::cancelReadTimer() {
  if (readTimer_ == 0) return;
  conn_.cancelTimer(readTimer_);
  readTimer_ = 0;
}

void HttpProtocol::onReadTimeout() {
  CallbackScope scope(*this);
  readTimer_ = 0;
  if (stopParsing_) return;
  rejectRequest(408, "The request was not received in time.");
}

void HttpProtocol::onPeerClosed(net::Connection& conn) {
  CallbackScope scope(*this);
  stopParsing_ = true;
  peerClosed_ = true;
  cancelReadTimer();
  // A half-closed client still gets the answers to what it sent, but an event
  // stream never ends on its own: a client that hung up on one is gone.
  if (hasLiveStream()) {
    conn.close();
  } else if (pending_.empty()) {
    conn.closeAfterWrite();
  }
}

void HttpProtocol::onShutdown(net::Connection& conn) {
  CallbackScope scope(*this);
  stopParsing_ = true;
  shuttingDown_ = true;
  cancelReadTimer();
  for (PendingResponse& slot : pending_) {
    if (slot.streaming && !slot.streamEnded) {
      endStreamWith(slot, slot.streamOptions.shutdownTail, StreamEnd::Shutdown);
    }
  }
  if (pending_.empty()) {
    conn.closeAfterWrite();
  } else {
    pending_.back().keepAlive = false;  // the last answer says "Connection: close"
    writeReadyResponses();
  }
}

void HttpProtocol::onClose(net::Connection&) {
  CallbackScope scope(*this);
  cancelReadTimer();
  // Dropping our reference expires every Responder's and stream's weak one, so
  // streams see open() == false as soon as the connection is gone.
  sink_->detach();
  sink_.reset();
  abandonPending();
}

HttpProtocolFactory::HttpProtocolFactory(HttpHandler& handler, HttpProtocolOptions options)
    : handler_(handler), options_(std::move(options)) {}

std::string HttpProtocolFactory::refusal() const {
  HttpResponse busy = HttpResponse::error(503, "Too many connections; try again shortly.");
  busy.setHeader("Retry-After", "1");
  ResponseFraming framing;
  framing.keepAlive = false;
  framing.date = currentHttpDate();
  framing.server = options_.serverName;
  std::string out;
  appendResponse(busy, framing, out);
  return out;
}

std::unique_ptr<net::Protocol> HttpProtocolFactory::create(net::Connection& conn) {
  return std::make_unique<HttpProtocol>(conn, handler_, options_);
}

}  // namespace mt::http
