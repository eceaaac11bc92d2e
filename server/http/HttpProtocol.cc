#include "HttpProtocol.h"

#include <exception>

#include "Buffer.h"
#include "Connection.h"
#include "EventLoop.h"
#include "HttpDate.h"
#include "ResponseSerializer.h"

namespace mt::http {

// The ResponseSink of one connection: Responders hold it weakly, so an answer for a
// connection that has gone away is dropped. Answers from other threads are posted
// to the loop; the protocol pointer is dereferenced only there, and only while the
// connection (which owns the protocol) is open.
class ConnectionSink final : public ResponseSink {
 public:
  ConnectionSink(net::Connection& conn, HttpProtocol& protocol)
      : loop_(conn.loop()), conn_(conn.weak_from_this()), protocol_(&protocol) {}

  void deliver(std::uint64_t seq, HttpResponse&& response) override {
    onLoop(
        [seq, r = std::move(response)](HttpProtocol& p) mutable { p.complete(seq, std::move(r)); });
  }

  void startStream(std::uint64_t seq, HttpResponse&& head) override {
    onLoop(
        [seq, h = std::move(head)](HttpProtocol& p) mutable { p.startStream(seq, std::move(h)); });
  }
  void writeStream(std::uint64_t seq, std::string&& data) override {
    onLoop(
        [seq, d = std::move(data)](HttpProtocol& p) mutable { p.writeStream(seq, std::move(d)); });
  }
  void endStream(std::uint64_t seq) override {
    onLoop([seq](HttpProtocol& p) { p.endStream(seq); });
  }

  bool runBlocking(std::function<void()> work) override {
    auto conn = conn_.lock();
    return attached_ && conn && conn->runBlocking(std::move(work), [] {});
  }

  // Loop thread: the protocol is going away.
  void detach() { attached_ = false; }

 private:
  // Runs `task` on the protocol now when on the loop thread, else posts it there.
  template <typename F>
  void onLoop(F&& task) {
    if (loop_.isInLoopThread()) {
      if (attached_) task(*protocol_);
      return;
    }
    net::postToConnection(
        conn_, loop_, [protocol = protocol_, t = std::forward<F>(task)](net::Connection&) mutable {
          t(*protocol);
        });
  }

  net::EventLoop& loop_;
  std::weak_ptr<net::Connection> conn_;
  HttpProtocol* const protocol_;  // non-owning; see the class comment
  bool attached_ = true;          // loop thread only
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
  bool streamEnded = false;
  std::string streamBacklog;  // body written before the response reached the front
  std::size_t streamedBytes = 0;
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
}

void HttpProtocol::onData(net::Connection&, net::Buffer& input) {
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
  PendingResponse* slot = find(seq);
  if (!slot || slot->ready) return;
  slot->response = std::move(response);
  slot->ready = true;
  writeReadyResponses();
}

void HttpProtocol::startStream(std::uint64_t seq, HttpResponse&& head) {
  PendingResponse* slot = find(seq);
  if (!slot || slot->ready) return;
  slot->response = std::move(head);
  slot->ready = true;
  slot->streaming = true;
  slot->streamEnded = slot->method == Method::Head;  // a HEAD gets the head only
  writeReadyResponses();
}

void HttpProtocol::writeStream(std::uint64_t seq, std::string&& data) {
  PendingResponse* slot = find(seq);
  if (!slot || !slot->streaming || slot->streamEnded) return;
  slot->streamedBytes += data.size();
  if (!slot->headWritten) {
    slot->streamBacklog += data;
    return;
  }
  if (usesChunkedCoding(framingFor(*slot))) {
    std::string out;
    appendChunk(data, out);
    conn_.send(std::move(out));
  } else {
    conn_.send(std::move(data));
  }
}

void HttpProtocol::endStream(std::uint64_t seq) {
  PendingResponse* slot = find(seq);
  if (!slot || !slot->streaming || slot->streamEnded) return;
  slot->streamEnded = true;
  writeReadyResponses();
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
    serializeResponseHead(slot.response, framing, out);
    if (!framing.headRequest && !slot.streamBacklog.empty()) {
      if (chunked) {
        appendChunk(slot.streamBacklog, out);
      } else {
        out += slot.streamBacklog;
      }
    }
    slot.streamBacklog.clear();
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
      pending_.clear();
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
  readTimer_ = 0;
  if (stopParsing_) return;
  rejectRequest(408, "The request was not received in time.");
}

void HttpProtocol::onPeerClosed(net::Connection& conn) {
  // A half-closed client still gets the answers to what it sent.
  stopParsing_ = true;
  cancelReadTimer();
  if (pending_.empty()) conn.closeAfterWrite();
}

void HttpProtocol::onShutdown(net::Connection& conn) {
  stopParsing_ = true;
  cancelReadTimer();
  if (pending_.empty()) {
    conn.closeAfterWrite();
  } else {
    pending_.back().keepAlive = false;  // the last answer says "Connection: close"
  }
}

void HttpProtocol::onClose(net::Connection&) {
  cancelReadTimer();
  // Dropping our reference expires every Responder's and stream's weak one, so
  // streams see open() == false as soon as the connection is gone.
  sink_->detach();
  sink_.reset();
  pending_.clear();
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
