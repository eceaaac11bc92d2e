#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Model.h"

namespace mt::db {
class Store;
}
namespace mt::api {
class Schema;
}

namespace mt::twitter {

struct RequestCache;  // RequestCache.h
class LiveEvents;     // LiveEvents.h

// The Argon2id cost (libsodium crypto_pwhash). The default is libsodium's
// "interactive" level (2 passes, 64 MiB); load experiments that sign up thousands of
// users may choose `cheap` (1 pass, 8 KiB: no protection against offline guessing)
// only through an explicit flag.
struct PasswordCost {
  unsigned long long opsLimit;
  std::size_t memLimitBytes;
  static PasswordCost interactive();
  static PasswordCost moderate();
  static PasswordCost cheap();
};

struct TwitterSettings {
  PasswordCost passwordCost = PasswordCost::interactive();
  std::chrono::seconds sessionLifetime{std::chrono::hours(24 * 30)};
  // Adds `Secure` to the session cookie (set when served behind TLS).
  bool secureCookie = false;
};

// What every request's resolvers share: the store and the settings. Thread-safe.
class TwitterService {
 public:
  TwitterService(db::Store& store, TwitterSettings settings);
  db::Store& store() const noexcept { return store_; }
  const TwitterSettings& settings() const noexcept { return settings_; }

  // The live events that subscriptions draw on; null until set (subscriptions then
  // fail with SERVICE_UNAVAILABLE). Set once, before serving; not owned.
  void setLive(LiveEvents* live) noexcept { live_ = live; }
  LiveEvents* live() const noexcept { return live_; }

 private:
  db::Store& store_;
  TwitterSettings settings_;
  LiveEvents* live_ = nullptr;
};

// One request's context, what resolvers find in their std::any (as
// std::shared_ptr<RequestContext>). Created on the worker thread that runs the request.
class RequestContext {
 public:
  // `sessionToken`: from `Authorization: Bearer …`, else the session cookie; may be empty.
  RequestContext(const TwitterService& service, std::string sessionToken);

  const TwitterService& service() const noexcept { return service_; }
  db::Store& store() const noexcept { return service_.store(); }

  // The logged-in user's id, looked up (one statement) on first use and remembered;
  // nullopt for no token or a token that is unknown, expired or revoked.
  std::optional<db::Id> viewer();
  // The viewer's id, or 0 when anonymous: the Store's `viewer` argument.
  db::Id viewerOrAnonymous();
  // The viewer's id; throws a GraphQLError with code UNAUTHENTICATED ("log in first",
  // or "your session has expired or was revoked: log in again" when a token was sent).
  db::Id requireViewer();

  const std::string& sessionToken() const noexcept { return sessionToken_; }
  // After login/signup/logout: the session this request now acts as.
  void setSession(std::string token, std::optional<db::Id> viewer);

  // Set-Cookie values the HTTP response must carry (login sets, logout clears).
  void addSetCookie(std::string value) { setCookies_.push_back(std::move(value)); }
  const std::vector<std::string>& setCookies() const noexcept { return setCookies_; }

  // What this request's resolvers have read and may read again at another level
  // (relationships with the viewer), so that each is read once.
  RequestCache& cache();

 private:
  const TwitterService& service_;
  std::string sessionToken_;
  bool looked_ = false;
  std::optional<db::Id> viewer_;
  std::vector<std::string> setCookies_;
  std::shared_ptr<RequestCache> cache_;  // made on first use
};

// The session token a request carries: `Authorization: Bearer <token>` wins over the
// `minitwitter_session` cookie. Empty when neither is there.
std::string sessionTokenFrom(std::string_view authorization, std::string_view cookieHeader);

inline constexpr std::string_view kSessionCookieName = "minitwitter_session";

// The Twitter's GraphQL schema (schema.graphql) with every resolver bound to `service`,
// which must outlive the schema.
std::shared_ptr<const api::Schema> buildTwitterSchema(const TwitterService& service);

}  // namespace mt::twitter
