#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "HttpHandler.h"
#include "HttpMethod.h"
#include "UrlPattern.h"
#include "View.h"

namespace mt::views {

// Maps request paths to views: the application's HttpHandler.
//
// Routes are tried in the order they were added; the first whose pattern matches
// the path and which accepts the method runs. Around that:
//   - a path that is not valid percent-encoding            → 400
//   - no pattern matches                                   → the not-found view (404)
//   - patterns match but none takes the method             → 405 with Allow
//   - HEAD where GET is routed                             → the GET view (L2 drops the body)
//   - OPTIONS not routed explicitly                        → 204 with Allow
//   - a view throws                                        → 500, and a line on stderr
//
// Thread affinity: add every route before the server starts; handle() then runs on
// all loop threads at once and only reads the table.
class Router : public http::HttpHandler {
 public:
  Router();

  Router& route(UrlPattern pattern, std::initializer_list<http::Method> methods, View view);
  Router& route(std::string_view pattern, std::initializer_list<http::Method> methods, View view);
  Router& get(UrlPattern pattern, View view);
  Router& get(std::string_view pattern, View view);
  Router& post(UrlPattern pattern, View view);
  Router& post(std::string_view pattern, View view);

  // Runs when no pattern matches; its params are empty. Default: the 404 error page.
  Router& setNotFound(View view);

  void handle(const http::HttpRequest& request, http::Responder responder) override;

 private:
  struct Route {
    UrlPattern pattern;
    std::uint32_t methods;  // bit per http::Method; GET implies HEAD
    View view;
  };

  void dispatch(const http::HttpRequest& request, const http::Responder& responder) const;
  void run(const View& view, std::string_view routeName, const ViewContext& ctx) const;

  std::vector<Route> routes_;
  std::uint32_t allMethods_ = 0;
  View notFound_;
};

}  // namespace mt::views
