#include "ServeCommand.h"

#include <signal.h>

#include <cstdio>
#include <memory>
#include <string>
#include <system_error>

#include "AccessLog.h"
#include "GraphQLEngine.h"
#include "GraphQLView.h"
#include "OperationalViews.h"
#include "OperationsSchema.h"
#include "Registry.h"
#include "RequestMetrics.h"
#include "RespProtocolFactory.h"
#include "Router.h"
#include "StaticFiles.h"
#include "TcpServer.h"

namespace mt::app {

namespace {

// Blocks the shutdown signals in this thread before any other starts, so every
// thread inherits the mask and only sigwait() below ever sees them.
sigset_t blockShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

void registerCoreMetrics(metrics::Registry& registry, const net::TcpServer& server) {
  const auto& stats = server.stats();
  registry.gaugeFunction("minitwitter_connections_open", "Connections open now", [&stats] {
    return static_cast<double>(stats.connectionsOpen.load(std::memory_order_relaxed));
  });
  registry.counterFunction(
      "minitwitter_connections_accepted_total", "Connections accepted", [&stats] {
        return static_cast<double>(stats.connectionsAccepted.load(std::memory_order_relaxed));
      });
  registry.counterFunction(
      "minitwitter_connections_refused_total", "Connections refused at the connection limit",
      [&stats] {
        return static_cast<double>(stats.connectionsRefused.load(std::memory_order_relaxed));
      });
  registry.gaugeFunction("minitwitter_worker_queue_depth", "Blocking jobs waiting for a worker",
                         [&server] { return static_cast<double>(server.workers().queueDepth()); });
  registry.gaugeFunction("minitwitter_worker_threads", "Worker threads",
                         [&server] { return static_cast<double>(server.workers().threadCount()); });
}

int serveUntilSignalled(net::TcpServer& server, const ServeSettings& settings,
                        const std::string& what, const sigset_t& signals) {
  try {
    server.start();
  } catch (const std::exception& e) {  // a port in use, an address that is not one
    std::fprintf(stderr, "minitwitter: %s\n", e.what());
    return 1;
  }
  std::printf("minitwitter: serving %s, listening on %s:%u (%zu event loops, %zu workers)\n",
              what.c_str(), settings.server.bindAddress.c_str(), server.port(),
              server.options().loopThreads, server.workers().threadCount());
  std::fflush(stdout);
  int signal = 0;
  sigwait(&signals, &signal);
  std::printf("minitwitter: %s received, finishing requests in flight (up to %.1f s)\n",
              signal == SIGINT ? "SIGINT" : "SIGTERM",
              static_cast<double>(settings.shutdownGrace.count()) / 1000);
  std::fflush(stdout);
  std::size_t forced = server.shutdown(settings.shutdownGrace);
  std::printf("minitwitter: stopped (%zu connections closed at the deadline)\n", forced);
  return 0;
}

}  // namespace

int runServe(ServeSettings settings) {
  sigset_t signals = blockShutdownSignals();
  auto& limits = settings.server.connection;
  limits.outputLowWater = limits.outputHighWater / 4;

  if (settings.protocol == "resp") {
    resp::RespProtocolFactory factory;
    net::TcpServer server(settings.server, factory);
    return serveUntilSignalled(server, settings, "RESP (PING/ECHO)", signals);
  }

  if (settings.staticDir.empty()) settings.staticDir = defaultStaticDir();

  metrics::Registry registry;
  RequestMetrics requestMetrics(registry);
  settings.http.sinks.push_back(&requestMetrics);
  std::unique_ptr<views::AccessLog> accessLog;
  if (!settings.accessLog.empty()) {
    try {
      accessLog = settings.accessLog == "-" ? views::AccessLog::toStdout()
                                            : views::AccessLog::toFile(settings.accessLog);
    } catch (const std::system_error& e) {
      std::fprintf(stderr, "minitwitter: cannot open the access log: %s\n", e.what());
      return 2;
    }
    settings.http.sinks.push_back(accessLog.get());
  }

  views::StaticFilesOptions staticOptions;
  staticOptions.root = settings.staticDir;
  std::unique_ptr<views::StaticFiles> staticFiles;
  try {
    staticFiles = std::make_unique<views::StaticFiles>(staticOptions, &registry);
  } catch (const std::system_error& e) {
    std::fprintf(stderr, "minitwitter: cannot serve %s: %s\n", settings.staticDir.c_str(),
                 e.what());
    return 2;
  }
  std::shared_ptr<const api::GraphQLEngine> engine;
  try {
    engine = std::make_shared<const api::GraphQLEngine>(buildOperationsSchema());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "minitwitter: the API schema does not build: %s\n", e.what());
    return 2;
  }
  views::View api = views::graphqlView(engine);
  views::Router router;
  router.route("/api", {http::Method::Get, http::Method::Post}, api);
  router.route("/graphql", {http::Method::Get, http::Method::Post}, api);
  router.get("/healthz", views::healthView());
  router.get("/metrics", views::metricsView(registry));
  router.get("/", staticFiles->view());
  router.get("/<path:path>", staticFiles->view());

  http::HttpProtocolFactory factory(router, settings.http);
  net::TcpServer server(settings.server, factory);
  registerCoreMetrics(registry, server);
  int code = serveUntilSignalled(
      server, settings, "HTTP with static files from " + settings.staticDir.string(), signals);
  // The gauges read the server, which goes away before the registry.
  for (const char* name : {"minitwitter_connections_open", "minitwitter_connections_accepted_total",
                           "minitwitter_connections_refused_total",
                           "minitwitter_worker_queue_depth", "minitwitter_worker_threads"}) {
    registry.removeFunction(name);
  }
  return code;
}

}  // namespace mt::app
