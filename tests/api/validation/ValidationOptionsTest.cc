// validate()'s options, its limits on hostile documents, and the defence rules. Where
// graphql-js has the same behaviour the expectations are its answers.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "Parser.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"
#include "ValidationHarness.h"

namespace mt::api {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

std::vector<ExpectedError> validateAll(const std::string& document,
                                       ValidationOptions options = {}) {
  return validateWith(specifiedRules(), document, testSchema(), options);
}

// `n` fragments, each spreading the next: `fragment F0 on Dog { <before> ...F1 }`.
std::string fragmentChain(int n, const std::string& before) {
  std::string document;
  for (int i = 0; i < n; ++i) {
    document += "fragment F" + std::to_string(i) + " on Dog { " + before;
    document += i + 1 < n ? " ...F" + std::to_string(i + 1) : std::string(" name");
    document += " }\n";
  }
  return document;
}

// --- Error limits

TEST(ValidateOptionsTest, StopsAfterMaxErrors) {
  std::string document = "{ dog { ";
  for (int i = 0; i < 150; ++i)
    document += "f" + std::to_string(i) + " ";
  document += "} }";
  const auto errors = validateAll(document);
  ASSERT_THAT(errors, SizeIs(101));
  EXPECT_EQ(errors[99], (ExpectedError{"Cannot query field \"f99\" on type \"Dog\".", {{1, 395}}}));
  EXPECT_EQ(
      errors[100],
      (ExpectedError{"Too many validation errors, error limit reached. Validation aborted.", {}}));
}

TEST(ValidateOptionsTest, MaxErrorsIsConfigurable) {
  ValidationOptions options;
  options.maxErrors = 2;
  const auto errors = validateAll("{ dog { f0 f1 f2 f3 } }", options);
  ASSERT_THAT(errors, SizeIs(3));
  EXPECT_EQ(errors[1].message, "Cannot query field \"f1\" on type \"Dog\".");
  EXPECT_EQ(errors[2].message,
            "Too many validation errors, error limit reached. Validation aborted.");
}

TEST(ValidateOptionsTest, HideSuggestions) {
  const std::string document = "{ dog { nam doesKnowCommand(dogCommand: SITT) } }";
  EXPECT_THAT(validateAll(document),
              ElementsAre(ExpectedError{"Cannot query field \"nam\" on type \"Dog\". Did you "
                                        "mean \"name\"?",
                                        {{1, 9}}},
                          ExpectedError{"Value \"SITT\" does not exist in \"DogCommand\" enum. "
                                        "Did you mean the enum value \"SIT\"?",
                                        {{1, 41}}}));
  ValidationOptions options;
  options.hideSuggestions = true;
  EXPECT_THAT(validateAll(document, options),
              ElementsAre(ExpectedError{"Cannot query field \"nam\" on type \"Dog\".", {{1, 9}}},
                          ExpectedError{"Value \"SITT\" does not exist in \"DogCommand\" enum.",
                                        {{1, 41}}}));
}

TEST(ValidateOptionsTest, ErrorsOfDeferredChecksKeepTheirPlace) {
  // NoUndefinedVariables decides about Foo only at the end of the document (its
  // fragment comes last), yet its error comes before Bar's, as in graphql-js.
  EXPECT_THAT(
      validateAll(R"graphql(
query Foo { dog { ...Named } }
query Bar { cat { unknown } }
fragment Named on Dog { name(surname: $undefined) }
)graphql"),
      ElementsAre(ExpectedError{"Variable \"$undefined\" is not defined by operation "
                                "\"Foo\".",
                                {{4, 39}, {2, 1}}},
                  ExpectedError{"Cannot query field \"unknown\" on type \"Cat\".", {{3, 19}}}));
}

// --- graphql-js's work budgets, which both engines must exhaust on the same documents

TEST(ValidateOptionsTest, FragmentWorkBudget) {
  // Each operation reaches the rest of a chain of fragments: quadratic work.
  const auto operations = [](int n) {
    std::string document;
    for (int i = 0; i < n; ++i) {
      document += "query Q" + std::to_string(i) + " { dog { ...F" + std::to_string(i) + " } }\n";
    }
    return document + fragmentChain(n, "");
  };
  EXPECT_THAT(validateAll(operations(150)), SizeIs(0));
  EXPECT_THAT(validateAll(operations(300)), ElementsAre(ExpectedError{"Validation aborted.", {}}));
}

TEST(ValidateOptionsTest, OverlappingFieldsComplexityBudget) {
  // Every fragment's fields are compared with all the fragments after it.
  EXPECT_THAT(validateAll("{ dog { ...F0 } }\n" + fragmentChain(500, "name")), SizeIs(0));
  EXPECT_THAT(validateAll("{ dog { ...F0 } }\n" + fragmentChain(600, "name")),
              ElementsAre(ExpectedError{"Validation aborted.", {}}));
}

TEST(ValidateOptionsTest, LongFragmentChainsDoNotExhaustTheStack) {
  // Two chains compared level by level: graphql-js overflows its call stack on this;
  // we stop at a recursion limit instead.
  std::string document = "{ dog { ...G0 } dog { ...H0 } }\n";
  for (int i = 0; i < 3000; ++i) {
    const std::string next = i + 1 < 3000 ? std::to_string(i + 1) : "";
    document += "fragment G" + std::to_string(i) + " on Dog { mother { " +
                (next.empty() ? "name" : "...G" + next) + " } }\n";
    document += "fragment H" + std::to_string(i) + " on Dog { mother { " +
                (next.empty() ? "name" : "...H" + next) + " } }\n";
  }
  ParseOptions parseOptions;
  parseOptions.maxTokens = 1'000'000;
  const auto parsed = parse(document, parseOptions);
  const auto errors = validate(testSchema(), *parsed);
  ASSERT_THAT(errors, SizeIs(1));
  EXPECT_EQ(errors[0].message(), "Validation aborted.");
}

TEST(ValidateOptionsTest, SubscriptionRootSkipWithVariable) {
  // graphql-js's validate() throws here (it collects the root fields with no
  // variable values); we report its message and stop.
  EXPECT_THAT(validateAll("subscription S($x: Boolean!) { newMessage { body } "
                          "importantEmails @skip(if: $x) }"),
              ElementsAre(ExpectedError{"Argument \"if\" of required type \"Boolean!\" was "
                                        "provided the variable \"$x\" which was not provided a "
                                        "runtime value.",
                                        {{1, 78}}}));
  EXPECT_THAT(
      validateAll("subscription { newMessage { body } importantEmails @include(if: null) }"),
      ElementsAre(ExpectedError{"Argument \"if\" of non-null type \"Boolean!\" must not "
                                "be null.",
                                {{1, 65}}}));
}

// --- Defence rules

TEST(DefenceRulesTest, OffUnlessConfigured) {
  std::string document = "{ dog { ...F0 } }\n";
  for (int i = 0; i < 40; ++i) {
    // Each fragment spreads the next twice: 2^40 fields once expanded.
    document += "fragment F" + std::to_string(i) + " on Dog { a" + std::to_string(i) + ": name " +
                (i + 1 < 40 ? "...F" + std::to_string(i + 1) + " ...F" + std::to_string(i + 1)
                            : std::string()) +
                " }\n";
  }
  EXPECT_THAT(validateAll(document), SizeIs(0));
  ValidationOptions options;
  options.maxFieldCount = 1000;
  options.maxAliasCount = 100;
  options.maxSelectionDepth = 10;
  EXPECT_THAT(validateAll(document, options),
              ElementsAre(ExpectedError{"Anonymous operation selects 1099511627776 fields "
                                        "(fragments expanded); the maximum is 1000.",
                                        {{1, 1}}},
                          ExpectedError{"Anonymous operation uses 1099511627775 aliases "
                                        "(fragments expanded); the maximum is 100.",
                                        {{1, 1}}}));
}

TEST(DefenceRulesTest, SelectionDepth) {
  const std::string document = R"graphql(
query Deep { human { relatives { ...Relatives } } }
query Shallow { human { name } }
fragment Relatives on Human { relatives { relatives { name } } }
)graphql";
  ValidationOptions options;
  options.maxSelectionDepth = 5;
  EXPECT_THAT(validateAll(document, options), SizeIs(0));
  options.maxSelectionDepth = 3;
  // The first field past the limit, inside the fragment.
  EXPECT_THAT(validateAll(document, options),
              ElementsAre(ExpectedError{"Operation \"Deep\" is nested 5 fields deep (fragments "
                                        "expanded); the maximum is 3.",
                                        {{4, 43}}}));
}

