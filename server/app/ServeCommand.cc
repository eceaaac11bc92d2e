#include "ServeCommand.h"

#include <signal.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <system_error>

#include "AccessLog.h"
#include "Database.h"
#include "DatabaseError.h"
#include "ExecutionResult.h"
#include "GraphQLEngine.h"
#include "GraphQLView.h"
#include "LiveEvents.h"
#include "Migrations.h"
#include "OperationalViews.h"
#include "Registry.h"
#include "RequestMetrics.h"
#include "RespProtocolFactory.h"
#include "Router.h"
#include "SqlStore.h"
#include "StaticFiles.h"
#include "TcpServer.h"
#include "TwitterMigrations.h"
#include "TwitterService.h"
#include "WorkerPool.h"

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

// Opens and migrates the database. Returns null after printing why it cannot be used.
// A PostgreSQL that is down is an error at start-up (migrations need it); once running,
// the server rides out restarts by itself.
std::unique_ptr<db::Database> openMigratedDatabase(const ServeSettings& settings) {
  db::DatabaseConfig config;
  try {
    // A connection for every worker and every live worker that may read at once.
    config =
        resolveDatabase(settings.database, settings.server.workerThreads + settings.liveWorkers);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "minitwitter: %s\n", e.what());
    return nullptr;
  }
  try {
    auto database = db::openDatabase(config);
    db::MigrationReport report = db::migrate(*database, db::twitterMigrations());
    for (const std::string& applied : report.applied) {
      std::printf("minitwitter: applied migration %s\n", applied.c_str());
    }
    std::printf("minitwitter: database %s at schema version %d\n", config.describe().c_str(),
                report.versionAfter);
    return database;
  } catch (const db::DatabaseError& e) {
    std::fprintf(stderr, "minitwitter: database %s: %s\n", config.describe().c_str(), e.what());
    return nullptr;
  }
}

void registerDatabaseMetrics(metrics::Registry& registry, db::Database& database) {
  registry.counterFunction(
      "minitwitter_db_statements_total", "SQL statements executed (BEGIN and COMMIT included)",
      [&database] { return static_cast<double>(database.statementsExecuted()); });
  registry.counterFunction(
      "minitwitter_db_connections_opened_total",
      "Database connections opened (a reconnect after a database restart counts)",
      [&database] { return static_cast<double>(database.pool().connectionsOpened()); });
}

bool hasErrorCode(const api::ExecutionResult& result, std::string_view code) {
  for (const api::GraphQLError& error : result.errors) {
    for (const auto& [key, value] : error.extensions) {
      if (key == "code" && value == code) return true;
    }
  }
  return false;
}

void registerLiveMetrics(metrics::Registry& registry, const twitter::LiveEvents& live) {
  registry.gaugeFunction("minitwitter_live_subscribers", "Live subscriptions open now",
                         [&live] { return static_cast<double>(live.subscriberCount()); });
  registry.counterFunction("minitwitter_live_events_total", "Events handed to subscriptions",
                           [&live] { return static_cast<double>(live.deliveredEvents()); });
  registry.counterFunction("minitwitter_live_changes_dropped_total",
                           "Database changes dropped before they became events (too many waiting)",
                           [&live] { return static_cast<double>(live.droppedChanges()); });
}

// The Twitter's hooks into the GraphQL view: a RequestContext per request, and its
// cookies (and a 503 when the database is down) on the way out; for subscriptions, a
// fresh context per event (the same user, no cache left from the last event) and the
// live workers that execute events.
views::GraphQLViewOptions twitterViewOptions(const twitter::TwitterService& service,
                                             net::WorkerPool& liveWorkers,
                                             const views::EventStreamLimits& limits) {
  views::GraphQLViewOptions options;
  options.makeContext = [&service](const views::GraphQLHttpContext& http) {
    return std::any(std::make_shared<twitter::RequestContext>(
        service, twitter::sessionTokenFrom(http.authorization, http.cookie)));
  };
  options.makeEventContext = [&service](const std::any& subscription) {
    const auto& request =
        std::any_cast<const std::shared_ptr<twitter::RequestContext>&>(subscription);
    auto event = std::make_shared<twitter::RequestContext>(service, request->sessionToken());
    event->setSession(request->sessionToken(), request->viewer());
    return std::any(std::move(event));
  };
  options.submitEventWork = [&liveWorkers](std::function<void()> work) {
    return liveWorkers.trySubmit(std::move(work));
  };
  options.eventStream = limits;
  options.finishResponse = [](std::any& context, const api::ExecutionResult& result,
                              http::HttpResponse& response) {
    if (const auto* request = std::any_cast<std::shared_ptr<twitter::RequestContext>>(&context)) {
      for (const std::string& cookie : (*request)->setCookies()) {
        response.addHeader("Set-Cookie", cookie);
      }
    }
    // Nothing came back because the database is down: say so in the status too, so
    // load clients and proxies count it as unavailability rather than an answer.
    if (!result.data.has_value() || result.data->isNull()) {
      if (hasErrorCode(result, "DATABASE_UNAVAILABLE")) {
        response.status = 503;
        response.setHeader("Retry-After", "1");
      }
    }
  };
  return options;
}

