// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(SingleFieldSubscriptionsRuleTest, OneField) {
  expectValid(kSingleFieldSubscriptionsRule, R"graphql(
subscription ImportantEmails { importantEmails }
)graphql");
}

TEST(SingleFieldSubscriptionsRuleTest, OneFieldThroughFragments) {
  expectValid(kSingleFieldSubscriptionsRule, R"graphql(
subscription sub { ...newMessageFields }
fragment newMessageFields on SubscriptionRoot { newMessage { body sender } }
)graphql");
}

TEST(SingleFieldSubscriptionsRuleTest, SameFieldTwiceWithFragment) {
  expectValid(kSingleFieldSubscriptionsRule, R"graphql(
subscription sub { ...newMessageFields newMessage { body } }
fragment newMessageFields on SubscriptionRoot { newMessage { body sender } }
)graphql");
}

TEST(SingleFieldSubscriptionsRuleTest, SkippedFieldsDoNotCount) {
  expectValid(kSingleFieldSubscriptionsRule, R"graphql(
subscription sub { importantEmails notImportantEmails @skip(if: true) spamEmails @include(if: false) }
)graphql");
}

TEST(SingleFieldSubscriptionsRuleTest, MoreThanOneField) {
  expectErrors(
      kSingleFieldSubscriptionsRule, R"graphql(
subscription ImportantEmails { importantEmails notImportantEmails }
)graphql",
      {{"Subscription \"ImportantEmails\" must select only one top level field.", {{2, 48}}}});
}

TEST(SingleFieldSubscriptionsRuleTest, MoreThanOneFieldAnonymous) {
  expectErrors(
      kSingleFieldSubscriptionsRule, R"graphql(
subscription { importantEmails notImportantEmails spamEmails }
)graphql",
      {{"Anonymous Subscription must select only one top level field.", {{2, 32}, {2, 51}}}});
}

TEST(SingleFieldSubscriptionsRuleTest, IntrospectionField) {
  expectErrors(
      kSingleFieldSubscriptionsRule, R"graphql(
subscription ImportantEmails { __typename }
)graphql",
      {{"Subscription \"ImportantEmails\" must not select an introspection top level field.",
        {{2, 32}}}});
}

TEST(SingleFieldSubscriptionsRuleTest, IntrospectionFieldBesideOthers) {
  expectErrors(
      kSingleFieldSubscriptionsRule, R"graphql(
subscription { importantEmails __typename ... on SubscriptionRoot { __typename } }
)graphql",
      {{"Anonymous Subscription must select only one top level field.", {{2, 32}, {2, 69}}},
       {"Anonymous Subscription must not select an introspection top level field.",
        {{2, 32}, {2, 69}}}});
}

TEST(SingleFieldSubscriptionsRuleTest, FieldsThroughFragmentsAndInlineFragments) {
  expectErrors(kSingleFieldSubscriptionsRule, R"graphql(
subscription ImportantEmails {
  importantEmails
  ... { more: moreImportantEmails }
  ...NotImportantEmails
}
fragment NotImportantEmails on SubscriptionRoot {
  notImportantEmails
  deleted: deletedEmails
  ...SpamEmails
}
fragment SpamEmails on SubscriptionRoot { spamEmails }
)graphql",
               {{"Subscription \"ImportantEmails\" must select only one top level field.",
                 {{4, 9}, {8, 3}, {9, 3}, {12, 43}}}});
}

TEST(SingleFieldSubscriptionsRuleTest, FragmentsThatCannotMatchAreDropped) {
  expectValid(kSingleFieldSubscriptionsRule, R"graphql(
subscription { importantEmails ... on QueryRoot { dog { name } } ...Q }
fragment Q on QueryRoot { cat { name } }
)graphql");
}

TEST(SingleFieldSubscriptionsRuleTest, QueriesAreNotSubscriptions) {
  expectValid(kSingleFieldSubscriptionsRule, R"graphql(
query { dog { name } cat { name } }
)graphql");
}

}  // namespace
}  // namespace mt::api