TEST(DefenceRulesTest, FieldAndAliasCounts) {
  const std::string document = R"graphql(
{
  a: dog { name }
  b: dog { ...Names }
  cat { ...Names }
}
fragment Names on Pet { name n: name }
)graphql";
  ValidationOptions options;
  options.maxFieldCount = 8;
  options.maxAliasCount = 4;
  EXPECT_THAT(validateAll(document, options), SizeIs(0));
  options.maxFieldCount = 7;
  options.maxAliasCount = 3;
  EXPECT_THAT(validateAll(document, options),
              ElementsAre(ExpectedError{"Anonymous operation selects 8 fields (fragments "
                                        "expanded); the maximum is 7.",
                                        {{2, 1}}},
                          ExpectedError{"Anonymous operation uses 4 aliases (fragments "
                                        "expanded); the maximum is 3.",
                                        {{2, 1}}}));
}

TEST(DefenceRulesTest, FragmentCyclesDoNotHang) {
  ValidationOptions options;
  options.maxFieldCount = 100;
  options.maxAliasCount = 100;
  options.maxSelectionDepth = 100;
  EXPECT_THAT(validateAll(R"graphql(
{ dog { ...A } }
fragment A on Dog { mother { ...B } }
fragment B on Dog { father { ...A } }
)graphql",
                          options),
              ElementsAre(ExpectedError{"Cannot spread fragment \"A\" within itself via \"B\".",
                                        {{3, 30}, {4, 30}}}));
}

