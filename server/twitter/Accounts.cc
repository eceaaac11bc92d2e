#include "Accounts.h"

#include "Clock.h"
#include "Errors.h"
#include "Passwords.h"
#include "Sessions.h"
#include "Store.h"
#include "TextRules.h"

namespace mt::twitter {

namespace {

constexpr std::string_view kWrongCredentials = "wrong username or password";

SessionGrant startSession(RequestContext& context, db::User user) {
  const TwitterSettings& settings = context.service().settings();
  const db::Millis now = nowMillis();
  SessionGrant grant;
  grant.token = newSessionToken();
  grant.expiresAt =
      now + std::chrono::duration_cast<std::chrono::milliseconds>(settings.sessionLifetime).count();
  context.store().createSession(sessionTokenHash(grant.token), user.id, now, grant.expiresAt);
  context.addSetCookie(sessionCookie(grant.token, settings.sessionLifetime, settings.secureCookie));
  context.setSession(grant.token, user.id);
  grant.user = std::move(user);
  return grant;
}

}  // namespace

SessionGrant signup(RequestContext& context, std::string_view username, std::string_view password,
                    std::optional<std::string_view> displayName) {
  const TextCheck name = checkUsername(username);
  if (!name.ok()) throw errors::badUserInput("username", name.problem);
  const TextCheck secret = checkPassword(password, username);
  if (!secret.ok()) throw errors::badUserInput("password", secret.problem);
  TextCheck shownName{std::string(username), {}};
  if (displayName) {
    shownName = checkDisplayName(*displayName);
    if (!shownName.ok()) throw errors::badUserInput("displayName", shownName.problem);
  }

  db::Store& store = context.store();
  // Spares the hashing work for a name that is taken; createUser still decides races.
  if (store.userByUsername(username)) {
    errors::check(db::Store::CreateUserResult::UsernameTaken, username);
  }
  const std::string hash = hashPassword(secret.value, context.service().settings().passwordCost);
  db::User created;
  errors::check(store.createUser(username, shownName.value, hash, nowMillis(), &created), username);
  return startSession(context, std::move(created));
}

SessionGrant login(RequestContext& context, std::string_view username, std::string_view password) {
  db::Store& store = context.store();
  const PasswordCost& cost = context.service().settings().passwordCost;
  std::optional<db::Credentials> credentials;
  if (hasUsernameShape(username)) credentials = store.credentialsFor(username);
  if (!credentials) {
    verifyAgainstDummy(password, cost);
    throw errors::unauthenticated(std::string(kWrongCredentials));
  }
  if (!verifyPassword(credentials->passwordHash, password)) {
    throw errors::unauthenticated(std::string(kWrongCredentials));
  }
  const db::Id ids[] = {credentials->userId};
  std::vector<std::optional<db::User>> users = store.usersByIds(ids);
  if (users.empty() || !users.front())
    throw errors::unauthenticated(std::string(kWrongCredentials));
  return startSession(context, std::move(*users.front()));
}

bool logout(RequestContext& context) {
  const std::string& token = context.sessionToken();
  const bool deleted =
      looksLikeSessionToken(token) && context.store().deleteSession(sessionTokenHash(token));
  const TwitterSettings& settings = context.service().settings();
  context.addSetCookie(expiredSessionCookie(settings.secureCookie));
  context.setSession({}, std::nullopt);
  return deleted;
}

}  // namespace mt::twitter
