#pragma once

#include <unordered_map>

#include "Model.h"

namespace mt::twitter {

// One request's memo of what depends on the viewer and may be asked for at several
// levels of a query (a tweet's author and the users it mentions). Lives in the
// RequestContext; one request runs on one thread, so it needs no lock.
struct RequestCache {
  std::unordered_map<db::Id, db::Relationship> relationships;

  // After a change to the viewer or to their relationships (login, follow, block).
  void forgetViewerState() { relationships.clear(); }
};

}  // namespace mt::twitter
