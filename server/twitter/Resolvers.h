#pragma once

#include "ResolverSupport.h"

// The resolvers of each part of schema.graphql, registered by buildTwitterSchema.
namespace mt::twitter {

void registerQueryResolvers(ResolverTable& table);
void registerMutationResolvers(ResolverTable& table);
void registerUserResolvers(ResolverTable& table);
void registerTweetResolvers(ResolverTable& table);
void registerConnectionResolvers(ResolverTable& table);    // connections and AuthPayload
void registerSubscriptionResolvers(ResolverTable& table);  // Subscription and TweetActivity

}  // namespace mt::twitter