// --- Rules written outside the registry, and what TypeInfo tells them

// Records what the walk knows at each field, argument and value.
class TypeInfoProbeRule {
 public:
  explicit TypeInfoProbeRule(ValidationContext& context) : context_(context) {}

  static std::vector<std::string>& log() {
    static std::vector<std::string> entries;
    return entries;
  }

  void enter(const ast::OperationDefinition& node) {
    log().push_back("enter operation " + std::string(node.name ? node.name->value : ""));
  }
  void leave(const ast::OperationDefinition& /*node*/) { log().emplace_back("leave operation"); }
  void enter(const ast::Field& node) {
    log().push_back("field " + std::string(node.name.value) + ": " + str(context_.type()) + " on " +
                    (context_.parentType() ? context_.parentType()->name() : "-") +
                    (context_.fieldDef() ? "" : " (unknown)"));
  }
  void enter(const ast::InlineFragment& /*node*/) {
    log().push_back("inline fragment: " + str(context_.type()));
  }
  void enter(const ast::Argument& node) {
    log().push_back("argument " + std::string(node.name.value) + ": " + str(context_.inputType()) +
                    (context_.typeInfo().defaultValue() ? " (has default)" : ""));
  }
  void enter(const ast::ObjectField& node) {
    log().push_back("object field " + std::string(node.name.value) + ": " +
                    str(context_.inputType()) + " in " + str(context_.parentInputType()));
  }
  void enter(const ast::StringValue& node) {
    log().push_back("string " + node.value + ": " + str(context_.inputType()) + " in " +
                    str(context_.parentInputType()));
  }
  void enter(const ast::EnumValue& node) {
    log().push_back("enum " + std::string(node.value) + ": " + str(context_.inputType()) +
                    (context_.typeInfo().enumValue() ? "" : " (unknown)"));
  }

