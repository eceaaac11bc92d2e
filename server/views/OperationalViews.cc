#include "OperationalViews.h"

#include <string>

#include "PrometheusText.h"

namespace mt::views {

View healthView() {
  return [](const ViewContext&) {
    http::HttpResponse response = http::HttpResponse::text(200, "ok\n");
    response.setHeader("Cache-Control", "no-store");
    return response;
  };
}

View metricsView(const metrics::Registry& registry) {
  return [&registry](const ViewContext&) {
    http::HttpResponse response = http::HttpResponse::text(
        200, registry.renderPrometheus(), std::string(metrics::kPrometheusContentType));
    response.setHeader("Cache-Control", "no-store");
    return response;
  };
}

}  // namespace mt::views
