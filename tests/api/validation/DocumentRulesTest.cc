// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(ExecutableDefinitionsRuleTest, OnlyOperation) {
  expectValid(kExecutableDefinitionsRule, R"graphql(
query Foo {
  dog { name }
}
)graphql");
}

TEST(ExecutableDefinitionsRuleTest, OperationAndFragment) {
  expectValid(kExecutableDefinitionsRule, R"graphql(
query Foo {
  dog { name ...Frag }
}
fragment Frag on Dog { name }
)graphql");
}

TEST(ExecutableDefinitionsRuleTest, TypeDefinitionIsNotExecutable) {
  expectErrors(kExecutableDefinitionsRule, R"graphql(
query Foo {
  dog { name }
}
type Cow { name: String }
extend type Dog { color: String }
)graphql",
               {{"The \"Cow\" definition is not executable.", {{5, 1}}},
                {"The \"Dog\" definition is not executable.", {{6, 1}}}});
}

TEST(ExecutableDefinitionsRuleTest, SchemaDefinitionIsNotExecutable) {
  expectErrors(kExecutableDefinitionsRule, R"graphql(
schema { query: Query }
type Query { test: String }
extend schema @directive
)graphql",
               {{"The schema definition is not executable.", {{2, 1}}},
                {"The \"Query\" definition is not executable.", {{3, 1}}},
                {"The schema definition is not executable.", {{4, 1}}}});
}

TEST(UniqueOperationNamesRuleTest, AnonymousOperation) {
  expectValid(kUniqueOperationNamesRule, R"graphql(
{ dog { name } }
)graphql");
}

TEST(UniqueOperationNamesRuleTest, MultipleOperationsOfDifferentNames) {
  expectValid(kUniqueOperationNamesRule, R"graphql(
query Foo { dog { name } }
mutation Bar { setDogName(name: "x") { name } }
subscription Baz { newMessage { body } }
)graphql");
}

TEST(UniqueOperationNamesRuleTest, FragmentAndOperationMayShareAName) {
  expectValid(kUniqueOperationNamesRule, R"graphql(
query Foo { ...Foo }
fragment Foo on QueryRoot { dog { name } }
)graphql");
}

TEST(UniqueOperationNamesRuleTest, OperationsOfSameName) {
  expectErrors(kUniqueOperationNamesRule, R"graphql(
query Foo { dog { name } }
query Foo { cat { name } }
)graphql",
               {{"There can be only one operation named \"Foo\".", {{2, 7}, {3, 7}}}});
}

TEST(UniqueOperationNamesRuleTest, OperationsOfSameNameAndDifferentTypes) {
  expectErrors(kUniqueOperationNamesRule, R"graphql(
query Foo { dog { name } }
mutation Foo { setDogName(name: "x") { name } }
subscription Foo { newMessage { body } }
)graphql",
               {{"There can be only one operation named \"Foo\".", {{2, 7}, {3, 10}}},
                {"There can be only one operation named \"Foo\".", {{2, 7}, {4, 14}}}});
}

TEST(LoneAnonymousOperationRuleTest, OneAnonymousOperation) {
  expectValid(kLoneAnonymousOperationRule, R"graphql(
{ dog { name } }
)graphql");
}

TEST(LoneAnonymousOperationRuleTest, AnonymousOperationWithFragment) {
  expectValid(kLoneAnonymousOperationRule, R"graphql(
{ ...Fields }
fragment Fields on QueryRoot { dog { name } }
)graphql");
}

TEST(LoneAnonymousOperationRuleTest, MultipleNamedOperations) {
  expectValid(kLoneAnonymousOperationRule, R"graphql(
query Foo { dog { name } }
query Bar { cat { name } }
)graphql");
}

TEST(LoneAnonymousOperationRuleTest, AnonymousOperationBesideAnother) {
  expectErrors(kLoneAnonymousOperationRule, R"graphql(
{ dog { name } }
query Bar { cat { name } }
)graphql",
               {{"This anonymous operation must be the only defined operation.", {{2, 1}}}});
}

TEST(LoneAnonymousOperationRuleTest, SeveralAnonymousOperations) {
  expectErrors(kLoneAnonymousOperationRule, R"graphql(
{ dog { name } }
{ cat { name } }
)graphql",
               {{"This anonymous operation must be the only defined operation.", {{2, 1}}},
                {"This anonymous operation must be the only defined operation.", {{3, 1}}}});
}

TEST(LoneAnonymousOperationRuleTest, AnonymousOperationBesideMutation) {
  expectErrors(kLoneAnonymousOperationRule, R"graphql(
{ dog { name } }
mutation Foo { setDogName(name: "x") { name } }
)graphql",
               {{"This anonymous operation must be the only defined operation.", {{2, 1}}}});
}

