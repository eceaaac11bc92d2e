// The parser on type-system documents (SDL): definitions, extensions, descriptions.
#include <gtest/gtest.h>

#include <string>

#include "DirectiveLocation.h"
#include "Parser.h"

namespace mt::api {
namespace {

using namespace ast;

template <class Node>
const Node& only(const Document& document) {
  EXPECT_EQ(document.definitions.size(), 1u);
  return std::get<Node>(document.definitions.at(0));
}

TEST(TypeSystemParserTest, ParsesASchemaDefinition) {
  auto document = parse(R"("The schema" schema @d { query: Q mutation: M subscription: S })");
  const auto& schema = only<SchemaDefinition>(*document);
  EXPECT_EQ(schema.description->value, "The schema");
  EXPECT_EQ(schema.directives.at(0).name.value, "d");
  ASSERT_EQ(schema.operationTypes.size(), 3u);
  EXPECT_EQ(schema.operationTypes[0].operation, OperationType::Query);
  EXPECT_EQ(schema.operationTypes[0].type.name.value, "Q");
  EXPECT_EQ(schema.operationTypes[1].operation, OperationType::Mutation);
  EXPECT_EQ(schema.operationTypes[2].operation, OperationType::Subscription);
  EXPECT_EQ(schema.operationTypes[2].type.name.value, "S");
  EXPECT_EQ(schema.loc.start, 0u);
}

TEST(TypeSystemParserTest, ParsesAScalar) {
  auto document = parse("scalar Time @specifiedBy(url: \"u\")");
  const auto& scalar = only<ScalarTypeDefinition>(*document);
  EXPECT_EQ(scalar.name.value, "Time");
  EXPECT_FALSE(scalar.description);
  EXPECT_EQ(scalar.directives.at(0).name.value, "specifiedBy");
}

TEST(TypeSystemParserTest, ParsesAnObjectTypeWithFieldsAndArguments) {
  auto document = parse(R"(
"""
A user.
"""
type User implements Node & Named @key(fields: "id") {
  "The id."
  id: ID!
  posts(first: Int = 10 @deprecated, "after this" after: String): [Post!]! @auth
}
)");
  const auto& object = only<ObjectTypeDefinition>(*document);
  EXPECT_EQ(object.description->value, "A user.");
  EXPECT_TRUE(object.description->block);
  EXPECT_EQ(object.name.value, "User");
  ASSERT_EQ(object.interfaces.size(), 2u);
  EXPECT_EQ(object.interfaces[1].name.value, "Named");
  EXPECT_EQ(object.directives.at(0).name.value, "key");
  ASSERT_EQ(object.fields.size(), 2u);
  EXPECT_EQ(object.fields[0].description->value, "The id.");
  EXPECT_EQ(object.fields[0].name.value, "id");
  EXPECT_EQ(kindOf(object.fields[0].type), Kind::NonNullType);
  const FieldDefinition& posts = object.fields[1];
  ASSERT_EQ(posts.arguments.size(), 2u);
  EXPECT_EQ(posts.arguments[0].name.value, "first");
  EXPECT_EQ(std::get<IntValue>(*posts.arguments[0].defaultValue).value, "10");
  EXPECT_EQ(posts.arguments[0].directives.at(0).name.value, "deprecated");
  EXPECT_EQ(posts.arguments[1].description->value, "after this");
  EXPECT_EQ(namedTypeOf(posts.type).name.value, "Post");
  EXPECT_EQ(posts.directives.at(0).name.value, "auth");
  EXPECT_EQ(object.loc.line, 2);
  EXPECT_EQ(object.loc.column, 1);
  EXPECT_EQ(object.fields[0].loc.line, 6);
  EXPECT_EQ(object.fields[0].loc.column, 3);
}

TEST(TypeSystemParserTest, AllowsALeadingAmpersandAndNoFields) {
  auto document = parse("type A implements & B & C");
  const auto& object = only<ObjectTypeDefinition>(*document);
  EXPECT_EQ(object.interfaces.size(), 2u);
  EXPECT_TRUE(object.fields.empty());
  EXPECT_TRUE(only<ObjectTypeDefinition>(*parse("type A")).interfaces.empty());
}

TEST(TypeSystemParserTest, ParsesAnInterfaceThatImplementsInterfaces) {
  auto document = parse("interface A implements B & C @d { f: Int }");
  const auto& interfaceType = only<InterfaceTypeDefinition>(*document);
  EXPECT_EQ(interfaceType.name.value, "A");
  EXPECT_EQ(interfaceType.interfaces.size(), 2u);
  EXPECT_EQ(interfaceType.directives.size(), 1u);
  EXPECT_EQ(interfaceType.fields.at(0).name.value, "f");
}

TEST(TypeSystemParserTest, ParsesUnions) {
  auto document = parse("union U @d = | A | B");
  const auto& leading = only<UnionTypeDefinition>(*document);
  ASSERT_EQ(leading.types.size(), 2u);
  EXPECT_EQ(leading.types[0].name.value, "A");
  EXPECT_EQ(leading.directives.size(), 1u);
  EXPECT_EQ(only<UnionTypeDefinition>(*parse("union U = A")).types.size(), 1u);
  EXPECT_TRUE(only<UnionTypeDefinition>(*parse("union U")).types.empty());
}

TEST(TypeSystemParserTest, ParsesEnums) {
  auto document = parse(R"(enum Color @d { "red" RED @deprecated GREEN, BLUE })");
  const auto& enumType = only<EnumTypeDefinition>(*document);
  ASSERT_EQ(enumType.values.size(), 3u);
  EXPECT_EQ(enumType.values[0].name.value, "RED");
  EXPECT_EQ(enumType.values[0].description->value, "red");
  EXPECT_EQ(enumType.values[0].directives.at(0).name.value, "deprecated");
  EXPECT_EQ(enumType.values[2].name.value, "BLUE");
  // Only true, false and null are reserved; other keywords make fine values.
  EXPECT_EQ(only<EnumTypeDefinition>(*parse("enum E { on query TRUE Null }")).values.size(), 4u);
}

TEST(TypeSystemParserTest, ParsesInputObjects) {
  auto document = parse(R"(input In @d { a: Int = 1 @x, "b" b: [In!] = [{a: 2}] })");
  const auto& input = only<InputObjectTypeDefinition>(*document);
  ASSERT_EQ(input.fields.size(), 2u);
  EXPECT_EQ(std::get<IntValue>(*input.fields[0].defaultValue).value, "1");
  EXPECT_EQ(input.fields[0].directives.at(0).name.value, "x");
  EXPECT_EQ(input.fields[1].description->value, "b");
  const auto& list = std::get<ListValue>(*input.fields[1].defaultValue);
  EXPECT_EQ(std::get<ObjectValue>(list.values.at(0)).fields.at(0).name.value, "a");
}

TEST(TypeSystemParserTest, ParsesDirectiveDefinitions) {
  auto document =
      parse(R"("Desc" directive @cache(ttl: Int = 60) repeatable on | FIELD_DEFINITION | OBJECT)");
  const auto& directive = only<DirectiveDefinition>(*document);
  EXPECT_EQ(directive.description->value, "Desc");
  EXPECT_EQ(directive.name.value, "cache");
  EXPECT_EQ(directive.arguments.at(0).name.value, "ttl");
  EXPECT_TRUE(directive.repeatable);
  ASSERT_EQ(directive.locations.size(), 2u);
  EXPECT_EQ(directive.locations[0].value, "FIELD_DEFINITION");
  EXPECT_EQ(directiveLocationFromName(directive.locations[1].value), DirectiveLocation::Object);
  EXPECT_FALSE(only<DirectiveDefinition>(*parse("directive @a on QUERY")).repeatable);
  // `repeatable` is a keyword only in that place.
  auto named = parse("directive @repeatable(repeatable: Int) on QUERY");
  EXPECT_EQ(only<DirectiveDefinition>(*named).name.value, "repeatable");
}

TEST(TypeSystemParserTest, AcceptsEveryDirectiveLocation) {
  std::string locations;
  for (int i = 0; i <= static_cast<int>(DirectiveLocation::InputFieldDefinition); ++i) {
    auto location = static_cast<DirectiveLocation>(i);
    EXPECT_EQ(directiveLocationFromName(directiveLocationName(location)), location);
    locations += (i ? " | " : "") + std::string(directiveLocationName(location));
  }
  EXPECT_EQ(only<DirectiveDefinition>(*parse("directive @d on " + locations)).locations.size(),
            19u);
  EXPECT_FALSE(directiveLocationFromName("field"));
}

TEST(TypeSystemParserTest, ParsesEveryExtension) {
  auto document = parse(R"(
extend schema @d { subscription: S }
extend schema @e
extend scalar Time @d
extend type T implements I
extend type T @d
extend type T { f: Int }
extend interface I implements J
extend interface I { f: Int }
extend union U = A | B
extend union U @d
extend enum E { X }
extend enum E @d
extend input In { f: Int }
extend input In @d
)");
  ASSERT_EQ(document->definitions.size(), 14u);
  for (const Definition& definition : document->definitions)
    EXPECT_TRUE(isTypeSystemExtension(definition)) << kindName(kindOf(definition));
  const auto& schema = std::get<SchemaExtension>(document->definitions[0]);
  EXPECT_EQ(schema.operationTypes.at(0).operation, OperationType::Subscription);
  EXPECT_EQ(schema.loc.line, 2);
  EXPECT_TRUE(std::get<SchemaExtension>(document->definitions[1]).operationTypes.empty());
  EXPECT_EQ(std::get<ScalarTypeExtension>(document->definitions[2]).name.value, "Time");
  EXPECT_EQ(std::get<ObjectTypeExtension>(document->definitions[3]).interfaces.at(0).name.value,
            "I");
  EXPECT_EQ(std::get<ObjectTypeExtension>(document->definitions[5]).fields.at(0).name.value, "f");
  EXPECT_EQ(std::get<InterfaceTypeExtension>(document->definitions[6]).interfaces.size(), 1u);
  EXPECT_EQ(std::get<UnionTypeExtension>(document->definitions[8]).types.size(), 2u);
  EXPECT_EQ(std::get<EnumTypeExtension>(document->definitions[10]).values.at(0).name.value, "X");
  EXPECT_EQ(std::get<InputObjectTypeExtension>(document->definitions[12]).fields.size(), 1u);
  EXPECT_EQ(std::get<InputObjectTypeExtension>(document->definitions[13]).directives.size(), 1u);
}

TEST(TypeSystemParserTest, StartsADescribedDefinitionAtItsDescription) {
  auto document = parse("\n  \"desc\"\n  type T");
  const auto& object = only<ObjectTypeDefinition>(*document);
  EXPECT_EQ(object.loc.start, 3u);
  EXPECT_EQ(object.loc.line, 2);
  EXPECT_EQ(object.loc.column, 3);
  EXPECT_EQ(object.description->loc.start, 3u);
  EXPECT_EQ(object.description->loc.end, 9u);
  EXPECT_EQ(object.name.loc.line, 3);
}

}  // namespace
}  // namespace mt::api
