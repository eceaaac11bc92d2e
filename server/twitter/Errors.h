#pragma once

#include <string>
#include <string_view>

#include "GraphQLError.h"
#include "Model.h"
#include "Store.h"

// The one place that turns what can go wrong into the GraphQL errors clients see:
// each error carries extensions.code (and, for BAD_USER_INPUT, extensions.field), and
// its message is one line that says what to do.
namespace mt::twitter::errors {

api::GraphQLError unauthenticated(std::string message);
// `field`: the argument at fault ("username", "text", "after", …).
api::GraphQLError badUserInput(std::string field, std::string message);
api::GraphQLError notFound(std::string message);
api::GraphQLError forbidden(std::string message);
// `field`: the argument whose value collides ("username").
api::GraphQLError conflict(std::string field, std::string message);
api::GraphQLError internal(std::string message);
// A part of the service that this server does not run now (live events).
api::GraphQLError serviceUnavailable(std::string message);

// Call inside a catch block: rethrows the exception being handled as a GraphQLError.
// GraphQLErrors pass unchanged; db::DatabaseUnavailable becomes DATABASE_UNAVAILABLE;
// other database and internal failures become INTERNAL with a generic message (their
// details go to stderr, never to the client). `field` ("Query.timeline") is for the log.
[[noreturn]] void rethrowAsGraphQLError(std::string_view field);

// Store outcomes a user caused. Each returns normally for a success (including
// "already so": the mutations are idempotent) and throws otherwise.
enum class GraphAction { Follow, Unfollow, Block, Unblock };
void check(db::Store::GraphResult result, GraphAction action, std::string_view username);
void check(db::Store::TweetActionResult result, db::Id tweetId);
void check(db::Store::DeleteResult result, db::Id tweetId);
void check(db::Store::PostResult result, db::Id replyToId);
void check(db::Store::CreateUserResult result, std::string_view username);

// A tweet that does not exist or that the viewer may not see (the same answer, so
// that blocked users learn nothing).
api::GraphQLError noSuchTweet(db::Id tweetId);
api::GraphQLError noSuchUser(std::string_view username);

}  // namespace mt::twitter::errors
