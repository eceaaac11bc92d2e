#pragma once

#include "Registry.h"
#include "View.h"

namespace mt::views {

// GET /healthz: 200 "ok\n" as text/plain, for load balancers and the experiment
// harness to see that the process answers.
View healthView();

// GET /metrics: the registry in the Prometheus text format. The registry must
// outlive the view.
View metricsView(const metrics::Registry& registry);

}  // namespace mt::views
