#include "OperationsSchema.h"

#include <chrono>

#include "DateTimeScalar.h"
#include "SchemaBuilder.h"

namespace mt::app {
namespace {

constexpr const char* kTypeDefs = R"graphql(
"""
An instant in UTC, written as an RFC 3339 string ("2026-11-28T12:00:00.000Z").
"""
scalar DateTime @specifiedBy(url: "https://datatracker.ietf.org/doc/html/rfc3339")

"Questions about the server itself."
type Query {
  "The server's version."
  version: String!
  "The server's clock, now."
  serverTime: DateTime!
  "Returns its argument: a smoke test for clients."
  echo(message: String!): String!
}

"Changes. None touch data yet: the Twitter's arrive with the database layer."
type Mutation {
  "Returns its argument, as a mutation: a smoke test for clients."
  echo(message: String!): String!
}
)graphql";

}  // namespace

std::shared_ptr<const api::Schema> buildOperationsSchema() {
  api::SchemaBuilder builder(kTypeDefs, "operations.graphql");
  builder.scalar("DateTime", std::make_shared<api::DateTimeScalar>());
  builder.resolver("Query", "version", [](const api::ResolveParams&) {
    return api::Resolved(api::Value("minitwitter " MT_VERSION));
  });
  builder.resolver("Query", "serverTime", [](const api::ResolveParams&) {
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return api::Resolved(api::Value(static_cast<std::int64_t>(now.count())));
  });
  auto echo = [](const api::ResolveParams& params) {
    return api::Resolved(*params.args.find("message"));
  };
  builder.resolver("Query", "echo", echo);
  builder.resolver("Mutation", "echo", echo);
  return builder.build();
}

}  // namespace mt::app
