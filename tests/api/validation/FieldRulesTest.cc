// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(KnownTypeNamesRuleTest, KnownTypes) {
  expectValid(kKnownTypeNamesRule, R"graphql(
query Foo($var: String, $required: [Int!]!, $introspectionType: __EnumValue) {
  user(id: 4) {
    pets { ... on Pet { name }, ...PetFields, ... { name } }
  }
}
fragment PetFields on Pet { name }
)graphql");
}

TEST(KnownTypeNamesRuleTest, UnknownTypes) {
  expectErrors(kKnownTypeNamesRule, R"graphql(
query Foo($var: [JumbledUpLetters!]!) {
  user(id: 4) {
    name
    pets { ... on Badger { name }, ...PetFields }
  }
}
fragment PetFields on Peat { name }
)graphql",
               {{"Unknown type \"JumbledUpLetters\".", {{2, 18}}},
                {"Unknown type \"Badger\".", {{5, 19}}},
                {"Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", {{8, 23}}}});
}

TEST(KnownTypeNamesRuleTest, SuggestsCloseNames) {
  expectErrors(
      kKnownTypeNamesRule, R"graphql(
query Foo($a: Strin, $b: int, $c: FurColour) { dog { name } }
)graphql",
      {{"Unknown type \"Strin\". Did you mean \"String\"?", {{2, 15}}},
       {"Unknown type \"int\". Did you mean \"Int\", \"Any\", \"Cat\", \"ID\", or \"Pet\"?",
        {{2, 26}}},
       {"Unknown type \"FurColour\". Did you mean \"FurColor\"?", {{2, 35}}}});
}

TEST(KnownTypeNamesRuleTest, TypesDefinedInTheDocumentCountAsKnown) {
  expectValid(kKnownTypeNamesRule, R"graphql(
query Foo($a: Local) { dog { name } }
scalar Local
)graphql");
}

TEST(FragmentsOnCompositeTypesRuleTest, CompositeTypeConditions) {
  expectValid(kFragmentsOnCompositeTypesRule, R"graphql(
fragment validFragment on Dog { barks }
fragment onInterface on Pet { name }
fragment onUnion on CatOrDog { __typename }
fragment inlineObject on Pet { ... on Dog { barks } }
fragment inlineWithoutType on Pet { ... { name } }
)graphql");
}

TEST(FragmentsOnCompositeTypesRuleTest, UnknownTypeIsLeftToKnownTypeNames) {
  expectValid(kFragmentsOnCompositeTypesRule, R"graphql(
fragment f on Unknown { name }
)graphql");
}

TEST(FragmentsOnCompositeTypesRuleTest, ScalarAndEnumConditions) {
  expectErrors(kFragmentsOnCompositeTypesRule, R"graphql(
fragment scalarFragment on Boolean { bad }
fragment enumFragment on FurColor { bad }
)graphql",
               {{"Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".",
                 {{2, 28}}},
                {"Fragment \"enumFragment\" cannot condition on non composite type \"FurColor\".",
                 {{3, 26}}}});
}

TEST(FragmentsOnCompositeTypesRuleTest, InputObjectCondition) {
  expectErrors(
      kFragmentsOnCompositeTypesRule, R"graphql(
fragment inputFragment on ComplexInput { stringField }
)graphql",
      {{"Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\".",
        {{2, 27}}}});
}

TEST(FragmentsOnCompositeTypesRuleTest, InlineFragmentOnScalar) {
  expectErrors(kFragmentsOnCompositeTypesRule, R"graphql(
fragment invalidFragment on Pet {
  ... on String { barks }
}
)graphql",
               {{"Fragment cannot condition on non composite type \"String\".", {{3, 10}}}});
}

TEST(ScalarLeafsRuleTest, ScalarSelection) {
  expectValid(kScalarLeafsRule, R"graphql(
fragment scalarSelection on Dog { barks }
)graphql");
}

TEST(ScalarLeafsRuleTest, ObjectTypeMissingSelection) {
  expectErrors(kScalarLeafsRule, R"graphql(
query directQueryOnObjectWithoutSubFields { human }
)graphql",
               {{"Field \"human\" of type \"Human\" must have a selection of subfields. Did you "
                 "mean \"human { ... }\"?",
                 {{2, 45}}}});
}

