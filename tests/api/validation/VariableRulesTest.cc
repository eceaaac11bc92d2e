// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(UniqueVariableNamesRuleTest, DistinctVariables) {
  expectValid(kUniqueVariableNamesRule, R"graphql(
query A($x: Int, $y: String) { __typename }
query B($x: String, $y: Int) { __typename }
)graphql");
}

TEST(UniqueVariableNamesRuleTest, DuplicateVariables) {
  expectErrors(kUniqueVariableNamesRule, R"graphql(
query A($x: Int, $x: Int, $x: String) { __typename }
query B($x: String, $x: Int) { __typename }
query C($x: Int, $x: Int) { __typename }
)graphql",
               {{"There can be only one variable named \"$x\".", {{2, 10}, {2, 19}, {2, 28}}},
                {"There can be only one variable named \"$x\".", {{3, 10}, {3, 22}}},
                {"There can be only one variable named \"$x\".", {{4, 10}, {4, 19}}}});
}

TEST(VariablesAreInputTypesRuleTest, UnknownTypesAreIgnored) {
  expectValid(kVariablesAreInputTypesRule, R"graphql(
query Foo($a: Unknown, $b: [[Unknown!]]!, $c: Unknown!) { field(a: $a, b: $b, c: $c) }
)graphql");
}

TEST(VariablesAreInputTypesRuleTest, InputTypes) {
  expectValid(kVariablesAreInputTypesRule, R"graphql(
query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput, $d: FurColor, $e: [[Any]]) {
  field(a: $a, b: $b, c: $c, d: $d, e: $e)
}
)graphql");
}

TEST(VariablesAreInputTypesRuleTest, OutputTypes) {
  expectErrors(kVariablesAreInputTypesRule, R"graphql(
query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { field(a: $a, b: $b, c: $c) }
)graphql",
               {{"Variable \"$a\" cannot be non-input type \"Dog\".", {{2, 15}}},
                {"Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", {{2, 24}}},
                {"Variable \"$c\" cannot be non-input type \"Pet\".", {{2, 44}}}});
}

TEST(NoUndefinedVariablesRuleTest, AllVariablesDefined) {
  expectValid(kNoUndefinedVariablesRule, R"graphql(
query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }
)graphql");
}

TEST(NoUndefinedVariablesRuleTest, VariablesInDeepPlaces) {
  expectValid(kNoUndefinedVariablesRule, R"graphql(
query Foo($a: String, $b: String, $c: String) {
  field(a: $a) { field(b: $b) { field(c: $c) } }
}
)graphql");
}

TEST(NoUndefinedVariablesRuleTest, VariablesInFragmentsDefinedLater) {
  expectValid(kNoUndefinedVariablesRule, R"graphql(
query Foo($a: String, $b: String, $c: String) { ...FragA }
fragment FragA on Type { field(a: $a) { ...FragB } }
fragment FragB on Type { field(b: $b) { ...FragC } }
fragment FragC on Type { field(c: $c) }
)graphql");
}

TEST(NoUndefinedVariablesRuleTest, UndefinedVariable) {
  expectErrors(kNoUndefinedVariablesRule, R"graphql(
query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c, d: $d) }
)graphql",
               {{"Variable \"$d\" is not defined by operation \"Foo\".", {{2, 79}, {2, 1}}}});
}

TEST(NoUndefinedVariablesRuleTest, UndefinedVariableInAnonymousOperation) {
  expectErrors(kNoUndefinedVariablesRule, R"graphql(
{ field(a: $a) }
)graphql",
               {{"Variable \"$a\" is not defined.", {{2, 12}, {2, 1}}}});
}

TEST(NoUndefinedVariablesRuleTest, UndefinedVariablesInFragments) {
  expectErrors(kNoUndefinedVariablesRule, R"graphql(
query Foo($b: String) { ...FragA }
fragment FragA on Type { field(a: $a) { ...FragB } }
fragment FragB on Type { field(b: $b) { ...FragC } }
fragment FragC on Type { field(c: $c) }
)graphql",
               {{"Variable \"$a\" is not defined by operation \"Foo\".", {{3, 35}, {2, 1}}},
                {"Variable \"$c\" is not defined by operation \"Foo\".", {{5, 35}, {2, 1}}}});
}

TEST(NoUndefinedVariablesRuleTest, UndefinedVariablesInFragmentUsedByTwoOperations) {
  expectErrors(kNoUndefinedVariablesRule, R"graphql(
query Foo($b: String) { ...FragA }
query Bar($a: String) { ...FragB }
fragment FragA on Type { field(a: $a) }
fragment FragB on Type { field(b: $b) }
)graphql",
               {{"Variable \"$a\" is not defined by operation \"Foo\".", {{4, 35}, {2, 1}}},
                {"Variable \"$b\" is not defined by operation \"Bar\".", {{5, 35}, {3, 1}}}});
}

