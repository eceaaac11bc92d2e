// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(KnownDirectivesRuleTest, NoDirectives) {
  expectValid(kKnownDirectivesRule, R"graphql(
query Foo { name ...Frag }
fragment Frag on Dog { name }
)graphql");
}

TEST(KnownDirectivesRuleTest, KnownDirectivesInTheirLocations) {
  expectValid(kKnownDirectivesRule, R"graphql(
query Foo($var: Boolean @onVariableDefinition) @onQuery {
  dog @include(if: $var) { name @skip(if: true) @onField }
  ...Frag @onFragmentSpread
  ... on QueryRoot @onInlineFragment { cat { name } }
}
fragment Frag on QueryRoot @onFragmentDefinition { dog { name } }
mutation Bar @onMutation { setDogName(name: "x") { name } }
subscription Baz @onSubscription { newMessage { body } }
)graphql");
}

TEST(KnownDirectivesRuleTest, UnknownDirectives) {
  expectErrors(kKnownDirectivesRule, R"graphql(
{
  dog @unknown(directive: "value") { name }
  human @unknown(directive: "value") { name @anotherUnknown }
}
)graphql",
               {{"Unknown directive \"@unknown\".", {{3, 7}}},
                {"Unknown directive \"@unknown\".", {{4, 9}}},
                {"Unknown directive \"@anotherUnknown\".", {{4, 45}}}});
}

TEST(KnownDirectivesRuleTest, DirectivesInWrongLocations) {
  expectErrors(
      kKnownDirectivesRule, R"graphql(
query Foo($var: Boolean @onField) @include(if: true) {
  name @onQuery @include(if: true)
  ...Frag @onQuery
  ... on QueryRoot @onFragmentSpread { name }
}
fragment Frag on QueryRoot @onInlineFragment { name }
mutation Bar @onQuery { name }
subscription Baz @onMutation { name }
)graphql",
      {{"Directive \"@onField\" may not be used on VARIABLE_DEFINITION.", {{2, 25}}},
       {"Directive \"@include\" may not be used on QUERY.", {{2, 35}}},
       {"Directive \"@onQuery\" may not be used on FIELD.", {{3, 8}}},
       {"Directive \"@onQuery\" may not be used on FRAGMENT_SPREAD.", {{4, 11}}},
       {"Directive \"@onFragmentSpread\" may not be used on INLINE_FRAGMENT.", {{5, 20}}},
       {"Directive \"@onInlineFragment\" may not be used on FRAGMENT_DEFINITION.", {{7, 28}}},
       {"Directive \"@onQuery\" may not be used on MUTATION.", {{8, 14}}},
       {"Directive \"@onMutation\" may not be used on SUBSCRIPTION.", {{9, 18}}}});
}

TEST(KnownDirectivesRuleTest, OneOfIsKnownButNotExecutable) {
  expectErrors(kKnownDirectivesRule, R"graphql(
{ dog @oneOf @deprecated @specifiedBy(url: "x") { name } }
)graphql",
               {{"Directive \"@oneOf\" may not be used on FIELD.", {{2, 7}}},
                {"Directive \"@deprecated\" may not be used on FIELD.", {{2, 14}}},
                {"Directive \"@specifiedBy\" may not be used on FIELD.", {{2, 26}}}});
}

TEST(UniqueDirectivesPerLocationRuleTest, DistinctDirectives) {
  expectValid(kUniqueDirectivesPerLocationRule, R"graphql(
fragment Test on Type @onFragmentDefinition @directiveB {
  field @directiveA @directiveB
}
)graphql");
}

TEST(UniqueDirectivesPerLocationRuleTest, SameDirectiveInDifferentLocations) {
  expectValid(kUniqueDirectivesPerLocationRule, R"graphql(
fragment Test on Type @include(if: true) {
  field @include(if: true)
}
)graphql");
}

TEST(UniqueDirectivesPerLocationRuleTest, SameDirectivesOnSiblings) {
  expectValid(kUniqueDirectivesPerLocationRule, R"graphql(
fragment Test on Type {
  field @include(if: true)
  field @include(if: true)
}
)graphql");
}

TEST(UniqueDirectivesPerLocationRuleTest, DuplicateDirectives) {
  expectErrors(
      kUniqueDirectivesPerLocationRule, R"graphql(
fragment Test on Type {
  field @include(if: true) @include(if: false) @include(if: true)
}
)graphql",
      {{"The directive \"@include\" can only be used once at this location.", {{3, 9}, {3, 28}}},
       {"The directive \"@include\" can only be used once at this location.", {{3, 9}, {3, 48}}}});
}

TEST(UniqueDirectivesPerLocationRuleTest, DifferentDuplicateDirectives) {
  expectErrors(
      kUniqueDirectivesPerLocationRule, R"graphql(
fragment Test on Type {
  field @skip(if: true) @include(if: true) @include(if: true) @skip(if: true)
}
)graphql",
      {{"The directive \"@include\" can only be used once at this location.", {{3, 25}, {3, 44}}},
       {"The directive \"@skip\" can only be used once at this location.", {{3, 9}, {3, 63}}}});
}

TEST(UniqueDirectivesPerLocationRuleTest, DuplicatesOnEveryExecutableLocation) {
  expectErrors(
      kUniqueDirectivesPerLocationRule, R"graphql(
query Q($v: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {
  ...F @onFragmentSpread @onFragmentSpread
  ... @onInlineFragment @onInlineFragment { name }
}
fragment F on QueryRoot @onFragmentDefinition @onFragmentDefinition { name }
)graphql",
      {{"The directive \"@onQuery\" can only be used once at this location.", {{2, 62}, {2, 71}}},
       {"The directive \"@onVariableDefinition\" can only be used once at this location.",
        {{2, 17}, {2, 39}}},
       {"The directive \"@onFragmentSpread\" can only be used once at this location.",
        {{3, 8}, {3, 26}}},
       {"The directive \"@onInlineFragment\" can only be used once at this location.",
        {{4, 7}, {4, 25}}},
       {"The directive \"@onFragmentDefinition\" can only be used once at this location.",
        {{6, 25}, {6, 47}}}});
}

TEST(UniqueDirectivesPerLocationRuleTest, RepeatableAndUnknownDirectives) {
  expectValid(kUniqueDirectivesPerLocationRule, R"graphql(
{ field @repeatable @repeatable @unknown @unknown }
)graphql");
}

}  // namespace
}  // namespace mt::api