TEST(UniqueFragmentNamesRuleTest, DistinctFragmentNames) {
  expectValid(kUniqueFragmentNamesRule, R"graphql(
{ dog { ...A ...B } }
fragment A on Dog { name }
fragment B on Dog { nickname }
)graphql");
}

TEST(UniqueFragmentNamesRuleTest, FragmentsOfSameName) {
  expectErrors(kUniqueFragmentNamesRule, R"graphql(
{ dog { ...A } }
fragment A on Dog { name }
fragment A on Dog { nickname }
)graphql",
               {{"There can be only one fragment named \"A\".", {{3, 10}, {4, 10}}}});
}

TEST(UniqueFragmentNamesRuleTest, FragmentsOfSameNameWithoutReferences) {
  expectErrors(kUniqueFragmentNamesRule, R"graphql(
fragment A on Dog { name }
fragment A on Dog { nickname }
fragment A on Dog { barks }
)graphql",
               {{"There can be only one fragment named \"A\".", {{2, 10}, {3, 10}}},
                {"There can be only one fragment named \"A\".", {{2, 10}, {4, 10}}}});
}

TEST(KnownFragmentNamesRuleTest, KnownFragments) {
  expectValid(kKnownFragmentNamesRule, R"graphql(
{
  human(id: 4) {
    ...HumanFields1
    ... on Human { ...HumanFields2 }
    ... { name }
  }
}
fragment HumanFields1 on Human { name ...HumanFields3 }
fragment HumanFields2 on Human { name }
fragment HumanFields3 on Human { name }
)graphql");
}

TEST(KnownFragmentNamesRuleTest, UnknownFragments) {
  expectErrors(kKnownFragmentNamesRule, R"graphql(
{
  human(id: 4) {
    ...UnknownFragment1
    ... on Human { ...UnknownFragment2 }
  }
}
fragment HumanFields on Human {
  name
  ...UnknownFragment3
}
)graphql",
               {{"Unknown fragment \"UnknownFragment1\".", {{4, 8}}},
                {"Unknown fragment \"UnknownFragment2\".", {{5, 23}}},
                {"Unknown fragment \"UnknownFragment3\".", {{10, 6}}}});
}

TEST(NoUnusedFragmentsRuleTest, AllFragmentsUsed) {
  expectValid(kNoUnusedFragmentsRule, R"graphql(
{
  human(id: 4) {
    ...HumanFields1
    ... on Human { ...HumanFields2 }
  }
}
fragment HumanFields1 on Human { name ...HumanFields3 }
fragment HumanFields2 on Human { name }
fragment HumanFields3 on Human { name }
)graphql");
}

TEST(NoUnusedFragmentsRuleTest, FragmentsUsedByMultipleOperations) {
  expectValid(kNoUnusedFragmentsRule, R"graphql(
query Foo { human(id: 4) { ...HumanFields1 } }
query Bar { human(id: 4) { ...HumanFields2 } }
fragment HumanFields1 on Human { name ...HumanFields3 }
fragment HumanFields2 on Human { name }
fragment HumanFields3 on Human { name }
)graphql");
}

TEST(NoUnusedFragmentsRuleTest, UnusedFragments) {
  expectErrors(kNoUnusedFragmentsRule, R"graphql(
query Foo { human(id: 4) { ...HumanFields1 } }
fragment HumanFields1 on Human { name ...HumanFields3 }
fragment HumanFields2 on Human { name }
fragment HumanFields3 on Human { name }
fragment Unused1 on Human { name }
fragment Unused2 on Human { name }
)graphql",
               {{"Fragment \"HumanFields2\" is never used.", {{4, 1}}},
                {"Fragment \"Unused1\" is never used.", {{6, 1}}},
                {"Fragment \"Unused2\" is never used.", {{7, 1}}}});
}

TEST(NoUnusedFragmentsRuleTest, UnusedFragmentsThatReferenceEachOther) {
  expectErrors(kNoUnusedFragmentsRule, R"graphql(
query Foo { human(id: 4) { name } }
fragment Unused1 on Human { name ...Unused2 }
fragment Unused2 on Human { name ...Unused1 }
)graphql",
               {{"Fragment \"Unused1\" is never used.", {{3, 1}}},
                {"Fragment \"Unused2\" is never used.", {{4, 1}}}});
}

TEST(NoUnusedFragmentsRuleTest, UnknownFragmentSpreadDoesNotMatter) {
  expectErrors(kNoUnusedFragmentsRule, R"graphql(
{ human(id: 4) { ...bar } }
fragment foo on Human { name }
)graphql",
               {{"Fragment \"foo\" is never used.", {{3, 1}}}});
}

TEST(NoFragmentCyclesRuleTest, SingleReferenceIsValid) {
  expectValid(kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragB }
fragment fragB on Dog { name }
)graphql");
}

TEST(NoFragmentCyclesRuleTest, SpreadingTwiceIsNotCircular) {
  expectValid(kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragB, ...fragB }
fragment fragB on Dog { name }
)graphql");
}

