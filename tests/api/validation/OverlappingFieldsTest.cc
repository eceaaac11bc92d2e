// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(OverlappingFieldsCanBeMergedRuleTest, UniqueFields) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment uniqueFields on Dog { name nickname }
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, IdenticalFields) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment mergeIdenticalFields on Dog { name name }
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, IdenticalFieldsWithIdenticalArgs) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand(dogCommand: SIT)
}
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, IdenticalFieldsWithDifferentDirectives) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment mergeSameFieldsWithSameDirectives on Dog {
  name @include(if: true)
  name @include(if: false)
  name @skip(if: true)
}
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DifferentArgsWithDifferentAliases) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment differentArgsWithDifferentAliases on Dog {
  knowsSit: doesKnowCommand(dogCommand: SIT)
  knowsDown: doesKnowCommand(dogCommand: DOWN)
}
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, SameAliasesWithDifferentFieldTargets) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment sameAliasesWithDifferentFieldTargets on Dog {
  fido: name
  fido: nickname
}
)graphql",
               {{"Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. "
                 "Use different aliases on the fields to fetch both if this was intentional.",
                 {{3, 3}, {4, 3}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, SameAliasesOnNonOverlappingFields) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment sameAliasesWithDifferentFieldTargets on Pet {
  ... on Dog { name }
  ... on Cat { name: nickname }
}
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, AliasMaskingDirectFieldAccess) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment aliasMaskingDirectFieldAccess on Dog {
  name: nickname
  name
}
)graphql",
               {{"Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. "
                 "Use different aliases on the fields to fetch both if this was intentional.",
                 {{3, 3}, {4, 3}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DifferentArgs) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment conflictingArgs on Dog {
  a: doesKnowCommand
  a: doesKnowCommand(dogCommand: HEEL)
  b: doesKnowCommand(dogCommand: SIT)
  b: doesKnowCommand
  c: doesKnowCommand(dogCommand: SIT)
  c: doesKnowCommand(dogCommand: HEEL)
  d: isAtLocation(x: 0)
  d: isAtLocation(y: 0)
}
)graphql",
               {{"Fields \"a\" conflict because they have differing arguments. Use different "
                 "aliases on the fields to fetch both if this was intentional.",
                 {{3, 3}, {4, 3}}},
                {"Fields \"b\" conflict because they have differing arguments. Use different "
                 "aliases on the fields to fetch both if this was intentional.",
                 {{5, 3}, {6, 3}}},
                {"Fields \"c\" conflict because they have differing arguments. Use different "
                 "aliases on the fields to fetch both if this was intentional.",
                 {{7, 3}, {8, 3}}},
                {"Fields \"d\" conflict because they have differing arguments. Use different "
                 "aliases on the fields to fetch both if this was intentional.",
                 {{9, 3}, {10, 3}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DifferentArgsWhereNoConflictIsPossible) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
fragment conflictingArgs on Pet {
  ... on Dog { name(surname: true) }
  ... on Cat { name }
}
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, ArgumentOrderAndValueSpelling) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someField(a: null, b: null)
  someField(b: null, a: null)
  s1: someField(arg: { a: null, b: null })
  s1: someField(arg: { b: null, a: null })
  s2: someField(a: "x")
  s2: someField(a: """x""")
  s3: someField(a: $v)
  s3: someField(a: $w)
}
)graphql",
               {{"Fields \"s2\" conflict because they have differing arguments. Use different "
                 "aliases on the fields to fetch both if this was intentional.",
                 {{7, 3}, {8, 3}}},
                {"Fields \"s3\" conflict because they have differing arguments. Use different "
                 "aliases on the fields to fetch both if this was intentional.",
                 {{9, 3}, {10, 3}}}},
               boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, ConflictInFragments) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{ ...A ...B }
