// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(ValidateTest, ValidQueryWithFragmentsAndVariables) {
  expectValid(specifiedRules(), R"graphql(
query Pets($id: ID, $withNames: Boolean = true, $command: DogCommand!) {
  human(id: $id) {
    name @include(if: $withNames)
    pets { ...PetFields ... on Dog { doesKnowCommand(dogCommand: $command) } }
    relatives { name iq }
  }
  catOrDog { __typename ... on Cat { furColor } }
}
fragment PetFields on Pet { name ... on Cat { meows } ... on Dog { barks } }
)graphql");
}

TEST(ValidateTest, ErrorsFromSeveralRulesInGraphqlJsOrder) {
  expectErrors(
      specifiedRules(), R"graphql(
query Q($unused: Int, $x: String) {
  dog { unknownField name(surname: $x) doesKnowCommand(dogCommand: JUMP) ...Missing }
  cat { meows { deeper } }
  human @skip { name }
}
fragment Unused on Dog { name }
)graphql",
      {{"Cannot query field \"unknownField\" on type \"Dog\".", {{3, 9}}},
       {"Value \"JUMP\" does not exist in \"DogCommand\" enum.", {{3, 68}}},
       {"Unknown fragment \"Missing\".", {{3, 77}}},
       {"Field \"meows\" must not have a selection since type \"Boolean\" has no subfields.",
        {{4, 15}}},
       {"Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not "
        "provided.",
        {{5, 9}}},
       {"Variable \"$unused\" is never used in operation \"Q\".", {{2, 9}}},
       {"Variable \"$x\" of type \"String\" used in position expecting type \"Boolean\".",
        {{2, 23}, {3, 36}}},
       {"Fragment \"Unused\" is never used.", {{7, 1}}}});
}

TEST(ValidateTest, IntrospectionQueryIsValid) {
  expectValid(specifiedRules(), R"graphql(
query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
}
)graphql");
}

}  // namespace
}  // namespace mt::api
