// The parser on executable documents: the AST it builds, node by node, with locations.
#include <gtest/gtest.h>

#include <string>

#include "Parser.h"

namespace mt::api {
namespace {

using namespace ast;

const OperationDefinition& onlyOperation(const Document& document) {
  EXPECT_EQ(document.definitions.size(), 1u);
  return std::get<OperationDefinition>(document.definitions.at(0));
}

const Field& fieldAt(const SelectionSet& selectionSet, std::size_t i) {
  return std::get<Field>(selectionSet.selections.at(i));
}

TEST(ParserTest, ParsesTheQueryShorthand) {
  auto document = parse("{ a }");
  EXPECT_EQ(document->loc.start, 0u);
  EXPECT_EQ(document->loc.end, 5u);
  EXPECT_EQ(document->tokenCount, 3u);
  ASSERT_TRUE(document->source);
  EXPECT_EQ(document->source->body(), "{ a }");
  const OperationDefinition& operation = onlyOperation(*document);
  EXPECT_EQ(operation.operation, OperationType::Query);
  EXPECT_FALSE(operation.name);
  EXPECT_FALSE(operation.description);
  EXPECT_TRUE(operation.variableDefinitions.empty());
  EXPECT_TRUE(operation.directives.empty());
  EXPECT_EQ(operation.loc.start, 0u);
  EXPECT_EQ(operation.loc.end, 5u);
  ASSERT_EQ(operation.selectionSet.selections.size(), 1u);
  const Field& a = fieldAt(operation.selectionSet, 0);
  EXPECT_EQ(a.name.value, "a");
  EXPECT_EQ(a.responseKey(), "a");
  EXPECT_EQ(a.loc.start, 2u);
  EXPECT_EQ(a.loc.end, 3u);
  EXPECT_EQ(a.loc.column, 3);
  EXPECT_FALSE(a.selectionSet);
}

TEST(ParserTest, ParsesEachOperationType) {
  for (auto [text, type] : {std::pair{"query Q { a }", OperationType::Query},
                            std::pair{"mutation M { a }", OperationType::Mutation},
                            std::pair{"subscription S { a }", OperationType::Subscription}}) {
    auto document = parse(text);
    const OperationDefinition& operation = onlyOperation(*document);
    EXPECT_EQ(operation.operation, type);
    ASSERT_TRUE(operation.name);
    EXPECT_EQ(operation.name->value.size(), 1u);
  }
  EXPECT_FALSE(onlyOperation(*parse("mutation { a }")).name);
}

TEST(ParserTest, ParsesVariableDefinitions) {
  auto document =
      parse(R"(query Q($a: Int, $b: [String!]! = ["x"] @dir(c: 1), $c: In = {k: [1, 2.5]}) {
  f(a: $a)
})");
  const OperationDefinition& operation = onlyOperation(*document);
  ASSERT_EQ(operation.variableDefinitions.size(), 3u);

  const VariableDefinition& a = operation.variableDefinitions[0];
  EXPECT_EQ(a.variable.name.value, "a");
  EXPECT_EQ(std::get<NamedType>(a.type).name.value, "Int");
  EXPECT_FALSE(a.defaultValue);
  EXPECT_EQ(a.loc.start, 8u);
  EXPECT_EQ(a.loc.end, 15u);

  const VariableDefinition& b = operation.variableDefinitions[1];
  const auto& nonNull = std::get<NonNullType>(b.type);
  const auto& list = std::get<ListType>(*nonNull.type);
  const auto& inner = std::get<NonNullType>(*list.type);
  EXPECT_EQ(std::get<NamedType>(*inner.type).name.value, "String");
  EXPECT_EQ(namedTypeOf(b.type).name.value, "String");
  ASSERT_TRUE(b.defaultValue);
  const auto& defaults = std::get<ListValue>(*b.defaultValue);
  EXPECT_EQ(std::get<StringValue>(defaults.values.at(0)).value, "x");
  ASSERT_EQ(b.directives.size(), 1u);
  EXPECT_EQ(b.directives[0].name.value, "dir");
  EXPECT_EQ(std::get<IntValue>(b.directives[0].arguments.at(0).value).value, "1");