TEST(NoUndefinedVariablesRuleTest, ErrorsKeepOperationOrderAcrossRules) {
  expectErrors(kNoUndefinedVariablesRule, R"graphql(
query Foo { field(a: $a) }
fragment Unused on Type { field(b: $b) }
query Bar { field(c: $c) ...Later }
fragment Later on Type { field(d: $d) }
)graphql",
               {{"Variable \"$a\" is not defined by operation \"Foo\".", {{2, 22}, {2, 1}}},
                {"Variable \"$c\" is not defined by operation \"Bar\".", {{4, 22}, {4, 1}}},
                {"Variable \"$d\" is not defined by operation \"Bar\".", {{5, 35}, {4, 1}}}});
}

TEST(NoUndefinedVariablesRuleTest, VariablesInDirectives) {
  expectErrors(kNoUndefinedVariablesRule, R"graphql(
query Foo($a: Boolean) { field @include(if: $a) @skip(if: $b) }
)graphql",
               {{"Variable \"$b\" is not defined by operation \"Foo\".", {{2, 59}, {2, 1}}}});
}

TEST(NoUnusedVariablesRuleTest, AllVariablesUsed) {
  expectValid(kNoUnusedVariablesRule, R"graphql(
query ($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }
)graphql");
}

TEST(NoUnusedVariablesRuleTest, VariablesUsedInFragments) {
  expectValid(kNoUnusedVariablesRule, R"graphql(
query Foo($a: String, $b: String, $c: String) { ...FragA }
fragment FragA on Type { field(a: $a) { ...FragB } }
fragment FragB on Type { field(b: $b) { ...FragC } }
fragment FragC on Type { field(c: $c) }
)graphql");
}

TEST(NoUnusedVariablesRuleTest, UnusedVariables) {
  expectErrors(kNoUnusedVariablesRule, R"graphql(
query ($a: String, $b: String, $c: String) { field(a: $a, b: $b) }
query Foo($d: String, $e: String) { ...FragA }
fragment FragA on Type { field(e: $e) }
)graphql",
               {{"Variable \"$c\" is never used.", {{2, 32}}},
                {"Variable \"$d\" is never used in operation \"Foo\".", {{3, 11}}}});
}

TEST(NoUnusedVariablesRuleTest, VariableUsedOnlyByAnotherOperationsFragment) {
  expectErrors(kNoUnusedVariablesRule, R"graphql(
query Foo($b: String) { ...FragA }
query Bar($a: String) { ...FragB }
fragment FragA on Type { field(a: $a) }
fragment FragB on Type { field(b: $b) }
)graphql",
               {{"Variable \"$b\" is never used in operation \"Foo\".", {{2, 11}}},
                {"Variable \"$a\" is never used in operation \"Bar\".", {{3, 11}}}});
}

TEST(NoUnusedVariablesRuleTest, VariableInOwnDefaultIsNotAUse) {
  expectErrors(kNoUnusedVariablesRule, R"graphql(
query Foo($a: String, $b: ComplexInput = {requiredField: true}) { field(a: $a) }
)graphql",
               {{"Variable \"$b\" is never used in operation \"Foo\".", {{2, 23}}}});
}

TEST(VariablesInAllowedPositionRuleTest, BooleanIntoBoolean) {
  expectValid(kVariablesInAllowedPositionRule, R"graphql(
query Query($booleanArg: Boolean) {
  complicatedArgs { booleanArgField(booleanArg: $booleanArg) }
}
)graphql");
}

TEST(VariablesInAllowedPositionRuleTest, BooleanIntoBooleanWithinFragment) {
  expectValid(kVariablesInAllowedPositionRule, R"graphql(
fragment booleanArgFrag on ComplicatedArgs { booleanArgField(booleanArg: $booleanArg) }
query Query($booleanArg: Boolean) { complicatedArgs { ...booleanArgFrag } }
)graphql");
}

TEST(VariablesInAllowedPositionRuleTest, NonNullIntoNullable) {
  expectValid(kVariablesInAllowedPositionRule, R"graphql(
query Query($nonNullBooleanArg: Boolean!, $stringListVar: [String!]) {
  complicatedArgs {
    booleanArgField(booleanArg: $nonNullBooleanArg)
    stringListArgField(stringListArg: $stringListVar)
  }
}
)graphql");
}

