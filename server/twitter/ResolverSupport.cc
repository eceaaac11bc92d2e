#include "ResolverSupport.h"

#include <utility>

#include "Errors.h"
#include "TextRules.h"

namespace mt::twitter {

void ResolverTable::field(const std::string& type, const std::string& name,
                          api::FieldResolver resolve) {
  builder_.resolver(type, name,
                    [resolve = std::move(resolve),
                     where = type + "." + name](const api::ResolveParams& params) -> api::Resolved {
                      try {
                        return resolve(params);
                      } catch (...) {
                        errors::rethrowAsGraphQLError(where);
                      }
                    });
}

void ResolverTable::batch(const std::string& type, const std::string& name,
                          api::BatchFieldResolver resolve) {
  builder_.batchResolver(type, name,
                         [resolve = std::move(resolve), where = type + "." + name](
                             const api::BatchResolveParams& params) -> std::vector<api::Resolved> {
                           try {
                             return resolve(params);
                           } catch (...) {
                             errors::rethrowAsGraphQLError(where);
                           }
                         });
}

void ResolverTable::subscriber(const std::string& type, const std::string& name,
                               api::SubscribeResolver subscribe) {
  builder_.subscriber(type, name,
                      [subscribe = std::move(subscribe), where = type + "." + name](
                          api::SubscribeParams params) -> std::unique_ptr<api::SourceEventStream> {
                        try {
                          return subscribe(std::move(params));
                        } catch (...) {
                          errors::rethrowAsGraphQLError(where);
                        }
                      });
}

RequestContext& contextOf(std::any& context) {
  auto* request = std::any_cast<std::shared_ptr<RequestContext>>(&context);
  if (request == nullptr || !*request) {
    throw errors::internal("internal error: the request has no Twitter context");
  }
  return **request;
}

api::Resolved userObject(UserRef user) {
  return api::Resolved::object(std::move(user), "User");
}

api::Resolved userObject(db::User user) {
  return userObject(std::make_shared<const db::User>(std::move(user)));
}

api::Resolved tweetObject(TweetRef tweet) {
  return api::Resolved::object(std::move(tweet), "Tweet");
}

api::Resolved tweetObject(db::Tweet tweet) {
  return tweetObject(std::make_shared<const db::Tweet>(std::move(tweet)));
}

api::Resolved tweetConnection(TweetPage page) {
  return api::Resolved::object(std::make_shared<const TweetPage>(std::move(page)),
                               "TweetConnection");
}

api::Resolved userConnection(UserPage page) {
  return api::Resolved::object(std::make_shared<const UserPage>(std::move(page)), "UserConnection");
}

const UserRef& userOf(const api::Resolved& parent) {
  const UserRef* user = parent.objectAs<UserRef>();
  if (user == nullptr || !*user) throw errors::internal("internal error: a User without its row");
  return *user;
}

const TweetRef& tweetOf(const api::Resolved& parent) {
  const TweetRef* tweet = parent.objectAs<TweetRef>();
  if (tweet == nullptr || !*tweet)
    throw errors::internal("internal error: a Tweet without its row");
  return *tweet;
}

std::string_view stringArg(const api::Value& args, std::string_view name) {
  const api::Value* value = args.find(name);
  if (value == nullptr || !value->isString()) {
    throw errors::badUserInput(std::string(name), std::string(name) + " is missing: give a string");
  }
  return value->asString();
}

std::optional<std::string_view> optionalStringArg(const api::Value& args, std::string_view name) {
  const api::Value* value = args.find(name);
  if (value == nullptr || value->isNull()) return std::nullopt;
  return stringArg(args, name);
}

db::Id idArg(const api::Value& args, std::string_view name) {
  const std::optional<std::string_view> text = optionalStringArg(args, name);
  if (!text) {
    throw errors::badUserInput(std::string(name), std::string(name) + " is missing: give an id");
  }
  const std::optional<db::Id> id = parsePositiveId(*text);
  if (!id) {
    throw errors::badUserInput(std::string(name), "'" + quoteForMessage(*text) +
                                                      "' is not an id: ids are positive integers");
  }
  return *id;
}

std::optional<db::Id> optionalIdArg(const api::Value& args, std::string_view name) {
  const api::Value* value = args.find(name);
  if (value == nullptr || value->isNull()) return std::nullopt;
  return idArg(args, name);
}

db::PageRequest pageArgs(const api::Value& args, CursorKind kind) {
  db::PageRequest page;
  page.limit = kDefaultPageSize;
  if (const api::Value* first = args.find("first"); first != nullptr && !first->isNull()) {
    const std::int64_t count = first->isInt() ? first->asInt() : -1;
    if (count < 0 || count > kMaxPageSize) {
      throw errors::badUserInput(
          "first", "first is " +
                       (first->isInt() ? std::to_string(count) : std::string("not an integer")) +
                       ": ask for 0 to 100 items");
    }
    page.limit = static_cast<int>(count);
  }
  if (const std::optional<std::string_view> after = optionalStringArg(args, "after")) {
    page.before = decodeCursor(kind, *after);
    if (!page.before) {
      throw errors::badUserInput("after", "'" + quoteForMessage(*after) +
                                              "' is not a cursor of this list: pass the "
                                              "pageInfo.endCursor of the page before");
    }
  }
  return page;
}

}  // namespace mt::twitter