TEST(ScalarLeafsRuleTest, InterfaceTypeMissingSelection) {
  expectErrors(kScalarLeafsRule, R"graphql(
{ human { pets } }
)graphql",
               {{"Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you "
                 "mean \"pets { ... }\"?",
                 {{2, 11}}}});
}

TEST(ScalarLeafsRuleTest, NonNullListMissingSelection) {
  expectErrors(kScalarLeafsRule, R"graphql(
{ human { relatives } }
)graphql",
               {{"Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did "
                 "you mean \"relatives { ... }\"?",
                 {{2, 11}}}});
}

TEST(ScalarLeafsRuleTest, ValidScalarSelectionWithArgs) {
  expectValid(kScalarLeafsRule, R"graphql(
fragment scalarSelectionWithArgs on Dog { doesKnowCommand(dogCommand: SIT) }
)graphql");
}

TEST(ScalarLeafsRuleTest, ScalarSelectionNotAllowedOnBoolean) {
  expectErrors(
      kScalarLeafsRule, R"graphql(
fragment scalarSelectionsNotAllowedOnBoolean on Dog {
  barks { sinceWhen }
}
)graphql",
      {{"Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.",
        {{3, 9}}}});
}

TEST(ScalarLeafsRuleTest, ScalarSelectionNotAllowedOnEnum) {
  expectErrors(
      kScalarLeafsRule, R"graphql(
fragment scalarSelectionsNotAllowedOnEnum on Cat {
  furColor { inHexDec }
}
)graphql",
      {{"Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.",
        {{3, 12}}}});
}

