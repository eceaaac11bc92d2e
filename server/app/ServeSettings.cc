#include "ServeSettings.h"

#include <CLI/CLI.hpp>

#include "SocketAddress.h"

#ifndef MT_BUNDLED_SITE_DIR
#error "MT_BUNDLED_SITE_DIR must name the repository's site/ folder"
#endif

namespace mt::app {

namespace {
// Durations are given in seconds (fractions allowed) on the command line; the
// options hold milliseconds.
CLI::Option* addSeconds(CLI::App& app, const std::string& name, std::chrono::milliseconds& target,
                        const std::string& help, const std::string& env) {
  return app
      .add_option_function<double>(
          name,
          [&target](double seconds) {
            target = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
          },
          help + " (seconds; default " +
              std::to_string(static_cast<double>(target.count()) / 1000).substr(0, 5) + ")")
      ->envname(env)
      ->check(CLI::NonNegativeNumber);
}
}  // namespace

void addServeOptions(CLI::App& command, ServeSettings& s) {
  auto& net = s.server;
  auto& http = s.http;
  command.add_option("--bind", net.bindAddress, "Address to listen on (numeric IPv4 or IPv6)")
      ->envname("MINITWITTER_BIND")
      ->check(CLI::Validator(
          [](std::string& address) -> std::string {
            try {
              net::SocketAddress::parse(address, 0);
              return {};
            } catch (const std::exception& e) {
              return e.what();
            }
          },
          "ADDRESS"))
      ->capture_default_str();
  command.add_option("--port,-p", net.port, "TCP port to listen on (0 picks a free one)")
      ->envname("MINITWITTER_PORT")
      ->capture_default_str();
  command.add_option("--threads", net.loopThreads, "Event-loop threads (0: one per core)")
      ->envname("MINITWITTER_THREADS")
      ->capture_default_str();
  command.add_option("--workers", net.workerThreads, "Worker threads for blocking work")
      ->envname("MINITWITTER_WORKERS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--worker-queue", net.workerQueueCapacity,
                  "Blocking jobs that may wait for a worker before requests get 503")
      ->envname("MINITWITTER_WORKER_QUEUE")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--static-dir", s.staticDir,
                  "Folder of static files served at / (default: ./site, else the bundled site)")
      ->envname("MINITWITTER_STATIC_DIR");
  command
      .add_option("--max-connections", net.maxConnections,
                  "Open connections at most; more are answered 503 and closed")
      ->envname("MINITWITTER_MAX_CONNECTIONS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  addSeconds(command, "--idle-timeout", net.connection.idleTimeout,
             "Close a keep-alive connection idle this long", "MINITWITTER_IDLE_TIMEOUT");
  addSeconds(command, "--request-timeout", http.requestReadTimeout,
             "Answer 408 if a request is not fully received this long after its first byte",
             "MINITWITTER_REQUEST_TIMEOUT");
  addSeconds(command, "--shutdown-grace", s.shutdownGrace,
             "On SIGINT/SIGTERM, wait this long for requests in flight",
             "MINITWITTER_SHUTDOWN_GRACE");
  command.add_option("--max-uri", http.limits.maxRequestTarget, "Longest request-target (414)")
      ->envname("MINITWITTER_MAX_URI")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--max-header-bytes", http.limits.maxHeaderBytes,
                  "Largest request header section (431)")
      ->envname("MINITWITTER_MAX_HEADER_BYTES")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--max-headers", http.limits.maxHeaderCount, "Most header fields (431)")
      ->envname("MINITWITTER_MAX_HEADERS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--max-body", http.limits.maxBodyBytes, "Largest request body in bytes (413)")
      ->envname("MINITWITTER_MAX_BODY")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command
      .add_option("--max-pipelined", http.maxPipelined,
                  "Requests in flight per connection before reading pauses")
      ->envname("MINITWITTER_MAX_PIPELINED")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--output-high-water", net.connection.outputHighWater,
                  "Queued output bytes per connection at which reading pauses")
      ->envname("MINITWITTER_OUTPUT_HIGH_WATER")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--access-log", s.accessLog,
                  "Write a Common Log Format line per request to FILE, or '-' for stdout "
                  "(default: off)")
      ->envname("MINITWITTER_ACCESS_LOG");
  command
      .add_option("--protocol", s.protocol,
                  "What to speak: 'http', or 'resp' (Redis PING/ECHO, to show the core is "
                  "protocol-agnostic)")
      ->envname("MINITWITTER_PROTOCOL")
      ->check(CLI::IsMember({"http", "resp"}))
      ->capture_default_str();

  command
      .add_option("--live-workers", s.liveWorkers,
                  "Threads that execute subscription events (live updates)")
      ->envname("MINITWITTER_LIVE_WORKERS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--live-queue", s.liveQueue,
                  "Subscription events that may wait for a live worker; past it the "
                  "subscriber is dropped with an error")
      ->envname("MINITWITTER_LIVE_QUEUE")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  addSeconds(command, "--sse-keepalive", s.eventStream.keepAliveInterval,
             "Send a keep-alive comment on a quiet event stream this often",
             "MINITWITTER_SSE_KEEPALIVE");
  command
      .add_option("--sse-max-queued", s.eventStream.maxQueuedBytes,
                  "Output bytes a subscriber may leave unread before it is dropped with an "
                  "error")
      ->envname("MINITWITTER_SSE_MAX_QUEUED")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--sse-send-buffer", s.eventStream.socketSendBuffer,
                  "Kernel send buffer of an event stream's socket in bytes (SO_SNDBUF; 0: "
                  "the kernel's default, which grows to megabytes)")
      ->envname("MINITWITTER_SSE_SEND_BUFFER")
      ->capture_default_str();
  command
      .add_option("--sse-max-pending", s.eventStream.maxPendingEvents,
                  "Events one subscriber may have waiting to be executed before it is "
                  "dropped with an error")
      ->envname("MINITWITTER_SSE_MAX_PENDING")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  addDatabaseOptions(command, s.database);
  command
      .add_option("--password-cost", s.passwordCost,
                  "Argon2id cost of password hashing: 'interactive' (2 passes, 64 MiB), "
                  "'moderate' (3 passes, 256 MiB), or 'cheap' (1 pass, 8 KiB: no protection "
                  "against offline guessing; for load experiments only, needs "
                  "--allow-cheap-passwords)")
      ->envname("MINITWITTER_PASSWORD_COST")
      ->check(CLI::IsMember({"interactive", "moderate", "cheap"}))
      ->capture_default_str();
  command
      .add_flag("--allow-cheap-passwords", s.allowCheapPasswords,
                "Allow --password-cost cheap (load experiments with thousands of sign-ups)")
      ->envname("MINITWITTER_ALLOW_CHEAP_PASSWORDS");
  command
      .add_option_function<double>(
          "--session-lifetime",
          [&s](double seconds) {
            s.twitter.sessionLifetime = std::chrono::seconds(static_cast<long long>(seconds));
          },
          "How long a login lasts (seconds; default 2592000, 30 days)")
      ->envname("MINITWITTER_SESSION_LIFETIME")
      ->check(CLI::PositiveNumber);
  command
      .add_flag("--secure-cookie", s.twitter.secureCookie,
                "Mark the session cookie Secure (when served behind TLS)")
      ->envname("MINITWITTER_SECURE_COOKIE");
}

std::string finishServeSettings(ServeSettings& settings) {
  if (settings.passwordCost == "cheap") {
    if (!settings.allowCheapPasswords) {
      return "--password-cost cheap leaves passwords open to offline guessing; it is for load "
             "experiments only: add --allow-cheap-passwords to confirm";
    }
    settings.twitter.passwordCost = twitter::PasswordCost::cheap();
  } else if (settings.passwordCost == "moderate") {
    settings.twitter.passwordCost = twitter::PasswordCost::moderate();
  } else {
    settings.twitter.passwordCost = twitter::PasswordCost::interactive();
  }
  return {};
}

std::filesystem::path defaultStaticDir() {
  std::error_code ec;
  if (std::filesystem::is_directory("site", ec)) return std::filesystem::absolute("site");
  return MT_BUNDLED_SITE_DIR;
}

}  // namespace mt::app
