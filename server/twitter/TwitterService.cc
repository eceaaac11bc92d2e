#include "TwitterService.h"

#include <utility>

#include "Clock.h"
#include "Errors.h"
#include "RequestCache.h"
#include "Sessions.h"
#include "Store.h"

namespace mt::twitter {

TwitterService::TwitterService(db::Store& store, TwitterSettings settings)
    : store_(store), settings_(settings) {}

RequestContext::RequestContext(const TwitterService& service, std::string sessionToken)
    : service_(service), sessionToken_(std::move(sessionToken)) {}

std::optional<db::Id> RequestContext::viewer() {
  if (!looked_) {
    // A token of the wrong shape cannot be a session: no need to ask the database.
    if (looksLikeSessionToken(sessionToken_)) {
      viewer_ = store().sessionUser(sessionTokenHash(sessionToken_), nowMillis());
    }
    looked_ = true;
  }
  return viewer_;
}

db::Id RequestContext::viewerOrAnonymous() {
  return viewer().value_or(0);
}

db::Id RequestContext::requireViewer() {
  if (std::optional<db::Id> id = viewer()) return *id;
  if (sessionToken_.empty()) throw errors::unauthenticated("log in first");
  throw errors::unauthenticated("your session has expired or was revoked: log in again");
}

void RequestContext::setSession(std::string token, std::optional<db::Id> viewer) {
  sessionToken_ = std::move(token);
  viewer_ = viewer;
  looked_ = true;
  if (cache_) cache_->forgetViewerState();
}

RequestCache& RequestContext::cache() {
  if (!cache_) cache_ = std::make_shared<RequestCache>();
  return *cache_;
}

}  // namespace mt::twitter
