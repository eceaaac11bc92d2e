#include <gtest/gtest.h>

#include "CapturingSink.h"
#include "OperationalViews.h"
#include "Router.h"

namespace mt::views {
namespace {

using http::Method;
using testing::dispatch;
using testing::headerOf;

TEST(OperationalViewsTest, HealthSaysOk) {
  Router router;
  router.get("/healthz", healthView());
  http::HttpResponse response = dispatch(router, Method::Get, "/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok\n");
  EXPECT_EQ(headerOf(response, "Content-Type"), "text/plain; charset=utf-8");
}

TEST(OperationalViewsTest, MetricsRendersTheRegistryAtRequestTime) {
  metrics::Registry registry;
  Router router;
  router.get("/metrics", metricsView(registry));
  registry.counter("requests_total", "Requests.").inc(2);
  http::HttpResponse response = dispatch(router, Method::Get, "/metrics");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(headerOf(response, "Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(response.body,
            "# HELP requests_total Requests.\n# TYPE requests_total counter\nrequests_total 2\n");
}

}  // namespace
}  // namespace mt::views