 private:
  static std::string str(const Type* type) { return type ? type->str() : "-"; }

  ValidationContext& context_;
};

constinit const ValidationRule kTypeInfoProbeRule =
    makeValidationRule<TypeInfoProbeRule>("TypeInfoProbeRule");

TEST(TypeInfoTest, TracksTypesThroughTheDocument) {
  TypeInfoProbeRule::log().clear();
  const ValidationRule* rules[] = {&kTypeInfoProbeRule};
  const auto errors = validateWith(rules, R"graphql(
query Q {
  complicatedArgs {
    complexArgField(complexArg: {requiredField: true, stringListField: ["a"], nope: "b"})
    enumArgField(enumArg: BROWN) other: enumArgField(enumArg: PURPLE)
  }
  dog { isHouseTrained(atOtherHomes: true) @include(if: true) ... on Pet { name } unknown }
  pet { ... { name } }
}
)graphql",
                                   testSchema());
  EXPECT_THAT(errors, SizeIs(0));
  EXPECT_THAT(
      TypeInfoProbeRule::log(),
      ElementsAre(
          "enter operation Q", "field complicatedArgs: ComplicatedArgs on QueryRoot",
          "field complexArgField: String on ComplicatedArgs", "argument complexArg: ComplexInput",
          "object field requiredField: Boolean! in ComplexInput",
          "object field stringListField: [String] in ComplexInput", "string a: String in [String]",
          "object field nope: - in ComplexInput", "string b: - in ComplexInput",
          "field enumArgField: String on ComplicatedArgs", "argument enumArg: FurColor",
          "enum BROWN: FurColor", "field enumArgField: String on ComplicatedArgs",
          "argument enumArg: FurColor", "enum PURPLE: FurColor (unknown)",
          "field dog: Dog on QueryRoot", "field isHouseTrained: Boolean on Dog",
          "argument atOtherHomes: Boolean (has default)", "argument if: Boolean!",
          "inline fragment: Pet", "field name: String on Pet", "field unknown: - on Dog (unknown)",
          "field pet: Pet on QueryRoot", "inline fragment: Pet", "field name: String on Pet",
          "leave operation"));
}

TEST(TypeInfoTest, CustomRulesRunBesideTheSpecifiedOnes) {
  TypeInfoProbeRule::log().clear();
  const ValidationRule* rules[] = {&kScalarLeafsRule, &kTypeInfoProbeRule};
  EXPECT_THAT(validateWith(rules, "{ dog }", testSchema()),
              ElementsAre(ExpectedError{"Field \"dog\" of type \"Dog\" must have a selection of "
                                        "subfields. Did you mean \"dog { ... }\"?",
                                        {{1, 3}}}));
  EXPECT_THAT(TypeInfoProbeRule::log(),
              ElementsAre("enter operation ", "field dog: Dog on QueryRoot", "leave operation"));
}

TEST(SpecifiedRulesTest, GraphqlJsOrderAndNames) {
  std::vector<std::string_view> names;
  for (const ValidationRule* rule : specifiedRules())
    names.push_back(rule->name);
  EXPECT_THAT(
      names,
      ElementsAre(
          "ExecutableDefinitionsRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule",
          "SingleFieldSubscriptionsRule", "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule",
          "VariablesAreInputTypesRule", "ScalarLeafsRule", "FieldsOnCorrectTypeRule",
          "UniqueFragmentNamesRule", "KnownFragmentNamesRule", "NoUnusedFragmentsRule",
          "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule", "UniqueVariableNamesRule",
          "NoUndefinedVariablesRule", "NoUnusedVariablesRule", "KnownDirectivesRule",
          "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule", "UniqueArgumentNamesRule",
          "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule",
          "VariablesInAllowedPositionRule", "OverlappingFieldsCanBeMergedRule",
          "UniqueInputFieldNamesRule", "MaxIntrospectionDepthRule"));
}

}  // namespace
}  // namespace mt::api
