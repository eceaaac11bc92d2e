#pragma once

#include <any>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "Cursors.h"
#include "Model.h"
#include "Resolved.h"
#include "SchemaBuilder.h"
#include "TwitterService.h"
#include "Value.h"

// What every resolver file shares: registration with the one error mapping, the
// request context, the application objects Resolved carries, and argument reading.
namespace mt::twitter {

// Registers resolvers on a SchemaBuilder, each wrapped so that whatever it throws
// reaches the client through errors::rethrowAsGraphQLError.
class ResolverTable {
 public:
  explicit ResolverTable(api::SchemaBuilder& builder) : builder_(builder) {}
  void field(const std::string& type, const std::string& name, api::FieldResolver resolve);
  void batch(const std::string& type, const std::string& name, api::BatchFieldResolver resolve);
  void subscriber(const std::string& type, const std::string& name,
                  api::SubscribeResolver subscribe);

 private:
  api::SchemaBuilder& builder_;
};

// The request's context (a std::shared_ptr<RequestContext> in the std::any); INTERNAL
// if the transport did not provide one.
RequestContext& contextOf(std::any& context);

// ---- application objects -------------------------------------------------------------
// Rows travel as shared pointers to const; a field that is part of another row (a
// tweet's author) aliases its owner instead of copying.
using UserRef = std::shared_ptr<const db::User>;
using TweetRef = std::shared_ptr<const db::Tweet>;
using TweetPage = db::Page<db::Tweet>;
using UserPage = db::Page<db::UserEdge>;

api::Resolved userObject(UserRef user);
api::Resolved userObject(db::User user);
api::Resolved tweetObject(TweetRef tweet);
api::Resolved tweetObject(db::Tweet tweet);
api::Resolved tweetConnection(TweetPage page);
api::Resolved userConnection(UserPage page);

// The parent's row; INTERNAL if the parent is something else.
const UserRef& userOf(const api::Resolved& parent);
const TweetRef& tweetOf(const api::Resolved& parent);

// IDs in the API: the decimal string of the row id.
inline api::Value idValue(db::Id id) {
  return api::Value(std::to_string(id));
}

// ---- arguments -----------------------------------------------------------------------
// A String argument the schema declares non-null.
std::string_view stringArg(const api::Value& args, std::string_view name);
// A nullable String argument: nullopt when absent or null.
std::optional<std::string_view> optionalStringArg(const api::Value& args, std::string_view name);
// An ID argument: a positive integer, else BAD_USER_INPUT naming it.
db::Id idArg(const api::Value& args, std::string_view name);
std::optional<db::Id> optionalIdArg(const api::Value& args, std::string_view name);
// `first` (0..100, default 20) and `after` (a cursor of `kind`), else BAD_USER_INPUT.
db::PageRequest pageArgs(const api::Value& args, CursorKind kind);

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 100;

}  // namespace mt::twitter
