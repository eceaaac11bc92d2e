#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "HttpHandler.h"
#include "HttpRequest.h"

namespace mt::views::testing {

// Stands in for a connection's HTTP protocol: keeps what handlers deliver, so that
// views can be driven without sockets.
class CapturingSink : public http::ResponseSink {
 public:
  void deliver(std::uint64_t seq, http::HttpResponse&& response) override {
    std::lock_guard lock(mutex_);
    responses_.emplace_back(seq, std::move(response));
  }
  bool runBlocking(std::function<void()> work) override {
    work();
    return true;
  }
  // A stream is kept as one response: its head, with the pieces appended to the body.
  // end() tells the stream's `finished` Ended; endStreamAs() plays the other ends.
  void startStream(std::uint64_t seq, http::HttpResponse&& head, http::StreamOptions options,
                   http::StreamFinished finished) override {
    {
      std::lock_guard lock(mutex_);
      streams_.push_back({seq, std::move(options), std::move(finished)});
    }
    deliver(seq, std::move(head));
  }
  void writeStream(std::uint64_t seq, std::string&& data) override {
    std::lock_guard lock(mutex_);
    for (auto& [streamSeq, response] : responses_) {
      if (streamSeq == seq) response.body += data;
    }
  }
  void endStream(std::uint64_t seq) override { endStreamAs(seq, http::StreamEnd::Ended); }

  // What the protocol would do when stream `seq` is over for `why`: tell its owner,
  // once (the callback runs without the lock held, as it may write to the stream).
  void endStreamAs(std::uint64_t seq, http::StreamEnd why) {
    http::StreamFinished finished;
    {
      std::lock_guard lock(mutex_);
      for (auto& stream : streams_) {
        if (stream.seq == seq) finished = std::exchange(stream.finished, {});
      }
    }
    if (finished) finished(why);
  }
  std::vector<http::StreamOptions> streamOptions() const {
    std::lock_guard lock(mutex_);
    std::vector<http::StreamOptions> options;
    for (const auto& stream : streams_)
      options.push_back(stream.options);
    return options;
  }

  std::vector<std::pair<std::uint64_t, http::HttpResponse>> responses() const {
    std::lock_guard lock(mutex_);
    return responses_;
  }

 private:
  struct Stream {
    std::uint64_t seq;
    http::StreamOptions options;
    http::StreamFinished finished;  // empty once told
  };
  mutable std::mutex mutex_;
  std::vector<std::pair<std::uint64_t, http::HttpResponse>> responses_;
  std::vector<Stream> streams_;
};

// A request as the parser would hand it over. `target` and the header strings must
// outlive the request (literals, or strings the test keeps).
inline http::HttpRequest makeRequest(http::Method method, std::string_view target,
                                     std::vector<http::HeaderField> headers = {}) {
  http::HttpRequest request;
  request.method = method;
  request.target = target;
  std::size_t question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string_view::npos) request.query = target.substr(question + 1);
  request.headers = std::move(headers);
  return request;
}

// Runs `handler` on one request and returns its single answer (a Responder dropped
// unanswered delivers a 500 itself).
inline http::HttpResponse dispatch(http::HttpHandler& handler, const http::HttpRequest& request) {
  auto sink = std::make_shared<CapturingSink>();
  handler.handle(request, http::Responder(sink, 7));
  auto responses = sink->responses();
  if (responses.size() != 1) return http::HttpResponse(-static_cast<int>(responses.size()));
  return std::move(responses.front().second);
}

inline http::HttpResponse dispatch(http::HttpHandler& handler, http::Method method,
                                   std::string_view target,
                                   std::vector<http::HeaderField> headers = {}) {
  return dispatch(handler, makeRequest(method, target, std::move(headers)));
}

inline std::string_view headerOf(const http::HttpResponse& response, std::string_view name) {
  const std::string* value = response.findHeader(name);
  return value ? std::string_view(*value) : std::string_view("<absent>");
}

}  // namespace mt::views::testing
