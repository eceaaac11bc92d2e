#include "Router.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>

#include "RequestPath.h"

namespace mt::views {
namespace {

using http::HttpResponse;
using http::Method;

constexpr std::uint32_t bit(Method m) {
  return 1u << static_cast<unsigned>(m);
}

constexpr Method kAllowOrder[] = {Method::Get,    Method::Head,  Method::Post,   Method::Put,
                                  Method::Delete, Method::Patch, Method::Options};

std::string allowHeader(std::uint32_t methods) {
  std::string allow;
  for (Method m : kAllowOrder) {
    if ((methods & bit(m)) == 0) continue;
    if (!allow.empty()) allow += ", ";
    allow += http::methodName(m);
  }
  return allow;
}

// One line a second at most: a view that throws on every request must not turn
// stderr into the bottleneck.
void logViewFailure(std::string_view routeName, std::string_view what) {
  static std::atomic<std::int64_t> lastSecond{0};
  static std::atomic<std::uint64_t> suppressed{0};
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::steady_clock::now().time_since_epoch())
                 .count();
  std::int64_t last = lastSecond.load(std::memory_order_relaxed);
  if (now == last || !lastSecond.compare_exchange_strong(last, now, std::memory_order_relaxed)) {
    suppressed.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  std::uint64_t skipped = suppressed.exchange(0, std::memory_order_relaxed);
  std::string line =
      "minitwitter: view for " + std::string(routeName) + " threw: " + std::string(what);
  if (skipped > 0) line += " (" + std::to_string(skipped) + " more since the last report)";
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

Router::Router() : notFound_([](const ViewContext&) { return HttpResponse::error(404); }) {}

Router& Router::route(UrlPattern pattern, std::initializer_list<Method> methods, View view) {
  std::uint32_t mask = 0;
  for (Method m : methods) {
    mask |= bit(m);
  }
  if (mask & bit(Method::Get)) mask |= bit(Method::Head);
  allMethods_ |= mask;
  routes_.push_back({std::move(pattern), mask, std::move(view)});
  return *this;
}

Router& Router::route(std::string_view pattern, std::initializer_list<Method> methods, View view) {
  return route(UrlPattern::path(pattern), methods, std::move(view));
}

Router& Router::get(UrlPattern pattern, View view) {
  return route(std::move(pattern), {Method::Get}, std::move(view));
}
Router& Router::get(std::string_view pattern, View view) {
  return route(UrlPattern::path(pattern), {Method::Get}, std::move(view));
}
Router& Router::post(UrlPattern pattern, View view) {
  return route(std::move(pattern), {Method::Post}, std::move(view));
}
Router& Router::post(std::string_view pattern, View view) {
  return route(UrlPattern::path(pattern), {Method::Post}, std::move(view));
}

Router& Router::setNotFound(View view) {
  notFound_ = std::move(view);
  return *this;
}

void Router::handle(const http::HttpRequest& request, http::Responder responder) {
  // Views' own exceptions are caught in run(); this is for matching itself (std::regex
  // throws when an expression gets too complex for its input).
  try {
    dispatch(request, responder);
  } catch (const std::exception& e) {
    logViewFailure("routing", e.what());
    responder.send(HttpResponse::error(500));
  }
}

void Router::dispatch(const http::HttpRequest& request, const http::Responder& responder) const {
  if (request.path == "*") {  // "OPTIONS *": what the server as a whole supports
    HttpResponse response(request.method == Method::Options ? 204 : 400);
    response.setHeader("Allow", allowHeader(allMethods_ | bit(Method::Options)));
    responder.send(std::move(response));
    return;
  }
  std::optional<RequestPath> path = RequestPath::parse(request.path);
  if (!path) {
    responder.send(HttpResponse::error(400, "The request path is not valid percent-encoding."));
    return;
  }

  std::uint32_t allowed = 0;
  for (const Route& route : routes_) {
    std::optional<RouteParams> params = route.pattern.match(*path);
    if (!params) continue;
    if (route.methods & bit(request.method)) {
      run(route.view, route.pattern.source(), ViewContext{request, *params, responder});
      return;
    }
    allowed |= route.methods;
  }

  if (allowed == 0) {
    RouteParams none;
    run(notFound_, "not-found", ViewContext{request, none, responder});
    return;
  }
  allowed |= bit(Method::Options);
  HttpResponse response =
      request.method == Method::Options ? HttpResponse(204) : HttpResponse::error(405);
  response.setHeader("Allow", allowHeader(allowed));
  responder.send(std::move(response));
}

void Router::run(const View& view, std::string_view routeName, const ViewContext& ctx) const {
  try {
    view(ctx);
    return;
  } catch (const std::exception& e) {
    logViewFailure(routeName, e.what());
  } catch (...) {
    logViewFailure(routeName, "an exception not derived from std::exception");
  }
  ctx.responder.send(HttpResponse::error(500));
}

}  // namespace mt::views