TEST(VariablesInAllowedPositionRuleTest, ItemPositions) {
  expectValid(kVariablesInAllowedPositionRule, R"graphql(
query Query($stringVar: String, $complexVar: ComplexInput) {
  complicatedArgs {
    stringListArgField(stringListArg: [$stringVar])
    complexArgField(complexArg: $complexVar)
    c2: complexArgField(complexArg: {requiredField: true, stringField: $stringVar})
  }
}
)graphql");
}

TEST(VariablesInAllowedPositionRuleTest, NullableIntoNonNullWithDefaults) {
  expectErrors(
      kVariablesInAllowedPositionRule, R"graphql(
query Query($intVar: Int = 1, $boolVar: Boolean) {
  complicatedArgs { nonNullIntArgField(nonNullIntArg: $intVar) }
  dog @include(if: $boolVar) { isHouseTrained(atOtherHomes: $boolVar) }
  complicatedArgs { nonNullFieldWithDefault(arg: $intVar) }
}
)graphql",
      {{"Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Boolean!\".",
        {{2, 31}, {4, 20}}}});
}

TEST(VariablesInAllowedPositionRuleTest, IntIntoNonNullInt) {
  expectErrors(kVariablesInAllowedPositionRule, R"graphql(
query Query($intArg: Int) {
  complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
}
)graphql",
               {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".",
                 {{2, 13}, {3, 55}}}});
}

TEST(VariablesInAllowedPositionRuleTest, IntIntoNonNullIntWithinNestedFragment) {
  expectErrors(kVariablesInAllowedPositionRule, R"graphql(
fragment outerFrag on ComplicatedArgs { ...nonNullIntArgFieldFrag }
fragment nonNullIntArgFieldFrag on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
query Query($intArg: Int) { complicatedArgs { ...outerFrag } }
)graphql",
               {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".",
                 {{4, 13}, {3, 88}}}});
}

TEST(VariablesInAllowedPositionRuleTest, StringIntoListsAndBack) {
  expectErrors(
      kVariablesInAllowedPositionRule, R"graphql(
query Query($stringVar: String, $stringListVar: [String]) {
  complicatedArgs {
    stringListArgField(stringListArg: $stringVar)
    stringArgField(stringArg: $stringListVar)
    stringListNonNullArgField(stringListNonNullArg: $stringListVar)
  }
}
)graphql",
      {{"Variable \"$stringVar\" of type \"String\" used in position expecting type \"[String]\".",
        {{2, 13}, {4, 39}}},
       {"Variable \"$stringListVar\" of type \"[String]\" used in position expecting type "
        "\"String\".",
        {{2, 33}, {5, 31}}},
       {"Variable \"$stringListVar\" of type \"[String]\" used in position expecting type "
        "\"[String!]\".",
        {{2, 33}, {6, 53}}}});
}

TEST(VariablesInAllowedPositionRuleTest, NullableIntoDirective) {
  expectErrors(
      kVariablesInAllowedPositionRule, R"graphql(
query Query($boolVar: Boolean, $nullDefault: Boolean = null) {
  dog @include(if: $boolVar) { name @skip(if: $nullDefault) }
}
)graphql",
      {{"Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Boolean!\".",
        {{2, 13}, {3, 20}}},
       {"Variable \"$nullDefault\" of type \"Boolean\" used in position expecting type "
        "\"Boolean!\".",
        {{2, 32}, {3, 47}}}});
}

TEST(VariablesInAllowedPositionRuleTest, WrongTypeIntoDirective) {
  expectErrors(
      kVariablesInAllowedPositionRule, R"graphql(
query Query($stringVar: String) { dog @include(if: $stringVar) { name } }
)graphql",
      {{"Variable \"$stringVar\" of type \"String\" used in position expecting type \"Boolean!\".",
        {{2, 13}, {2, 52}}}});
}

TEST(VariablesInAllowedPositionRuleTest, NullableIntoOneOfField) {
  expectErrors(kVariablesInAllowedPositionRule, R"graphql(
query Query($string: String, $int: Int!) {
  complicatedArgs {
    a: oneOfArgField(oneOfArg: {stringField: $string})
    b: oneOfArgField(oneOfArg: {intField: $int})
  }
}
)graphql",
               {{"Variable \"$string\" is of type \"String\" but must be non-nullable to be used "
                 "for OneOf Input Object \"OneOfInput\".",
                 {{2, 13}, {4, 46}}}});
}

TEST(VariablesInAllowedPositionRuleTest, UndefinedAndUnknownVariablesAreIgnored) {
  expectValid(kVariablesInAllowedPositionRule, R"graphql(
query Query($unknownTyped: Unknown) {
  complicatedArgs { intArgField(intArg: $unknownTyped) stringArgField(stringArg: $undefined) }
}
)graphql");
}

}  // namespace
}  // namespace mt::api
