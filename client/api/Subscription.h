#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "ApiClient.h"

namespace httplib {
class Client;
}

namespace mt::client {

// One GraphQL subscription pushed over Server-Sent Events, the graphql-sse protocol's
// "distinct connections" mode: POST /api asking for `text/event-stream`; the server
// answers with a stream of `next` events (each an ExecutionResult), keep-alive
// comments, and `complete` at the end.
//
// Thread affinity: run() on one thread; stop() from any thread (a signal watcher).
class Subscription {
 public:
  enum class End {
    completed,  // the server sent `complete`
    stopped,    // stop() was called
  };
  // Called with the `data` of each result pushed, in order.
  using OnData = std::function<void(const nlohmann::json& data)>;

  // The server must send something (an event or a keep-alive, every ~15 s) at least
  // this often, or the connection is taken for dead.
  static constexpr int kIdleTimeoutSeconds = 45;

  explicit Subscription(const ApiClient& api) : api_(api) {}
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  // Subscribes with `query` and `variables` (null for none) as the holder of `token`
  // and calls `onData` for each result until the stream ends. Throws
  // ServerUnreachable; ServerError when the connection drops, goes silent, or the
  // stream is not one; ApiError for a refusal before the stream (a JSON answer) or a
  // result with errors in it (its first error; the stream is then closed). What
  // `onData` throws ends the subscription and comes out of run().
  End run(const std::string& query, const nlohmann::json& variables, const std::string& token,
          const OnData& onData);

  // Ends run() soon with End::stopped. Safe from any thread, also before run()
  // started; repeat it until run() returns (a stop that races with the connection
  // being made is only seen once the server next sends something).
  void stop();

 private:
  const ApiClient& api_;
  std::atomic<bool> stopRequested_{false};
  std::mutex mutex_;                   // guards client_
  httplib::Client* client_ = nullptr;  // non-owning: run()'s client while it runs
};

}  // namespace mt::client
