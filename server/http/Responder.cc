#include <atomic>
#include <utility>

#include "HttpHandler.h"

namespace mt::http {

// Shared by every copy of one Responder. Its destructor is the safety net: the last
// copy going away without an answer sends a 500 so the connection never hangs.
struct Responder::State {
  std::weak_ptr<ResponseSink> sink;
  std::uint64_t seq;
  std::atomic<bool> sent{false};

  State(std::weak_ptr<ResponseSink> s, std::uint64_t q) : sink(std::move(s)), seq(q) {}
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  ~State() {
    if (!sent.load(std::memory_order_acquire)) {
      if (auto target = sink.lock()) {
        target->deliver(seq, HttpResponse::error(500, "The request was dropped unanswered."));
      }
    }
  }
};

Responder::Responder(std::weak_ptr<ResponseSink> sink, std::uint64_t seq)
    : state_(std::make_shared<State>(std::move(sink), seq)) {}

void Responder::send(HttpResponse&& response) const {
  if (state_->sent.exchange(true, std::memory_order_acq_rel)) return;
  if (auto target = state_->sink.lock()) target->deliver(state_->seq, std::move(response));
}

struct ResponseStream::State {
  std::weak_ptr<ResponseSink> sink;
  std::uint64_t seq = 0;
  std::atomic<bool> ended{false};
};

ResponseStream Responder::stream(HttpResponse&& head, StreamOptions options,
                                 StreamFinished finished) const {
  auto stream = std::make_shared<ResponseStream::State>();
  stream->sink = state_->sink;
  stream->seq = state_->seq;
  // Whatever ends the stream, open() turns false before the owner hears of it. The
  // sink keeps this until then; the state holds nothing back, so no cycle.
  StreamFinished markEnded = [stream, finished = std::move(finished)](StreamEnd why) {
    stream->ended.store(true, std::memory_order_release);
    if (finished) finished(why);
  };
  std::shared_ptr<ResponseSink> target;
  if (!state_->sent.exchange(true, std::memory_order_acq_rel)) target = state_->sink.lock();
  if (target) {
    target->startStream(state_->seq, std::move(head), std::move(options), std::move(markEnded));
  } else {
    markEnded(StreamEnd::ClientGone);  // already answered, or the connection is gone
  }
  return ResponseStream(std::move(stream));
}

void ResponseStream::write(std::string data) const {
  if (!state_ || state_->ended.load(std::memory_order_acquire) || data.empty()) return;
  if (auto target = state_->sink.lock()) target->writeStream(state_->seq, std::move(data));
}

void ResponseStream::end() const {
  if (!state_ || state_->ended.exchange(true, std::memory_order_acq_rel)) return;
  if (auto target = state_->sink.lock()) target->endStream(state_->seq);
}

bool ResponseStream::open() const {
  return state_ && !state_->ended.load(std::memory_order_acquire) && !state_->sink.expired();
}

bool Responder::sent() const {
  return state_->sent.load(std::memory_order_acquire);
}

bool Responder::runBlocking(std::function<void()> work) const {
  auto target = state_->sink.lock();
  return target && target->runBlocking(std::move(work));
}

}  // namespace mt::http
