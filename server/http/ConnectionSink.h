#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "Connection.h"
#include "EventLoop.h"
#include "HttpHandler.h"
#include "HttpProtocol.h"

namespace mt::http {

// The ResponseSink of one connection: Responders hold it weakly, so an answer for a
// connection that has gone away is dropped. The protocol is called directly only
// from within the connection's own callbacks, where it cannot flush, fail and close
// underneath the protocol; everything else (other threads, other connections on the
// same loop) is posted to the loop. The protocol pointer is dereferenced only there,
// and only while the connection (which owns the protocol) is open.
class ConnectionSink final : public ResponseSink {
 public:
  ConnectionSink(net::Connection& conn, HttpProtocol& protocol)
      : loop_(conn.loop()), conn_(conn.weak_from_this()), protocol_(&protocol) {}

  void deliver(std::uint64_t seq, HttpResponse&& response) override {
    onLoop(false, [seq, r = std::move(response)](HttpProtocol& p) mutable {
      p.complete(seq, std::move(r));
    });
  }

  void startStream(std::uint64_t seq, HttpResponse&& head, StreamOptions options,
                   StreamFinished finished) override {
    auto notice = std::make_shared<UndeliveredStreamNotice>(std::move(finished));
    onLoop(true,
           [seq, h = std::move(head), o = std::move(options), notice](HttpProtocol& p) mutable {
             p.startStream(seq, std::move(h), std::move(o), notice->take());
           });
  }
  void writeStream(std::uint64_t seq, std::string&& data) override {
    onLoop(true, [seq, d = std::move(data)](HttpProtocol& p) mutable {
      p.writeStream(seq, std::move(d));
    });
  }
  void endStream(std::uint64_t seq) override {
    onLoop(true, [seq](HttpProtocol& p) { p.endStream(seq); });
  }

  bool runBlocking(std::function<void()> work) override {
    auto conn = conn_.lock();
    return attached_ && conn && conn->runBlocking(std::move(work), [] {});
  }

  // Loop thread: the protocol is going away.
  void detach() { attached_ = false; }

 private:
  // A stream's `finished` on its way to the protocol: if the task carrying it is
  // dropped (the connection closed first), the stream still hears ClientGone.
  class UndeliveredStreamNotice {
   public:
    explicit UndeliveredStreamNotice(StreamFinished finished) : finished_(std::move(finished)) {}
    UndeliveredStreamNotice(const UndeliveredStreamNotice&) = delete;
    UndeliveredStreamNotice& operator=(const UndeliveredStreamNotice&) = delete;
    ~UndeliveredStreamNotice() {
      if (finished_) finished_(StreamEnd::ClientGone);
    }
    StreamFinished take() { return std::exchange(finished_, {}); }

   private:
    StreamFinished finished_;
  };

  // Runs `task` on the protocol now when that is safe, else posts it to the loop.
  // Stream calls (`ordered`) never overtake ones already posted.
  template <typename F>
  void onLoop(bool ordered, F&& task) {
    if (loop_.isInLoopThread()) {
      if (!attached_) return;
      bool nothingQueued = !ordered || queuedStreamCalls_.load(std::memory_order_acquire) == 0;
      if (protocol_->inConnectionCallback() && nothingQueued) {
        task(*protocol_);
        return;
      }
    }
    if (ordered) queuedStreamCalls_.fetch_add(1, std::memory_order_acq_rel);
    net::postToConnection(
        conn_, loop_, [sink = this, ordered, t = std::forward<F>(task)](net::Connection&) mutable {
          if (ordered) sink->queuedStreamCalls_.fetch_sub(1, std::memory_order_acq_rel);
          t(*sink->protocol_);
        });
  }

  net::EventLoop& loop_;
  std::weak_ptr<net::Connection> conn_;
  HttpProtocol* const protocol_;  // non-owning; see the class comment
  bool attached_ = true;          // loop thread only
  // Stream calls posted and not yet run. A task dropped with its connection never
  // counts down, which only sends later calls the same (dropped) way.
  std::atomic<int> queuedStreamCalls_{0};
};

}  // namespace mt::http