TEST(NoFragmentCyclesRuleTest, SpreadingTwiceIndirectlyIsNotCircular) {
  expectValid(kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragB, ...fragC }
fragment fragB on Dog { ...fragC }
fragment fragC on Dog { name }
)graphql");
}

TEST(NoFragmentCyclesRuleTest, DoubleSpreadWithinAbstractTypes) {
  expectValid(kNoFragmentCyclesRule, R"graphql(
fragment nameFragment on Pet {
  ... on Dog { name }
  ... on Cat { name }
}
fragment spreadsInAnon on Pet {
  ... on Dog { ...nameFragment }
  ... on Cat { ...nameFragment }
}
)graphql");
}

TEST(NoFragmentCyclesRuleTest, UnknownFragmentIsNotACycle) {
  expectValid(kNoFragmentCyclesRule, R"graphql(
fragment nameFragment on Pet { ...UnknownFragment }
)graphql");
}

TEST(NoFragmentCyclesRuleTest, SpreadingItself) {
  expectErrors(kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragA }
)graphql",
               {{"Cannot spread fragment \"fragA\" within itself.", {{2, 25}}}});
}

TEST(NoFragmentCyclesRuleTest, SpreadingItselfInInlineFragment) {
  expectErrors(kNoFragmentCyclesRule, R"graphql(
fragment fragA on Pet {
  ... on Dog { ...fragA }
}
)graphql",
               {{"Cannot spread fragment \"fragA\" within itself.", {{3, 16}}}});
}

TEST(NoFragmentCyclesRuleTest, SpreadingInACycle) {
  expectErrors(
      kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragB }
fragment fragB on Dog { ...fragA }
)graphql",
      {{"Cannot spread fragment \"fragA\" within itself via \"fragB\".", {{2, 25}, {3, 25}}}});
}

TEST(NoFragmentCyclesRuleTest, SpreadingInACycleReportedOnce) {
  expectErrors(
      kNoFragmentCyclesRule, R"graphql(
fragment fragB on Dog { ...fragA }
fragment fragA on Dog { ...fragB }
)graphql",
      {{"Cannot spread fragment \"fragB\" within itself via \"fragA\".", {{2, 25}, {3, 25}}}});
}

TEST(NoFragmentCyclesRuleTest, SpreadingInADeepCycle) {
  expectErrors(kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragB }
fragment fragB on Dog { ...fragC }
fragment fragC on Dog { ...fragO }
fragment fragX on Dog { ...fragY }
fragment fragY on Dog { ...fragZ }
fragment fragZ on Dog { ...fragO }
fragment fragO on Dog { ...fragP }
fragment fragP on Dog { ...fragA, ...fragX }
)graphql",
               {{"Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\", "
                 "\"fragO\", \"fragP\".",
                 {{2, 25}, {3, 25}, {4, 25}, {8, 25}, {9, 25}}},
                {"Cannot spread fragment \"fragO\" within itself via \"fragP\", \"fragX\", "
                 "\"fragY\", \"fragZ\".",
                 {{8, 25}, {9, 35}, {5, 25}, {6, 25}, {7, 25}}}});
}

TEST(NoFragmentCyclesRuleTest, SpreadingInSeveralCycles) {
  expectErrors(
      kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragB, ...fragC }
fragment fragB on Dog { ...fragA }
fragment fragC on Dog { ...fragA }
)graphql",
      {{"Cannot spread fragment \"fragA\" within itself via \"fragB\".", {{2, 25}, {3, 25}}},
       {"Cannot spread fragment \"fragA\" within itself via \"fragC\".", {{2, 35}, {4, 25}}}});
}

TEST(NoFragmentCyclesRuleTest, SpreadingItselfAndInADeepCycle) {
  expectErrors(
      kNoFragmentCyclesRule, R"graphql(
fragment fragA on Dog { ...fragA }
fragment fragB on Dog { ...fragC }
fragment fragC on Dog { ...fragB, ...fragA, ...fragB }
)graphql",
      {{"Cannot spread fragment \"fragA\" within itself.", {{2, 25}}},
       {"Cannot spread fragment \"fragB\" within itself via \"fragC\".", {{3, 25}, {4, 25}}},
       {"Cannot spread fragment \"fragB\" within itself via \"fragC\".", {{3, 25}, {4, 45}}}});
}

TEST(NoFragmentCyclesRuleTest, CyclesInsideSelections) {
  expectErrors(
      kNoFragmentCyclesRule, R"graphql(
fragment fragA on Human { relatives { ...fragB } }
fragment fragB on Human { relatives { ... on Human { ...fragA } } }
)graphql",
      {{"Cannot spread fragment \"fragA\" within itself via \"fragB\".", {{2, 39}, {3, 54}}}});
}

}  // namespace
}  // namespace mt::api
