#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "Model.h"
#include "TwitterService.h"

// Accounts and sessions: signup, login, logout. Each changes the request's session
// (RequestContext::setSession) and the cookie the response carries.
namespace mt::twitter {

// A new session: what AuthPayload shows.
struct SessionGrant {
  std::string token;
  db::Millis expiresAt = 0;
  db::User user;
};

// Checks the username, password and display name (BAD_USER_INPUT naming the one at
// fault), refuses a taken username (CONFLICT), creates the user and logs them in.
SessionGrant signup(RequestContext& context, std::string_view username, std::string_view password,
                    std::optional<std::string_view> displayName);

// "wrong username or password" (UNAUTHENTICATED) alike for an unknown user and a
// wrong password, after the same hashing work, so neither answer nor timing tells
// which usernames exist.
SessionGrant login(RequestContext& context, std::string_view username, std::string_view password);

// Deletes the request's session, if it has one, and expires the cookie either way.
// True if a session was deleted.
bool logout(RequestContext& context);

}  // namespace mt::twitter
