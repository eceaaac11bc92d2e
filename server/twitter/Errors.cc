#include "Errors.h"

#include <cstdio>
#include <exception>

#include "DatabaseError.h"
#include "TextRules.h"

namespace mt::twitter::errors {

namespace {

api::GraphQLError withCode(std::string message, std::string code) {
  return api::GraphQLError(std::move(message)).withExtension("code", std::move(code));
}

std::string_view verb(GraphAction action) {
  switch (action) {
    case GraphAction::Follow:
      return "follow";
    case GraphAction::Unfollow:
      return "unfollow";
    case GraphAction::Block:
      return "block";
    case GraphAction::Unblock:
      return "unblock";
  }
  return "change";
}

void logFailure(std::string_view field, std::string_view what) {
  std::fprintf(stderr, "minitwitter: %.*s failed: %.*s\n", static_cast<int>(field.size()),
               field.data(), static_cast<int>(what.size()), what.data());
}

}  // namespace

api::GraphQLError unauthenticated(std::string message) {
  return withCode(std::move(message), "UNAUTHENTICATED");
}

api::GraphQLError badUserInput(std::string field, std::string message) {
  return withCode(std::move(message), "BAD_USER_INPUT").withExtension("field", std::move(field));
}

api::GraphQLError notFound(std::string message) {
  return withCode(std::move(message), "NOT_FOUND");
}

api::GraphQLError forbidden(std::string message) {
  return withCode(std::move(message), "FORBIDDEN");
}

api::GraphQLError conflict(std::string field, std::string message) {
  return withCode(std::move(message), "CONFLICT").withExtension("field", std::move(field));
}

api::GraphQLError internal(std::string message) {
  return withCode(std::move(message), "INTERNAL");
}

api::GraphQLError serviceUnavailable(std::string message) {
  return withCode(std::move(message), "SERVICE_UNAVAILABLE");
}

void rethrowAsGraphQLError(std::string_view field) {
  try {
    throw;
  } catch (const api::GraphQLError&) {
    throw;
  } catch (const db::DatabaseUnavailable& error) {
    logFailure(field, error.what());
    throw withCode("the database is unavailable: try again in a moment", "DATABASE_UNAVAILABLE");
  } catch (const db::TransactionConflict& error) {
    logFailure(field, error.what());
    throw internal("the database was busy with a conflicting change: try again");
  } catch (const db::DatabaseError& error) {
    logFailure(field, error.what());
    throw internal("internal error in the database: try again later");
  } catch (const std::exception& error) {
    logFailure(field, error.what());
    throw internal("internal error: try again later");
  } catch (...) {
    logFailure(field, "a non-standard exception");
    throw internal("internal error: try again later");
  }
}

api::GraphQLError noSuchTweet(db::Id tweetId) {
  return notFound("tweet " + std::to_string(tweetId) +
                  " does not exist or is not visible to you: check the id");
}

api::GraphQLError noSuchUser(std::string_view username) {
  return notFound("no user is called '" + quoteForMessage(username) + "': check the username");
}

void check(db::Store::GraphResult result, GraphAction action, std::string_view username) {
  using R = db::Store::GraphResult;
  switch (result) {
    case R::Done:
    case R::Unchanged:
      return;
    case R::NoSuchUser:
      throw noSuchUser(username);
    case R::Self:
      throw badUserInput(
          "username", "you cannot " + std::string(verb(action)) + " yourself: name another user");
    case R::Blocked:
      throw forbidden("you cannot " + std::string(verb(action)) + " '" + quoteForMessage(username) +
                      "': one of you has blocked the other");
  }
  throw internal("internal error: unexpected store result");
}

void check(db::Store::TweetActionResult result, db::Id tweetId) {
  using R = db::Store::TweetActionResult;
  switch (result) {
    case R::Done:
    case R::Unchanged:
      return;
    case R::NoSuchTweet:
      throw noSuchTweet(tweetId);
  }
  throw internal("internal error: unexpected store result");
}

void check(db::Store::DeleteResult result, db::Id tweetId) {
  using R = db::Store::DeleteResult;
  switch (result) {
    case R::Deleted:
      return;
    case R::NoSuchTweet:
      throw noSuchTweet(tweetId);
    case R::NotAuthor:
      throw forbidden("tweet " + std::to_string(tweetId) +
                      " is not yours: you can delete only your own tweets");
  }
  throw internal("internal error: unexpected store result");
}

void check(db::Store::PostResult result, db::Id replyToId) {
  using R = db::Store::PostResult;
  switch (result) {
    case R::Posted:
      return;
    case R::ReplyTargetMissing:
      throw notFound("tweet " + std::to_string(replyToId) +
                     " does not exist or is not visible to you: you cannot reply to it");
    case R::ReplyTargetBlocked:
      throw forbidden("you cannot reply to tweet " + std::to_string(replyToId) +
                      ": you and its author have a block between you");
  }
  throw internal("internal error: unexpected store result");
}

void check(db::Store::CreateUserResult result, std::string_view username) {
  using R = db::Store::CreateUserResult;
  switch (result) {
    case R::Created:
      return;
    case R::UsernameTaken:
      throw conflict("username",
                     "username '" + std::string(username) + "' is taken: choose another");
  }
  throw internal("internal error: unexpected store result");
}

}  // namespace mt::twitter::errors