TEST(ScalarLeafsRuleTest, ScalarSelectionWithArgsAndDirectives) {
  expectErrors(kScalarLeafsRule, R"graphql(
fragment scalarSelectionsNotAllowedWithDirectivesAndArgs on Dog {
  doesKnowCommand(dogCommand: SIT) @include(if: true) { sinceWhen }
}
)graphql",
               {{"Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has "
                 "no subfields.",
                 {{3, 55}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, ObjectFieldSelection) {
  expectValid(kFieldsOnCorrectTypeRule, R"graphql(
fragment objectFieldSelection on Dog { __typename name }
)graphql");
}

TEST(FieldsOnCorrectTypeRuleTest, AliasedAndInterfaceFields) {
  expectValid(kFieldsOnCorrectTypeRule, R"graphql(
fragment aliasedObjectFieldSelection on Dog { tn: __typename otherName: name }
fragment interfaceFieldSelection on Pet { __typename name }
fragment lyingAliasSelection on Dog { name: nickname }
)graphql");
}

TEST(FieldsOnCorrectTypeRuleTest, UnknownTypeIsIgnored) {
  expectValid(kFieldsOnCorrectTypeRule, R"graphql(
fragment unknownSelection on UnknownType { unknownField }
)graphql");
}

TEST(FieldsOnCorrectTypeRuleTest, ReportsDeepUnknownFieldsOnce) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment typeKnownAgain on Pet {
  unknown_pet_field {
    ... on Cat { unknown_cat_field }
  }
}
)graphql",
               {{"Cannot query field \"unknown_pet_field\" on type \"Pet\".", {{3, 3}}},
                {"Cannot query field \"unknown_cat_field\" on type \"Cat\".", {{4, 18}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, FieldNotDefinedOnFragment) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment fieldNotDefined on Dog { meowVolume }
)graphql",
               {{"Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?",
                 {{2, 35}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, AliasedFieldTargetNotDefined) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment aliasedFieldTargetNotDefined on Dog { volume: mooVolume }
)graphql",
               {{"Cannot query field \"mooVolume\" on type \"Dog\". Did you mean \"barkVolume\"?",
                 {{2, 48}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, NotDefinedOnInterfaceSuggestsTypes) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment definedOnImplementorsButNotInterface on Pet { nickname }
)graphql",
               {{"Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline "
                 "fragment on \"Cat\" or \"Dog\"?",
                 {{2, 56}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, MetaFieldOnUnion) {
  expectValid(kFieldsOnCorrectTypeRule, R"graphql(
fragment directFieldSelectionOnUnion on CatOrDog { __typename }
)graphql");
}

TEST(FieldsOnCorrectTypeRuleTest, DirectFieldOnUnion) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment directFieldSelectionOnUnion on CatOrDog { directField }
)graphql",
               {{"Cannot query field \"directField\" on type \"CatOrDog\".", {{2, 52}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, FieldDefinedOnMembersOfUnion) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment definedOnImplementorsQueriedOnUnion on CatOrDog { name }
)graphql",
               {{"Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline "
                 "fragment on \"Being\", \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?",
                 {{2, 60}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, SuggestionsOrderedAsGraphqlJsOrdersThem) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment f on DogOrHuman { name }
)graphql",
               {{"Cannot query field \"name\" on type \"DogOrHuman\". Did you mean to use an "
                 "inline fragment on \"Being\", \"Canine\", \"Human\", \"Pet\", or \"Dog\"?",
                 {{2, 28}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, FieldOnImplementorsOfAbstractTypes) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
fragment f on HumanOrAlien { iq }
fragment g on Being { iq }
)graphql",
               {{"Cannot query field \"iq\" on type \"HumanOrAlien\". Did you mean to use an "
                 "inline fragment on \"Intelligent\", \"Alien\", or \"Human\"?",
                 {{2, 30}}},
                {"Cannot query field \"iq\" on type \"Being\". Did you mean to use an inline "
                 "fragment on \"Intelligent\", \"Alien\", or \"Human\"?",
                 {{3, 23}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, SchemaAndTypeOnlyOnQueryRoot) {
  expectErrors(kFieldsOnCorrectTypeRule, R"graphql(
{ __schema { queryType { name } } __type(name: "Dog") { name } dog { __schema { types { name } } } }
)graphql",
               {{"Cannot query field \"__schema\" on type \"Dog\".", {{2, 70}}}});
}

TEST(FieldsOnCorrectTypeRuleTest, ValidFieldInInlineFragment) {
  expectValid(kFieldsOnCorrectTypeRule, R"graphql(
fragment objectFieldSelection on Pet {
  ... on Dog { name }
  ... { name }
}
)graphql");
}

TEST(PossibleFragmentSpreadsRuleTest, SameObjectTypes) {
  expectValid(kPossibleFragmentSpreadsRule, R"graphql(
fragment objectWithinObject on Dog { ...dogFragment }
fragment dogFragment on Dog { barkVolume }
fragment objectWithinObjectAnon on Dog { ... on Dog { barkVolume } }
)graphql");
}

TEST(PossibleFragmentSpreadsRuleTest, ObjectsWithinAbstractTypes) {
  expectValid(kPossibleFragmentSpreadsRule, R"graphql(
fragment objectWithinInterface on Pet { ...dogFragment }
fragment objectWithinUnion on CatOrDog { ...dogFragment }
fragment unionWithinObject on Dog { ...catOrDogFragment }
fragment unionWithinInterface on Pet { ...catOrDogFragment }
fragment interfaceWithinObject on Dog { ...petFragment }
fragment interfaceWithinInterface on Pet { ...beingFragment }
fragment unionWithinUnion on DogOrHuman { ...catOrDogFragment }
fragment dogFragment on Dog { barkVolume }
fragment catOrDogFragment on CatOrDog { __typename }
fragment petFragment on Pet { name }
fragment beingFragment on Being { name }
)graphql");
}

TEST(PossibleFragmentSpreadsRuleTest, UnknownTypesAreIgnored) {
  expectValid(kPossibleFragmentSpreadsRule, R"graphql(
fragment f on Dog { ...unknownFragment ... on Unknown { name } ...onUnknown }
fragment onUnknown on Unknown { name }
)graphql");
}

TEST(PossibleFragmentSpreadsRuleTest, DifferentObjectTypes) {
  expectErrors(
      kPossibleFragmentSpreadsRule, R"graphql(
fragment invalidObjectWithinObject on Cat { ...dogFragment }
fragment dogFragment on Dog { barkVolume }
fragment invalidObjectWithinObjectAnon on Cat { ... on Dog { barkVolume } }
)graphql",
      {{"Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of "
        "type \"Dog\".",
        {{2, 45}}},
       {"Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".",
        {{4, 49}}}});
}

TEST(PossibleFragmentSpreadsRuleTest, ObjectOutsideAbstractType) {
  expectErrors(kPossibleFragmentSpreadsRule, R"graphql(
fragment invalidObjectWithinInterface on Pet { ...humanFragment }
fragment invalidObjectWithinUnion on CatOrDog { ...humanFragment }
fragment humanFragment on Human { pets { name } }
fragment invalidInlineWithinUnion on CatOrDog { ... on Human { pets { name } } }
)graphql",
               {{"Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" can "
                 "never be of type \"Human\".",
                 {{2, 48}}},
                {"Fragment \"humanFragment\" cannot be spread here as objects of type \"CatOrDog\" "
                 "can never be of type \"Human\".",
                 {{3, 49}}},
                {"Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of "
                 "type \"Human\".",
                 {{5, 49}}}});
}

TEST(PossibleFragmentSpreadsRuleTest, AbstractTypesThatDoNotOverlap) {
  expectErrors(kPossibleFragmentSpreadsRule, R"graphql(
fragment invalidUnionWithinObject on Human { ...catOrDogFragment }
fragment invalidUnionWithinUnion on CatOrDog { ...humanOrAlienFragment }
fragment invalidInterfaceWithinUnion on HumanOrAlien { ...petFragment }
fragment invalidInterfaceWithinInterface on Pet { ...intelligentFragment }
fragment catOrDogFragment on CatOrDog { __typename }
fragment humanOrAlienFragment on HumanOrAlien { __typename }
fragment petFragment on Pet { name }
fragment intelligentFragment on Intelligent { iq }
)graphql",
               {{"Fragment \"catOrDogFragment\" cannot be spread here as objects of type \"Human\" "
                 "can never be of type \"CatOrDog\".",
                 {{2, 46}}},
                {"Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type "
                 "\"CatOrDog\" can never be of type \"HumanOrAlien\".",
                 {{3, 48}}},
                {"Fragment \"petFragment\" cannot be spread here as objects of type "
                 "\"HumanOrAlien\" can never be of type \"Pet\".",
                 {{4, 56}}},
                {"Fragment \"intelligentFragment\" cannot be spread here as objects of type "
                 "\"Pet\" can never be of type \"Intelligent\".",
                 {{5, 51}}}});
}

TEST(PossibleFragmentSpreadsRuleTest, InterfaceImplementingInterface) {
  expectErrors(kPossibleFragmentSpreadsRule, R"graphql(
fragment canineWithinPet on Pet { ... on Canine { name } }
fragment beingWithinCanine on Canine { ... on Being { name } }
fragment mammalWithinCat on Cat { ... on Mammal { mother { __typename } } }
)graphql",
               {{"Fragment cannot be spread here as objects of type \"Cat\" can never be of type "
                 "\"Mammal\".",
                 {{4, 35}}}});
}

TEST(MaxIntrospectionDepthRuleTest, ShallowIntrospection) {
  expectValid(kMaxIntrospectionDepthRule, R"graphql(
{
  __schema {
    types { fields { type { name } } interfaces { name } }
  }
  __type(name: "Dog") { fields { type { fields { name } } } }
}
)graphql");
}

TEST(MaxIntrospectionDepthRuleTest, ListsThreeDeep) {
  expectErrors(kMaxIntrospectionDepthRule, R"graphql(
{
  __schema {
    types { fields { type { fields { type { fields { name } } } } } }
  }
}
)graphql",
               {{"Maximum introspection depth exceeded", {{3, 3}}}});
}

TEST(MaxIntrospectionDepthRuleTest, ListsThreeDeepThroughFragments) {
  expectErrors(kMaxIntrospectionDepthRule, R"graphql(
query {
  __type(name: "Dog") { ...Fields }
  dog { name }
}
fragment Fields on __Type { fields { type { ...More } } }
fragment More on __Type { interfaces { possibleTypes { name } } }
)graphql",
               {{"Maximum introspection depth exceeded", {{3, 3}}}});
}

TEST(MaxIntrospectionDepthRuleTest, InputFieldsCount) {
  expectErrors(kMaxIntrospectionDepthRule, R"graphql(
{ __type(name: "ComplexInput") { inputFields { type { inputFields { type { inputFields { name } } } } } } }
)graphql",
               {{"Maximum introspection depth exceeded", {{2, 3}}}});
}

TEST(MaxIntrospectionDepthRuleTest, CyclicFragmentsDoNotHang) {
  expectValid(kMaxIntrospectionDepthRule, R"graphql(
{ __schema { types { ...A } } }
fragment A on __Type { ofType { ...B } }
fragment B on __Type { ofType { ...A } }
)graphql");
}

}  // namespace
}  // namespace mt::api