  const VariableDefinition& c = operation.variableDefinitions[2];
  const auto& object = std::get<ObjectValue>(*c.defaultValue);
  EXPECT_EQ(object.fields.at(0).name.value, "k");
  const auto& numbers = std::get<ListValue>(object.fields.at(0).value);
  EXPECT_EQ(std::get<FloatValue>(numbers.values.at(1)).value, "2.5");
}

TEST(ParserTest, ParsesFieldsWithAliasesArgumentsDirectivesAndSelections) {
  auto document = parse(R"({
  alias: field(a: 1, b: $v) @skip(if: false) @other {
    nested
  }
})");
  const Field& field = fieldAt(onlyOperation(*document).selectionSet, 0);
  ASSERT_TRUE(field.alias);
  EXPECT_EQ(field.alias->value, "alias");
  EXPECT_EQ(field.name.value, "field");
  EXPECT_EQ(field.responseKey(), "alias");
  ASSERT_EQ(field.arguments.size(), 2u);
  EXPECT_EQ(field.arguments[1].name.value, "b");
  EXPECT_EQ(std::get<Variable>(field.arguments[1].value).name.value, "v");
  ASSERT_EQ(field.directives.size(), 2u);
  EXPECT_EQ(field.directives[0].name.value, "skip");
  EXPECT_FALSE(std::get<BooleanValue>(field.directives[0].arguments[0].value).value);
  EXPECT_TRUE(field.directives[1].arguments.empty());
  ASSERT_TRUE(field.selectionSet);
  EXPECT_EQ(fieldAt(*field.selectionSet, 0).name.value, "nested");
  EXPECT_EQ(field.loc.line, 2);
  EXPECT_EQ(field.loc.column, 3);
  EXPECT_EQ(field.selectionSet->loc.line, 2);
  EXPECT_EQ(field.selectionSet->loc.column, 53);
}

TEST(ParserTest, AllowsKeywordsAsNames) {
  auto document = parse("query query { query fragment on true false null mutation: subscription }");
  const OperationDefinition& operation = onlyOperation(*document);
  EXPECT_EQ(operation.name->value, "query");
  EXPECT_EQ(operation.selectionSet.selections.size(), 7u);
  EXPECT_EQ(fieldAt(operation.selectionSet, 6).alias->value, "mutation");

  auto fragments = parse("{ ...query ... on on { a } } fragment query on on { a }");
  auto spreadDocument = parse("{ ...query }");
  const auto& spread =
      std::get<FragmentSpread>(onlyOperation(*spreadDocument).selectionSet.selections.at(0));
  EXPECT_EQ(spread.name.value, "query");
  EXPECT_EQ(std::get<FragmentDefinition>(fragments->definitions.at(1)).typeCondition.name.value,
            "on");
}

TEST(ParserTest, ParsesFragments) {
  auto document = parse(R"(
{
  ...Spread @d
  ... on T { a }
  ... @include(if: $x) { b }
  ... { c }
}
fragment Spread on T @f { d }
)");
  ASSERT_EQ(document->definitions.size(), 2u);
  const SelectionSet& selections =
      std::get<OperationDefinition>(document->definitions[0]).selectionSet;
  ASSERT_EQ(selections.selections.size(), 4u);

  const auto& spread = std::get<FragmentSpread>(selections.selections[0]);
  EXPECT_EQ(spread.name.value, "Spread");
  EXPECT_EQ(spread.directives.at(0).name.value, "d");
  EXPECT_EQ(spread.loc.line, 3);
  EXPECT_EQ(spread.loc.column, 3);

  const auto& typed = std::get<InlineFragment>(selections.selections[1]);
  ASSERT_TRUE(typed.typeCondition);
  EXPECT_EQ(typed.typeCondition->name.value, "T");

  const auto& directed = std::get<InlineFragment>(selections.selections[2]);
  EXPECT_FALSE(directed.typeCondition);
  EXPECT_EQ(directed.directives.at(0).name.value, "include");

  const auto& bare = std::get<InlineFragment>(selections.selections[3]);
  EXPECT_FALSE(bare.typeCondition);
  EXPECT_TRUE(bare.directives.empty());
  EXPECT_EQ(kindOf(selections.selections[3]), Kind::InlineFragment);

  const auto& fragment = std::get<FragmentDefinition>(document->definitions[1]);
  EXPECT_EQ(fragment.name.value, "Spread");
  EXPECT_EQ(fragment.typeCondition.name.value, "T");
  EXPECT_EQ(fragment.directives.at(0).name.value, "f");
  EXPECT_EQ(fieldAt(fragment.selectionSet, 0).name.value, "d");
  EXPECT_EQ(fragment.loc.line, 8);
  EXPECT_TRUE(isExecutableDefinition(document->definitions[1]));
}