fragment A on Type { x: a }
fragment B on Type { x: b }
)graphql",
               {{"Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use "
                 "different aliases on the fields to fetch both if this was intentional.",
                 {{3, 22}, {4, 22}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, EachConflictReportedOnce) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  f1 { ...A ...B }
  f2 { ...B ...A }
  f3 { ...A ...B x: c }
}
fragment A on Type { x: a }
fragment B on Type { x: b }
)graphql",
               {{"Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use "
                 "different aliases on the fields to fetch both if this was intentional.",
                 {{7, 22}, {8, 22}}},
                {"Fields \"x\" conflict because \"c\" and \"a\" are different fields. Use "
                 "different aliases on the fields to fetch both if this was intentional.",
                 {{5, 18}, {7, 22}}},
                {"Fields \"x\" conflict because \"c\" and \"b\" are different fields. Use "
                 "different aliases on the fields to fetch both if this was intentional.",
                 {{5, 18}, {8, 22}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DeepConflict) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  field { x: a }
  field { x: b }
}
)graphql",
               {{"Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and "
                 "\"b\" are different fields. Use different aliases on the fields to fetch both if "
                 "this was intentional.",
                 {{3, 3}, {3, 11}, {4, 3}, {4, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DeepConflictWithMultipleIssues) {
  expectErrors(
      kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  field { x: a y: c }
  field { x: b y: d }
}
)graphql",
      {{"Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are "
        "different fields and subfields \"y\" conflict because \"c\" and \"d\" are different "
        "fields. Use different aliases on the fields to fetch both if this was intentional.",
        {{3, 3}, {3, 11}, {3, 16}, {4, 3}, {4, 11}, {4, 16}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, VeryDeepConflict) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  field { deepField { x: a } }
  field { deepField { x: b } }
}
)graphql",
               {{"Fields \"field\" conflict because subfields \"deepField\" conflict because "
                 "subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use "
                 "different aliases on the fields to fetch both if this was intentional.",
                 {{3, 3}, {3, 11}, {3, 23}, {4, 3}, {4, 11}, {4, 23}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DeepConflictToNearestCommonAncestor) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  field {
    deepField { x: a }
    deepField { x: b }
  }
  field { deepField { y } }
}
)graphql",
               {{"Fields \"deepField\" conflict because subfields \"x\" conflict because \"a\" and "
                 "\"b\" are different fields. Use different aliases on the fields to fetch both if "
                 "this was intentional.",
                 {{4, 5}, {4, 17}, {5, 5}, {5, 17}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DeepConflictInFragments) {
  expectErrors(
      kOverlappingFieldsCanBeMergedRule, R"graphql(
{ field { ...F } field { ...I } }
fragment F on T { x: a ...G }
fragment G on T { y: c }
fragment I on T { y: d ...J }
fragment J on T { x: b }
)graphql",
      {{"Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are "
        "different fields and subfields \"y\" conflict because \"c\" and \"d\" are different "
        "fields. Use different aliases on the fields to fetch both if this was intentional.",
        {{2, 3}, {3, 19}, {4, 19}, {2, 18}, {6, 19}, {5, 19}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, IgnoresUnknownFragments) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
{ field ...Unknown ...Known }
fragment Known on T { field ...OtherUnknown }
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, ConflictingReturnTypesWhichPotentiallyOverlap) {
  expectErrors(
      kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ...on IntBox { scalar }
    ...on NonNullStringBox1 { scalar }
  }
}
)graphql",
      {{"Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String!\". "
        "Use different aliases on the fields to fetch both if this was intentional.",
        {{4, 20}, {5, 31}}}},
      boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, CompatibleReturnShapesOnDifferentReturnTypes) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on SomeBox { deepBox { unrelatedField } }
    ... on StringBox { deepBox { unrelatedField } }
  }
}
)graphql",
              boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DisallowsDifferingReturnTypesDespiteNoOverlap) {
  expectErrors(
      kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on IntBox { scalar }
    ... on StringBox { scalar }
  }
}
)graphql",
      {{"Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String\". "
        "Use different aliases on the fields to fetch both if this was intentional.",
        {{4, 21}, {5, 24}}}},
      boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DisallowsDifferingReturnTypeNullability) {
  expectErrors(
      kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on NonNullStringBox1 { scalar }
    ... on StringBox { scalar }
  }
}
)graphql",
      {{"Fields \"scalar\" conflict because they return conflicting types \"String!\" and "
        "\"String\". Use different aliases on the fields to fetch both if this was intentional.",
        {{4, 32}, {5, 24}}}},
      boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DisallowsDifferingReturnTypeListDespiteNoOverlap) {
  expectErrors(
      kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on IntBox { box: listStringBox { scalar } }
    ... on StringBox { box: stringBox { scalar } }
  }
}
)graphql",
      {{"Fields \"box\" conflict because they return conflicting types \"[StringBox]\" and "
        "\"StringBox\". Use different aliases on the fields to fetch both if this was intentional.",
        {{4, 21}, {5, 24}}}},
      boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, DisallowsDifferingDeepReturnTypesDespiteNoOverlap) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on IntBox { box: stringBox { scalar } }
    ... on StringBox { box: intBox { scalar } }
  }
}
)graphql",
               {{"Fields \"box\" conflict because subfields \"scalar\" conflict because they "
                 "return conflicting types \"String\" and \"Int\". Use different aliases on the "
                 "fields to fetch both if this was intentional.",
                 {{4, 21}, {4, 38}, {5, 24}, {5, 38}}}},
               boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, AllowsNonConflictingOverlappingTypes) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on IntBox { scalar: unrelatedField }
    ... on StringBox { scalar }
  }
}
)graphql",
              boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, SameWrappedScalarReturnTypes) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ...on NonNullStringBox1 { scalar }
    ...on NonNullStringBox2 { scalar }
  }
}
)graphql",
              boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, ComparesDeepTypesIncludingList) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  connection {
    ...edgeID
    edges { node { id: name } }
  }
}
fragment edgeID on Connection { edges { node { id } } }
)graphql",
               {{"Fields \"edges\" conflict because subfields \"node\" conflict because subfields "
                 "\"id\" conflict because \"name\" and \"id\" are different fields. Use different "
                 "aliases on the fields to fetch both if this was intentional.",
                 {{5, 5}, {5, 13}, {5, 20}, {8, 33}, {8, 41}, {8, 48}}}},
               boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, TypenameOnExclusiveTypes) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on IntBox { a: __typename }
    ... on StringBox { a: scalar }
  }
}
)graphql",
              boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, MutuallyExclusiveParentsThroughFragments) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  someBox {
    ... on IntBox { ...X }
    ... on StringBox { ...Y }
  }
}
fragment X on IntBox { deepBox { a: unrelatedField } }
fragment Y on StringBox { deepBox { a: scalar } }
)graphql",
              boxSchema());
}

TEST(OverlappingFieldsCanBeMergedRuleTest, FragmentSpreadTwiceAndSelfReference) {
  expectValid(kOverlappingFieldsCanBeMergedRule, R"graphql(
{
  dog { ...A ...A }
}
fragment A on Dog { name ...A x: nickname }
)graphql");
}

TEST(OverlappingFieldsCanBeMergedRuleTest, NestedFragmentPairsComparedBothWays) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{ field { ...A } field { ...B } }
fragment A on T { ...C }
fragment B on T { ...D }
fragment C on T { x: a }
fragment D on T { x: b }
)graphql",
               {{"Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and "
                 "\"b\" are different fields. Use different aliases on the fields to fetch both if "
                 "this was intentional.",
                 {{2, 3}, {5, 19}, {2, 18}, {6, 19}}}});
}

TEST(OverlappingFieldsCanBeMergedRuleTest, InlineFragmentAloneIsCompared) {
  expectErrors(kOverlappingFieldsCanBeMergedRule, R"graphql(
{ dog { ... { name: nickname name } } }
)graphql",
               {{"Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. "
                 "Use different aliases on the fields to fetch both if this was intentional.",
                 {{2, 15}, {2, 30}}}});
}

}  // namespace
}  // namespace mt::api
