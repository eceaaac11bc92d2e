#include <memory>
#include <string>

#include "DateTimeScalar.h"
#include "Resolvers.h"
#include "SchemaBuilder.h"
#include "TwitterSchemaSdl.h"
#include "TwitterService.h"

namespace mt::twitter {

std::shared_ptr<const api::Schema> buildTwitterSchema(const TwitterService& /*service*/) {
  // The resolvers find the service through each request's RequestContext, so one
  // schema could serve several services; the parameter keeps the contract explicit
  // about what the schema is for and lets a future resolver bind to it.
  api::SchemaBuilder builder(std::string(twitterSchemaSdl()), "schema.graphql");
  builder.scalar("DateTime", std::make_shared<api::DateTimeScalar>());
  ResolverTable table(builder);
  registerQueryResolvers(table);
  registerMutationResolvers(table);
  registerUserResolvers(table);
  registerTweetResolvers(table);
  registerConnectionResolvers(table);
  registerSubscriptionResolvers(table);
  return builder.build();
}

}  // namespace mt::twitter
