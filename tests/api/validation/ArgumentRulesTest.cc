// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(KnownArgumentNamesRuleTest, ArgumentsOnFields) {
  expectValid(kKnownArgumentNamesRule, R"graphql(
fragment argOnRequiredArg on Dog {
  doesKnowCommand(dogCommand: SIT)
  isHouseTrained(atOtherHomes: true)
  isAtLocation(y: 1, x: 2)
}
)graphql");
}

TEST(KnownArgumentNamesRuleTest, ArgumentsOnDirectives) {
  expectValid(kKnownArgumentNamesRule, R"graphql(
{ dog @skip(if: true) { name @include(if: false) } }
)graphql");
}

TEST(KnownArgumentNamesRuleTest, UnknownFieldArgsAreIgnored) {
  expectValid(kKnownArgumentNamesRule, R"graphql(
fragment f on Dog { unknownField(unknownArg: 1) { name } }
)graphql");
}

TEST(KnownArgumentNamesRuleTest, UnknownDirectiveArgsAreIgnored) {
  expectValid(kKnownArgumentNamesRule, R"graphql(
{ dog @unknown(arg: 1) { name } }
)graphql");
}

TEST(KnownArgumentNamesRuleTest, UnknownArgOnDirective) {
  expectErrors(kKnownArgumentNamesRule, R"graphql(
{ dog @skip(unless: true) { name } }
)graphql",
               {{"Unknown argument \"unless\" on directive \"@skip\".", {{2, 13}}}});
}

TEST(KnownArgumentNamesRuleTest, MisspelledArgOnDirective) {
  expectErrors(
      kKnownArgumentNamesRule, R"graphql(
{ dog @skip(iff: true) { name } }
)graphql",
      {{"Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", {{2, 13}}}});
}

TEST(KnownArgumentNamesRuleTest, UnknownArgOnField) {
  expectErrors(kKnownArgumentNamesRule, R"graphql(
fragment invalidArgName on Dog { doesKnowCommand(unknown: true) }
)graphql",
               {{"Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", {{2, 50}}}});
}

TEST(KnownArgumentNamesRuleTest, MisspelledArgOnField) {
  expectErrors(kKnownArgumentNamesRule, R"graphql(
fragment invalidArgName on Dog { doesKnowCommand(DogCommand: true) }
)graphql",
               {{"Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean "
                 "\"dogCommand\"?",
                 {{2, 50}}}});
}

TEST(KnownArgumentNamesRuleTest, UnknownArgsDeeply) {
  expectErrors(kKnownArgumentNamesRule, R"graphql(
{
  dog { doesKnowCommand(unknown: true) }
  human { pets { ... on Dog { doesKnowCommand(unknown: true) } } }
}
)graphql",
               {{"Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", {{3, 25}}},
                {"Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", {{4, 47}}}});
}

TEST(KnownArgumentNamesRuleTest, DirectiveArgumentsOfFieldsAreNotFieldArguments) {
  expectErrors(kKnownArgumentNamesRule, R"graphql(
{ complicatedArgs { intArgField(intArg: 1) @include(if: true, intArg: 2) } }
)graphql",
               {{"Unknown argument \"intArg\" on directive \"@include\".", {{2, 63}}}});
}

TEST(UniqueArgumentNamesRuleTest, DistinctArguments) {
  expectValid(kUniqueArgumentNamesRule, R"graphql(
{
  field(arg1: "value", arg2: "value") @directive(arg1: "value", arg2: "value")
  a: field(arg1: "value") b: field(arg1: "value")
}
)graphql");
}

TEST(UniqueArgumentNamesRuleTest, DuplicateFieldArguments) {
  expectErrors(kUniqueArgumentNamesRule, R"graphql(
{ field(arg1: "value", arg1: "value", arg1: "value", arg2: 1) }
)graphql",
               {{"There can be only one argument named \"arg1\".", {{2, 9}, {2, 24}, {2, 39}}}});
}

TEST(UniqueArgumentNamesRuleTest, DuplicateDirectiveArguments) {
  expectErrors(kUniqueArgumentNamesRule, R"graphql(
{ field @directive(arg1: "value", arg2: 2, arg1: "value") }
)graphql",
               {{"There can be only one argument named \"arg1\".", {{2, 20}, {2, 44}}}});
}

TEST(ProvidedRequiredArgumentsRuleTest, OptionalArgumentsMayBeOmitted) {
  expectValid(kProvidedRequiredArgumentsRule, R"graphql(
{
  dog { isHouseTrained }
  complicatedArgs { multipleOpts nonNullFieldWithDefault }
}
)graphql");
}

TEST(ProvidedRequiredArgumentsRuleTest, RequiredArgumentsGiven) {
  expectValid(kProvidedRequiredArgumentsRule, R"graphql(
{
  complicatedArgs {
    multipleReqs(req1: 1, req2: 2)
    multipleOptAndReq(req2: 2, req1: 1, opt2: 3)
    nonNullIntArgField(nonNullIntArg: null)
  }
}
)graphql");
}

TEST(ProvidedRequiredArgumentsRuleTest, UnknownFieldIsIgnored) {
  expectValid(kProvidedRequiredArgumentsRule, R"graphql(
{ dog { unknownField } }
)graphql");
}

TEST(ProvidedRequiredArgumentsRuleTest, MissingOneRequiredArgument) {
  expectErrors(kProvidedRequiredArgumentsRule, R"graphql(
{ complicatedArgs { multipleReqs(req2: 2) } }
)graphql",
               {{"Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it "
                 "was not provided.",
                 {{2, 21}}}});
}

TEST(ProvidedRequiredArgumentsRuleTest, MissingSeveralRequiredArguments) {
  expectErrors(kProvidedRequiredArgumentsRule, R"graphql(
{ complicatedArgs { multipleReqs multipleOptAndReq(opt1: 1) } }
)graphql",
               {{"Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it "
                 "was not provided.",
                 {{2, 21}}},
                {"Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it "
                 "was not provided.",
                 {{2, 21}}},
                {"Field \"multipleOptAndReq\" argument \"req1\" of type \"Int!\" is required, but "
                 "it was not provided.",
                 {{2, 34}}},
                {"Field \"multipleOptAndReq\" argument \"req2\" of type \"Int!\" is required, but "
                 "it was not provided.",
                 {{2, 34}}}});
}

TEST(ProvidedRequiredArgumentsRuleTest, IncorrectArgumentNameDoesNotCount) {
  expectErrors(kProvidedRequiredArgumentsRule, R"graphql(
{ complicatedArgs { multipleReqs(req1: 1, reqq2: 2) } }
)graphql",
               {{"Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it "
                 "was not provided.",
                 {{2, 21}}}});
}

TEST(ProvidedRequiredArgumentsRuleTest, DirectivesWithRequiredArguments) {
  expectErrors(kProvidedRequiredArgumentsRule, R"graphql(
{
  dog @include(if: true) { name @skip(if: false) }
  cat @include { name @skip }
  human @withArgs(optional: "y") { name }
}
)graphql",
               {{"Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it "
                 "was not provided.",
                 {{4, 7}}},
                {"Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was "
                 "not provided.",
                 {{4, 23}}},
                {"Directive \"@withArgs\" argument \"required\" of type \"Int!\" is required, but "
                 "it was not provided.",
                 {{5, 9}}}});
}

TEST(ProvidedRequiredArgumentsRuleTest, UnknownDirectiveIsIgnored) {
  expectValid(kProvidedRequiredArgumentsRule, R"graphql(
{ dog @unknown { name } }
)graphql");
}

}  // namespace
}  // namespace mt::api