// Waits for SIGINT or SIGTERM, running `housekeeping` (when given) every `period` in
// between. Returns the signal.
int waitForShutdownSignal(const sigset_t& signals, const std::function<void()>& housekeeping,
                          std::chrono::seconds period) {
  for (;;) {
    if (!housekeeping) {
      int signal = 0;
      sigwait(&signals, &signal);
      return signal;
    }
    timespec timeout{static_cast<time_t>(period.count()), 0};
    int signal = sigtimedwait(&signals, nullptr, &timeout);
    if (signal > 0) return signal;
    if (errno == EAGAIN) housekeeping();
  }
}

int serveUntilSignalled(net::TcpServer& server, const ServeSettings& settings,
                        const std::string& what, const sigset_t& signals,
                        const std::function<void()>& housekeeping = {}) {
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
  int signal = waitForShutdownSignal(signals, housekeeping, std::chrono::hours(1));
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
  if (std::string problem = finishServeSettings(settings); !problem.empty()) {
    std::fprintf(stderr, "minitwitter: %s\n", problem.c_str());
    return 2;
  }
  std::unique_ptr<db::Database> database = openMigratedDatabase(settings);
  if (!database) return 1;
  registerDatabaseMetrics(registry, *database);
  db::SqlStore store(*database);
  twitter::TwitterService twitterService(store, settings.twitter);
  // Live updates: the database's change feed (LISTEN/NOTIFY on PostgreSQL, so changes
  // made through other instances arrive too) becomes subscription events, worked out
  // and executed on threads of their own so that pushing never takes a request worker.
  net::WorkerPool liveWorkers(settings.liveWorkers, settings.liveQueue);
  twitter::LiveEvents live(store, database->changes(), [&liveWorkers](std::function<void()> work) {
    return liveWorkers.trySubmit(std::move(work));
  });
  twitterService.setLive(&live);
  registerLiveMetrics(registry, live);
  std::shared_ptr<const api::GraphQLEngine> engine;
  try {
    engine =
        std::make_shared<const api::GraphQLEngine>(twitter::buildTwitterSchema(twitterService));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "minitwitter: the API schema does not build: %s\n", e.what());
    return 2;
  }
  views::View api = views::graphqlView(
      engine, twitterViewOptions(twitterService, liveWorkers, settings.eventStream));
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
  // Expired sessions are refused when used; deleting them keeps the table small.
  auto deleteExpiredSessions = [&store] {
    try {
      auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch());
      store.deleteExpiredSessions(now.count());
    } catch (const db::DatabaseError& e) {
      std::fprintf(stderr, "minitwitter: deleting expired sessions: %s\n", e.what());
    }
  };
  deleteExpiredSessions();
  int code = serveUntilSignalled(server, settings,
                                 "HTTP with static files from " + settings.staticDir.string(),
                                 signals, deleteExpiredSessions);
  // The gauges read the server, which goes away before the registry.
  for (const char* name :
       {"minitwitter_connections_open", "minitwitter_connections_accepted_total",
        "minitwitter_connections_refused_total", "minitwitter_worker_queue_depth",
        "minitwitter_worker_threads", "minitwitter_db_statements_total",
        "minitwitter_db_connections_opened_total", "minitwitter_live_subscribers",
        "minitwitter_live_events_total", "minitwitter_live_changes_dropped_total"}) {
    registry.removeFunction(name);
  }
  return code;
}

}  // namespace mt::app
