// Each document's expected errors are graphql-js 16.15's, verbatim (messages, order
// and locations); see ValidationHarness.h for how documents are written.

#include "SpecifiedRules.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

TEST(ValuesOfCorrectTypeRuleTest, GoodLiterals) {
  expectValid(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    intArgField(intArg: -2147483648)
    a: intArgField(intArg: 2147483647)
    booleanArgField(booleanArg: true)
    stringArgField(stringArg: "foo")
    b: stringArgField(stringArg: """block""")
    floatArgField(floatArg: 1.1)
    c: floatArgField(floatArg: 1)
    idArgField(idArg: "someIdString")
    d: idArgField(idArg: 1)
    enumArgField(enumArg: NO_FUR)
    e: enumArgField(enumArg: null)
    anyArgField(anyArg: {a: [1, "x", $v, null], b: SOME_ENUM})
  }
  dog { doesKnowCommand(dogCommand: SIT) }
}
)graphql");
}

TEST(ValuesOfCorrectTypeRuleTest, BadIntLiterals) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: intArgField(intArg: "3")
    b: intArgField(intArg: 2147483648)
    c: intArgField(intArg: -2147483649)
    d: intArgField(intArg: 3.0)
    e: intArgField(intArg: FOUR)
    f: intArgField(intArg: true)
  }
}
)graphql",
               {{"Int cannot represent non-integer value: \"3\"", {{4, 28}}},
                {"Int cannot represent non 32-bit signed integer value: 2147483648", {{5, 28}}},
                {"Int cannot represent non 32-bit signed integer value: -2147483649", {{6, 28}}},
                {"Int cannot represent non-integer value: 3.0", {{7, 28}}},
                {"Int cannot represent non-integer value: FOUR", {{8, 28}}},
                {"Int cannot represent non-integer value: true", {{9, 28}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, BadFloatLiterals) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: floatArgField(floatArg: "3.333")
    b: floatArgField(floatArg: true)
    c: floatArgField(floatArg: FOUR)
  }
}
)graphql",
               {{"Float cannot represent non numeric value: \"3.333\"", {{4, 32}}},
                {"Float cannot represent non numeric value: true", {{5, 32}}},
                {"Float cannot represent non numeric value: FOUR", {{6, 32}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, BadStringLiterals) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: stringArgField(stringArg: 1)
    b: stringArgField(stringArg: 1.5)
    c: stringArgField(stringArg: true)
    d: stringArgField(stringArg: BAR)
  }
}
)graphql",
               {{"String cannot represent a non string value: 1", {{4, 34}}},
                {"String cannot represent a non string value: 1.5", {{5, 34}}},
                {"String cannot represent a non string value: true", {{6, 34}}},
                {"String cannot represent a non string value: BAR", {{7, 34}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, BadBooleanLiterals) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: booleanArgField(booleanArg: 2)
    b: booleanArgField(booleanArg: 1.0)
    c: booleanArgField(booleanArg: "true")
    d: booleanArgField(booleanArg: TRUE)
  }
}
)graphql",
               {{"Boolean cannot represent a non boolean value: 2", {{4, 36}}},
                {"Boolean cannot represent a non boolean value: 1.0", {{5, 36}}},
                {"Boolean cannot represent a non boolean value: \"true\"", {{6, 36}}},
                {"Boolean cannot represent a non boolean value: TRUE", {{7, 36}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, BadIdLiterals) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: idArgField(idArg: 1.0)
    b: idArgField(idArg: true)
    c: idArgField(idArg: SOMETHING)
  }
}
)graphql",
               {{"ID cannot represent a non-string and non-integer value: 1.0", {{4, 26}}},
                {"ID cannot represent a non-string and non-integer value: true", {{5, 26}}},
                {"ID cannot represent a non-string and non-integer value: SOMETHING", {{6, 26}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, BadEnumLiterals) {
  expectErrors(
      kValuesOfCorrectTypeRule, R"graphql(
{
  dog {
    a: doesKnowCommand(dogCommand: 2)
    b: doesKnowCommand(dogCommand: 1.0)
    c: doesKnowCommand(dogCommand: "SIT")
    d: doesKnowCommand(dogCommand: true)
    e: doesKnowCommand(dogCommand: JUGGLE)
    f: doesKnowCommand(dogCommand: sit)
    g: doesKnowCommand(dogCommand: [SIT])
  }
}
)graphql",
      {{"Enum \"DogCommand\" cannot represent non-enum value: 2.", {{4, 36}}},
       {"Enum \"DogCommand\" cannot represent non-enum value: 1.0.", {{5, 36}}},
       {"Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value "
        "\"SIT\"?",
        {{6, 36}}},
       {"Enum \"DogCommand\" cannot represent non-enum value: true.", {{7, 36}}},
       {"Value \"JUGGLE\" does not exist in \"DogCommand\" enum.", {{8, 36}}},
       {"Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"?",
        {{9, 36}}},
       {"Enum \"DogCommand\" cannot represent non-enum value: [SIT]. Did you mean the enum value "
        "\"SIT\"?",
        {{10, 36}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, ListLiterals) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: stringListArgField(stringListArg: ["one", null, "two"])
    b: stringListArgField(stringListArg: [])
    c: stringListArgField(stringListArg: null)
    d: stringListArgField(stringListArg: "one")
    e: stringListArgField(stringListArg: ["one", 2])
    f: stringListArgField(stringListArg: [[1]])
    g: stringListNonNullArgField(stringListNonNullArg: ["one", null])
    h: intArgField(intArg: [1, 2])
  }
}
)graphql",
               {{"String cannot represent a non string value: 2", {{8, 50}}},
                {"String cannot represent a non string value: [1]", {{9, 43}}},
                {"Expected value of type \"String!\", found null.", {{10, 64}}},
                {"Int cannot represent non-integer value: [1, 2]", {{11, 28}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, NullIntoNonNull) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    nonNullIntArgField(nonNullIntArg: null)
    multipleReqs(req1: 1, req2: null)
  }
}
)graphql",
               {{"Expected value of type \"Int!\", found null.", {{4, 39}}},
                {"Expected value of type \"Int!\", found null.", {{5, 33}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, InputObjects) {
  expectErrors(
      kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: complexArgField(complexArg: {requiredField: true})
    b: complexArgField(complexArg: {requiredField: false, intField: 4, stringListField: ["x"]})
    c: complexArgField(complexArg: {intField: 4})
    d: complexArgField(complexArg: {requiredField: true, nonNullField: null})
    e: complexArgField(complexArg: {requiredField: true, invalidField: "value", strinField: "x"})
    f: complexArgField(complexArg: {requiredField: true, stringListField: ["one", 2], intField: "3"})
    g: complexArgField(complexArg: "not an object")
    h: complexArgField(complexArg: [{requiredField: true}])
    i: stringArgField(stringArg: {requiredField: true})
  }
}
)graphql",
      {{"Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.",
        {{6, 36}}},
       {"Expected value of type \"Boolean!\", found null.", {{7, 72}}},
       {"Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean "
        "\"intField\"?",
        {{8, 58}}},
       {"Field \"strinField\" is not defined by type \"ComplexInput\". Did you mean "
        "\"stringField\", \"intField\", or \"stringListField\"?",
        {{8, 81}}},
       {"String cannot represent a non string value: 2", {{9, 83}}},
       {"Int cannot represent non-integer value: \"3\"", {{9, 97}}},
       {"Expected value of type \"ComplexInput\", found \"not an object\".", {{10, 36}}},
       {"Expected value of type \"ComplexInput\", found [{requiredField: true}].", {{11, 36}}},
       {"String cannot represent a non string value: {requiredField: true}", {{12, 34}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, OneOfInputObjects) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: oneOfArgField(oneOfArg: {stringField: "abc"})
    b: oneOfArgField(oneOfArg: {stringField: "abc", intField: 123})
    c: oneOfArgField(oneOfArg: {stringField: null})
    d: oneOfArgField(oneOfArg: {})
    e: oneOfArgField(oneOfArg: {stringField: $var})
    f: oneOfArgField(oneOfArg: {stringField: "a", stringField: "b"})
  }
}
)graphql",
               {{"OneOf Input Object \"OneOfInput\" must specify exactly one key.", {{5, 32}}},
                {"Field \"OneOfInput.stringField\" must be non-null.", {{6, 32}}},
                {"OneOf Input Object \"OneOfInput\" must specify exactly one key.", {{7, 32}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, DirectiveArguments) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
{
  dog @include(if: true) { name @skip(if: false) }
  cat @include(if: "yes") { name @skip(if: ENUM) }
  human @withArgs(required: 1, optional: 2, list: [1, "two"]) { name }
}
)graphql",
               {{"Boolean cannot represent a non boolean value: \"yes\"", {{4, 20}}},
                {"Boolean cannot represent a non boolean value: ENUM", {{4, 44}}},
                {"String cannot represent a non string value: 2", {{5, 42}}},
                {"Int cannot represent non-integer value: \"two\"", {{5, 55}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, VariableDefaults) {
  expectErrors(kValuesOfCorrectTypeRule, R"graphql(
query WithDefaults(
  $a: Int = 1,
  $b: String = "ok",
  $c: ComplexInput = {requiredField: true, intField: 3},
  $d: Int! = 1
) { dog { name } }
query BadDefaults(
  $a: Int = "one",
  $b: String = 4,
  $c: ComplexInput = "NotVeryComplex",
  $d: ComplexInput = {requiredField: 1, intField: "3"},
  $e: [String] = ["one", 2],
  $f: Int! = null
) { dog { name } }
)graphql",
               {{"Int cannot represent non-integer value: \"one\"", {{9, 13}}},
                {"String cannot represent a non string value: 4", {{10, 16}}},
                {"Expected value of type \"ComplexInput\", found \"NotVeryComplex\".", {{11, 22}}},
                {"Boolean cannot represent a non boolean value: 1", {{12, 38}}},
                {"Int cannot represent non-integer value: \"3\"", {{12, 51}}},
                {"String cannot represent a non string value: 2", {{13, 26}}},
                {"Expected value of type \"Int!\", found null.", {{14, 14}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, CustomScalars) {
  expectErrors(
      kValuesOfCorrectTypeRule, R"graphql(
{
  complicatedArgs {
    a: anyArgField(anyArg: "anything")
    b: anyArgField(anyArg: {deep: [1, {x: NULLISH}]})
    c: invalidArgField(invalidArg: 123)
    d: invalidArgField(invalidArg: {a: 1})
  }
}
)graphql",
      {{"Expected value of type \"Invalid\", found 123; Invalid scalar is always invalid: 123",
        {{6, 36}}},
       {"Expected value of type \"Invalid\", found {a: 1}; Invalid scalar is always invalid: {a: "
        "1}",
        {{7, 36}}}});
}

TEST(ValuesOfCorrectTypeRuleTest, UnknownArgumentsAreIgnored) {
  expectValid(kValuesOfCorrectTypeRule, R"graphql(
{ complicatedArgs { intArgField(unknown: "x", intArg: 1) } dog @unknown(if: 1) { name } }
)graphql");
}

TEST(UniqueInputFieldNamesRuleTest, DistinctInputFields) {
  expectValid(kUniqueInputFieldNamesRule, R"graphql(
{
  field(arg: { f1: "value", f2: "value", f3: "value" })
  nested: field(arg: { deep: { f: true }, f: { f: true } })
}
)graphql");
}

TEST(UniqueInputFieldNamesRuleTest, DuplicateInputFields) {
  expectErrors(kUniqueInputFieldNamesRule, R"graphql(
{ field(arg: { f1: "value", f1: "value", f1: "value" }) }
)graphql",
               {{"There can be only one input field named \"f1\".", {{2, 16}, {2, 29}}},
                {"There can be only one input field named \"f1\".", {{2, 16}, {2, 42}}}});
}

TEST(UniqueInputFieldNamesRuleTest, DuplicateNestedInputFields) {
  expectErrors(kUniqueInputFieldNamesRule, R"graphql(
{ field(arg: { f1: {f2: "value", f2: "value"}, f1: [{f3: 1, f3: 2}] }) }
)graphql",
               {{"There can be only one input field named \"f2\".", {{2, 21}, {2, 34}}},
                {"There can be only one input field named \"f1\".", {{2, 16}, {2, 48}}},
                {"There can be only one input field named \"f3\".", {{2, 54}, {2, 61}}}});
}

}  // namespace
}  // namespace mt::api