TEST(ParserTest, ParsesEveryKindOfValue) {
  auto document = parse(
      R"({ f(v: $v, i: -12, f: 1.5e3, s: "s\n", b: """ block """, t: true, n: null, e: ENUM, l: [1, [2]], o: {a: {b: 1}}, empty: [], none: {}) })");
  const Field& field = fieldAt(onlyOperation(*document).selectionSet, 0);
  const auto& args = field.arguments;
  ASSERT_EQ(args.size(), 12u);
  EXPECT_EQ(std::get<Variable>(args[0].value).name.value, "v");
  EXPECT_EQ(std::get<IntValue>(args[1].value).value, "-12");
  EXPECT_EQ(std::get<FloatValue>(args[2].value).value, "1.5e3");
  EXPECT_EQ(std::get<StringValue>(args[3].value).value, "s\n");
  EXPECT_FALSE(std::get<StringValue>(args[3].value).block);
  EXPECT_EQ(std::get<StringValue>(args[4].value).value, " block ");
  EXPECT_TRUE(std::get<StringValue>(args[4].value).block);
  EXPECT_TRUE(std::get<BooleanValue>(args[5].value).value);
  EXPECT_TRUE(std::holds_alternative<NullValue>(args[6].value));
  EXPECT_EQ(std::get<EnumValue>(args[7].value).value, "ENUM");
  const auto& list = std::get<ListValue>(args[8].value);
  EXPECT_EQ(std::get<IntValue>(std::get<ListValue>(list.values.at(1)).values.at(0)).value, "2");
  const auto& object = std::get<ObjectValue>(args[9].value);
  EXPECT_EQ(std::get<ObjectValue>(object.fields.at(0).value).fields.at(0).name.value, "b");
  EXPECT_TRUE(std::get<ListValue>(args[10].value).values.empty());
  EXPECT_TRUE(std::get<ObjectValue>(args[11].value).fields.empty());
  EXPECT_EQ(kindOf(args[9].value), Kind::ObjectValue);
  EXPECT_EQ(kindName(kindOf(args[9].value)), "ObjectValue");
  EXPECT_EQ(locationOf(args[1].value).start, 14u);
  EXPECT_EQ(locationOf(args[1].value).end, 17u);
}

TEST(ParserTest, ParsesDescriptionsOnExecutableDefinitions) {
  // graphql-js 16.15 accepts these (the spec draft after October 2021).
  auto document = parse(R"("op" query Q("var" $a: Int) { a }
"""frag""" fragment F on T { a })");
  const auto& operation = std::get<OperationDefinition>(document->definitions.at(0));
  ASSERT_TRUE(operation.description);
  EXPECT_EQ(operation.description->value, "op");
  EXPECT_EQ(operation.loc.start, 0u);
  EXPECT_EQ(operation.variableDefinitions.at(0).description->value, "var");
  const auto& fragment = std::get<FragmentDefinition>(document->definitions.at(1));
  EXPECT_EQ(fragment.description->value, "frag");
  EXPECT_TRUE(fragment.description->block);
  EXPECT_EQ(fragment.loc.line, 2);
}

TEST(ParserTest, ReadsStringValuesDecoded) {
  auto document = parse(R"({ f(a: "\u00e9\uD83D\uDE00\u{1F600}\"", b: """
    x
      y
  """) })");
  const Field& field = fieldAt(onlyOperation(*document).selectionSet, 0);
  EXPECT_EQ(std::get<StringValue>(field.arguments[0].value).value,
            "\xC3\xA9\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"");
  EXPECT_EQ(std::get<StringValue>(field.arguments[1].value).value, "x\n  y");
}

TEST(ParserTest, PointsNamesIntoTheSource) {
  auto document = parse("{ field }");
  const std::string& body = document->source->body();
  std::string_view name = fieldAt(onlyOperation(*document).selectionSet, 0).name.value;
  EXPECT_GE(name.data(), body.data());
  EXPECT_LE(name.data() + name.size(), body.data() + body.size());
}

TEST(ParserTest, CopiesOfADocumentShareItsSource) {
  auto document = parse("{ a { b } }");
  Document copy = *document;
  document.reset();
  EXPECT_EQ(fieldAt(*fieldAt(onlyOperation(copy).selectionSet, 0).selectionSet, 0).name.value, "b");
}

TEST(ParserTest, TakesASharedSource) {
  auto source = std::make_shared<const Source>("{ a }", "request.graphql");
  auto document = parse(source);
  EXPECT_EQ(document->source, source);
}

TEST(ParserTest, ParsesMultipleDefinitionsOfBothLanguages) {
  auto document = parse("query A { a } type T { f: Int } fragment F on T { f } extend type T @d");
  ASSERT_EQ(document->definitions.size(), 4u);
  EXPECT_EQ(kindOf(document->definitions[0]), Kind::OperationDefinition);
  EXPECT_EQ(kindOf(document->definitions[1]), Kind::ObjectTypeDefinition);
  EXPECT_EQ(kindOf(document->definitions[2]), Kind::FragmentDefinition);
  EXPECT_EQ(kindOf(document->definitions[3]), Kind::ObjectTypeExtension);
  EXPECT_FALSE(isExecutableDefinition(document->definitions[1]));
  EXPECT_FALSE(isTypeSystemExtension(document->definitions[1]));
  EXPECT_TRUE(isTypeSystemExtension(document->definitions[3]));
}

TEST(ParseValueTest, ParsesAValueAlone) {
  ParsedValue parsed = parseValue(R"([123 "abc" $var {a: 1}])");
  const auto& list = std::get<ListValue>(parsed.value);
  ASSERT_EQ(list.values.size(), 4u);
  EXPECT_EQ(std::get<IntValue>(list.values[0]).value, "123");
  EXPECT_EQ(std::get<StringValue>(list.values[1]).value, "abc");
  EXPECT_EQ(std::get<Variable>(list.values[2]).name.value, "var");
  EXPECT_EQ(list.loc.start, 0u);
  EXPECT_EQ(list.loc.end, 23u);
  EXPECT_EQ(parsed.source->body(), R"([123 "abc" $var {a: 1}])");

  EXPECT_EQ(std::get<StringValue>(parseValue(R"("""block string""")").value).value, "block string");
  EXPECT_TRUE(std::get<StringValue>(parseValue(R"("""block""")").value).block);
  EXPECT_TRUE(std::holds_alternative<NullValue>(parseValue("null").value));
  EXPECT_EQ(std::get<EnumValue>(parseValue("  ENUM_VALUE  ").value).value, "ENUM_VALUE");
}

TEST(ParseValueTest, RejectsVariablesInConstantValues) {
  EXPECT_EQ(std::get<IntValue>(parseConstValue("123").value).value, "123");
  EXPECT_THROW(parseConstValue("$var"), GraphQLSyntaxError);
  EXPECT_THROW(parseConstValue("[1, {a: $var}]"), GraphQLSyntaxError);
}

TEST(ParseValueTest, RejectsTrailingTokens) {
  try {
    parseValue("1 2");
    FAIL();
  } catch (const GraphQLSyntaxError& error) {
    EXPECT_STREQ(error.what(), R"(Syntax Error: Expected <EOF>, found Int "2".)");
    EXPECT_EQ(error.location(), (ErrorLocation{1, 3}));
  }
}

TEST(ParseTypeTest, ParsesATypeAlone) {
  ParsedType named = parseType("String");
  EXPECT_EQ(std::get<NamedType>(named.type).name.value, "String");
  EXPECT_EQ(std::get<NamedType>(named.type).loc.end, 6u);

  ParsedType nonNull = parseType("MyType!");
  EXPECT_EQ(std::get<NamedType>(*std::get<NonNullType>(nonNull.type).type).name.value, "MyType");

  ParsedType nested = parseType("[[MyType!]]!");
  const auto& outer = std::get<NonNullType>(nested.type);
  EXPECT_EQ(outer.loc.start, 0u);
  EXPECT_EQ(outer.loc.end, 12u);
  const auto& list = std::get<ListType>(*outer.type);
  EXPECT_EQ(list.loc.end, 11u);
  const auto& innerList = std::get<ListType>(*list.type);
  EXPECT_EQ(innerList.loc.start, 1u);
  EXPECT_EQ(namedTypeOf(nested.type).name.value, "MyType");
  EXPECT_EQ(kindOf(nested.type), Kind::NonNullType);

  EXPECT_THROW(parseType("String!!"), GraphQLSyntaxError);
  EXPECT_THROW(parseType("[String"), GraphQLSyntaxError);
}

}  // namespace
}  // namespace mt::api
