// The parser's type-system rules: the definitions and extensions of the schema
// definition language (SDL). The rest of the parser is in Parser.cc and ValueParser.cc.
#include <string>
#include <utility>

#include "DirectiveLocation.h"
#include "Parser.h"
#include "ParserRepetition.h"

namespace mt::api {

// ---------------------------------------------------------------------------
// Descriptions

bool Parser::peekDescription() const {
  return peek(TokenKind::String) || peek(TokenKind::BlockString);
}

/**
 * Description : StringValue
 */
std::optional<ast::StringValue> Parser::parseDescription() {
  if (peekDescription()) return parseStringLiteral();
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Schema

/**
 * SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
 */
ast::SchemaDefinition Parser::parseSchemaDefinition() {
  Start start = startHere();
  ast::SchemaDefinition schema;
  schema.description = parseDescription();
  expectKeyword("schema");
  schema.directives = parseDirectives(true);
  schema.operationTypes = many(
      TokenKind::BraceL, [this] { return parseOperationTypeDefinition(); }, TokenKind::BraceR);
  schema.loc = locationFrom(start);
  return schema;
}

/**
 * RootOperationTypeDefinition : OperationType : NamedType
 */
ast::OperationTypeDefinition Parser::parseOperationTypeDefinition() {
  Start start = startHere();
  ast::OperationTypeDefinition definition;
  definition.operation = parseOperationType();
  expectToken(TokenKind::Colon);
  definition.type = parseNamedType();
  definition.loc = locationFrom(start);
  return definition;
}

// ---------------------------------------------------------------------------
// Types

/**
 * ScalarTypeDefinition : Description? scalar Name Directives[Const]?
 */
ast::ScalarTypeDefinition Parser::parseScalarTypeDefinition() {
  Start start = startHere();
  ast::ScalarTypeDefinition scalar;
  scalar.description = parseDescription();
  expectKeyword("scalar");
  scalar.name = parseName();
  scalar.directives = parseDirectives(true);
  scalar.loc = locationFrom(start);
  return scalar;
}

/**
 * ObjectTypeDefinition :
 *   Description?
 *   type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
 */
ast::ObjectTypeDefinition Parser::parseObjectTypeDefinition() {
  Start start = startHere();
  ast::ObjectTypeDefinition object;
  object.description = parseDescription();
  expectKeyword("type");
  object.name = parseName();
  object.interfaces = parseImplementsInterfaces();
  object.directives = parseDirectives(true);
  object.fields = parseFieldsDefinition();
  object.loc = locationFrom(start);
  return object;
}

/**
 * ImplementsInterfaces :
 *   - implements `&`? NamedType
 *   - ImplementsInterfaces & NamedType
 */
std::vector<ast::NamedType> Parser::parseImplementsInterfaces() {
  if (!expectOptionalKeyword("implements")) return {};
  return delimitedMany(TokenKind::Amp, [this] { return parseNamedType(); });
}

/**
 * FieldsDefinition : { FieldDefinition+ }
 */
std::vector<ast::FieldDefinition> Parser::parseFieldsDefinition() {
  return optionalMany(
      TokenKind::BraceL, [this] { return parseFieldDefinition(); }, TokenKind::BraceR);
}

/**
 * FieldDefinition :
 *   - Description? Name ArgumentsDefinition? : Type Directives[Const]?
 */
ast::FieldDefinition Parser::parseFieldDefinition() {
  Start start = startHere();
  ast::FieldDefinition field;
  field.description = parseDescription();
  field.name = parseName();
  field.arguments = parseArgumentDefs();
  expectToken(TokenKind::Colon);
  field.type = parseTypeReference();
  field.directives = parseDirectives(true);
  field.loc = locationFrom(start);
  return field;
}

/**
 * ArgumentsDefinition : ( InputValueDefinition+ )
 */
std::vector<ast::InputValueDefinition> Parser::parseArgumentDefs() {
  return optionalMany(
      TokenKind::ParenL, [this] { return parseInputValueDef(); }, TokenKind::ParenR);
}

/**
 * InputValueDefinition :
 *   - Description? Name : Type DefaultValue? Directives[Const]?
 */
ast::InputValueDefinition Parser::parseInputValueDef() {
  Start start = startHere();
  ast::InputValueDefinition definition;
  definition.description = parseDescription();
  definition.name = parseName();
  expectToken(TokenKind::Colon);
  definition.type = parseTypeReference();
  if (expectOptionalToken(TokenKind::Equals)) definition.defaultValue = parseValueLiteral(true);
  definition.directives = parseDirectives(true);
  definition.loc = locationFrom(start);
  return definition;
}

/**
 * InterfaceTypeDefinition :
 *   - Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
 */
ast::InterfaceTypeDefinition Parser::parseInterfaceTypeDefinition() {
  Start start = startHere();
  ast::InterfaceTypeDefinition interfaceType;
  interfaceType.description = parseDescription();
  expectKeyword("interface");
  interfaceType.name = parseName();
  interfaceType.interfaces = parseImplementsInterfaces();
  interfaceType.directives = parseDirectives(true);
  interfaceType.fields = parseFieldsDefinition();
  interfaceType.loc = locationFrom(start);
  return interfaceType;
}

/**
 * UnionTypeDefinition :
 *   - Description? union Name Directives[Const]? UnionMemberTypes?
 */
ast::UnionTypeDefinition Parser::parseUnionTypeDefinition() {
  Start start = startHere();
  ast::UnionTypeDefinition unionType;
  unionType.description = parseDescription();
  expectKeyword("union");
  unionType.name = parseName();
  unionType.directives = parseDirectives(true);
  unionType.types = parseUnionMemberTypes();
  unionType.loc = locationFrom(start);
  return unionType;
}

/**
 * UnionMemberTypes :
 *   - = `|`? NamedType
 *   - UnionMemberTypes | NamedType
 */
std::vector<ast::NamedType> Parser::parseUnionMemberTypes() {
  if (!expectOptionalToken(TokenKind::Equals)) return {};
  return delimitedMany(TokenKind::Pipe, [this] { return parseNamedType(); });
}

/**
 * EnumTypeDefinition :
 *   - Description? enum Name Directives[Const]? EnumValuesDefinition?
 */
ast::EnumTypeDefinition Parser::parseEnumTypeDefinition() {
  Start start = startHere();
  ast::EnumTypeDefinition enumType;
  enumType.description = parseDescription();
  expectKeyword("enum");
  enumType.name = parseName();
  enumType.directives = parseDirectives(true);
  enumType.values = parseEnumValuesDefinition();
  enumType.loc = locationFrom(start);
  return enumType;
}

/**
 * EnumValuesDefinition : { EnumValueDefinition+ }
 */
std::vector<ast::EnumValueDefinition> Parser::parseEnumValuesDefinition() {
  return optionalMany(
      TokenKind::BraceL, [this] { return parseEnumValueDefinition(); }, TokenKind::BraceR);
}

/**
 * EnumValueDefinition : Description? EnumValue Directives[Const]?
 */
ast::EnumValueDefinition Parser::parseEnumValueDefinition() {
  Start start = startHere();
  ast::EnumValueDefinition value;
  value.description = parseDescription();
  value.name = parseEnumValueName();
  value.directives = parseDirectives(true);
  value.loc = locationFrom(start);
  return value;
}

/**
 * EnumValue : Name but not `true`, `false` or `null`
 */
ast::Name Parser::parseEnumValueName() {
  std::string_view text = lexer_.token().text;
  if (peek(TokenKind::Name) && (text == "true" || text == "false" || text == "null")) {
    throwSyntaxError(
        lexer_.source(), lexer_.token().start,
        describeToken(lexer_.token()) + " is reserved and cannot be used for an enum value.");
  }
  return parseName();
}

/**
 * InputObjectTypeDefinition :
 *   - Description? input Name Directives[Const]? InputFieldsDefinition?
 */
ast::InputObjectTypeDefinition Parser::parseInputObjectTypeDefinition() {
  Start start = startHere();
  ast::InputObjectTypeDefinition input;
  input.description = parseDescription();
  expectKeyword("input");
  input.name = parseName();
  input.directives = parseDirectives(true);
  input.fields = parseInputFieldsDefinition();
  input.loc = locationFrom(start);
  return input;
}

/**
 * InputFieldsDefinition : { InputValueDefinition+ }
 */
std::vector<ast::InputValueDefinition> Parser::parseInputFieldsDefinition() {
  return optionalMany(
      TokenKind::BraceL, [this] { return parseInputValueDef(); }, TokenKind::BraceR);
}

// ---------------------------------------------------------------------------
// Extensions

/**
 * TypeSystemExtension :
 *   - SchemaExtension
 *   - TypeExtension
 *
 * TypeExtension :
 *   - ScalarTypeExtension
 *   - ObjectTypeExtension
 *   - InterfaceTypeExtension
 *   - UnionTypeExtension
 *   - EnumTypeExtension
 *   - InputObjectTypeDefinition
 */
ast::Definition Parser::parseTypeSystemExtension() {
  const Token& keywordToken = lexer_.lookahead();
  if (keywordToken.kind == TokenKind::Name) {
    std::string_view keyword = keywordToken.text;
    if (keyword == "schema") return parseSchemaExtension();
    if (keyword == "scalar") return parseScalarTypeExtension();
    if (keyword == "type") return parseObjectTypeExtension();
    if (keyword == "interface") return parseInterfaceTypeExtension();
    if (keyword == "union") return parseUnionTypeExtension();
    if (keyword == "enum") return parseEnumTypeExtension();
    if (keyword == "input") return parseInputObjectTypeExtension();
  }
  throwUnexpected(keywordToken);
}

/**
 * SchemaExtension :
 *  - extend schema Directives[Const]? { RootOperationTypeDefinition+ }
 *  - extend schema Directives[Const]
 */
ast::SchemaExtension Parser::parseSchemaExtension() {
  Start start = startHere();
  expectKeyword("extend");
  expectKeyword("schema");
  ast::SchemaExtension extension;
  extension.directives = parseDirectives(true);
  extension.operationTypes = optionalMany(
      TokenKind::BraceL, [this] { return parseOperationTypeDefinition(); }, TokenKind::BraceR);
  if (extension.directives.empty() && extension.operationTypes.empty()) throwUnexpected();
  extension.loc = locationFrom(start);
  return extension;
}

/**
 * ScalarTypeExtension :
 *   - extend scalar Name Directives[Const]
 */
ast::ScalarTypeExtension Parser::parseScalarTypeExtension() {
  Start start = startHere();
  expectKeyword("extend");
  expectKeyword("scalar");
  ast::ScalarTypeExtension extension;
  extension.name = parseName();
  extension.directives = parseDirectives(true);
  if (extension.directives.empty()) throwUnexpected();
  extension.loc = locationFrom(start);
  return extension;
}

/**
 * ObjectTypeExtension :
 *  - extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
 *  - extend type Name ImplementsInterfaces? Directives[Const]
 *  - extend type Name ImplementsInterfaces
 */
ast::ObjectTypeExtension Parser::parseObjectTypeExtension() {
  Start start = startHere();
  expectKeyword("extend");
  expectKeyword("type");
  ast::ObjectTypeExtension extension;
  extension.name = parseName();
  extension.interfaces = parseImplementsInterfaces();
  extension.directives = parseDirectives(true);
  extension.fields = parseFieldsDefinition();
  if (extension.interfaces.empty() && extension.directives.empty() && extension.fields.empty()) {
    throwUnexpected();
  }
  extension.loc = locationFrom(start);
  return extension;
}

/**
 * InterfaceTypeExtension :
 *  - extend interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
 *  - extend interface Name ImplementsInterfaces? Directives[Const]
 *  - extend interface Name ImplementsInterfaces
 */
ast::InterfaceTypeExtension Parser::parseInterfaceTypeExtension() {
  Start start = startHere();
  expectKeyword("extend");
  expectKeyword("interface");
  ast::InterfaceTypeExtension extension;
  extension.name = parseName();
  extension.interfaces = parseImplementsInterfaces();
  extension.directives = parseDirectives(true);
  extension.fields = parseFieldsDefinition();
  if (extension.interfaces.empty() && extension.directives.empty() && extension.fields.empty()) {
    throwUnexpected();
  }
  extension.loc = locationFrom(start);
  return extension;
}

/**
 * UnionTypeExtension :
 *   - extend union Name Directives[Const]? UnionMemberTypes
 *   - extend union Name Directives[Const]
 */
ast::UnionTypeExtension Parser::parseUnionTypeExtension() {
  Start start = startHere();
  expectKeyword("extend");
  expectKeyword("union");
  ast::UnionTypeExtension extension;
  extension.name = parseName();
  extension.directives = parseDirectives(true);
  extension.types = parseUnionMemberTypes();
  if (extension.directives.empty() && extension.types.empty()) throwUnexpected();
  extension.loc = locationFrom(start);
  return extension;
}

/**
 * EnumTypeExtension :
 *   - extend enum Name Directives[Const]? EnumValuesDefinition
 *   - extend enum Name Directives[Const]
 */
ast::EnumTypeExtension Parser::parseEnumTypeExtension() {
  Start start = startHere();
  expectKeyword("extend");
  expectKeyword("enum");
  ast::EnumTypeExtension extension;
  extension.name = parseName();
  extension.directives = parseDirectives(true);
  extension.values = parseEnumValuesDefinition();
  if (extension.directives.empty() && extension.values.empty()) throwUnexpected();
  extension.loc = locationFrom(start);
  return extension;
}

/**
 * InputObjectTypeExtension :
 *   - extend input Name Directives[Const]? InputFieldsDefinition
 *   - extend input Name Directives[Const]
 */
ast::InputObjectTypeExtension Parser::parseInputObjectTypeExtension() {
  Start start = startHere();
  expectKeyword("extend");
  expectKeyword("input");
  ast::InputObjectTypeExtension extension;
  extension.name = parseName();
  extension.directives = parseDirectives(true);
  extension.fields = parseInputFieldsDefinition();
  if (extension.directives.empty() && extension.fields.empty()) throwUnexpected();
  extension.loc = locationFrom(start);
  return extension;
}

// ---------------------------------------------------------------------------
// Directives

/**
 * DirectiveDefinition :
 *   - Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
 */
ast::DirectiveDefinition Parser::parseDirectiveDefinition() {
  Start start = startHere();
  ast::DirectiveDefinition directive;
  directive.description = parseDescription();
  expectKeyword("directive");
  expectToken(TokenKind::At);
  directive.name = parseName();
  directive.arguments = parseArgumentDefs();
  directive.repeatable = expectOptionalKeyword("repeatable");
  expectKeyword("on");
  directive.locations = parseDirectiveLocations();
  directive.loc = locationFrom(start);
  return directive;
}

/**
 * DirectiveLocations :
 *   - `|`? DirectiveLocation
 *   - DirectiveLocations | DirectiveLocation
 */
std::vector<ast::Name> Parser::parseDirectiveLocations() {
  return delimitedMany(TokenKind::Pipe, [this] { return parseDirectiveLocation(); });
}

/*
 * DirectiveLocation :
 *   - ExecutableDirectiveLocation
 *   - TypeSystemDirectiveLocation
 *
 * ExecutableDirectiveLocation : one of
 *   `QUERY`
 *   `MUTATION`
 *   `SUBSCRIPTION`
 *   `FIELD`
 *   `FRAGMENT_DEFINITION`
 *   `FRAGMENT_SPREAD`
 *   `INLINE_FRAGMENT`
 *   `VARIABLE_DEFINITION`
 *
 * TypeSystemDirectiveLocation : one of
 *   `SCHEMA`
 *   `SCALAR`
 *   `OBJECT`
 *   `FIELD_DEFINITION`
 *   `ARGUMENT_DEFINITION`
 *   `INTERFACE`
 *   `UNION`
 *   `ENUM`
 *   `ENUM_VALUE`
 *   `INPUT_OBJECT`
 *   `INPUT_FIELD_DEFINITION`
 */
ast::Name Parser::parseDirectiveLocation() {
  Token start = lexer_.token();
  ast::Name name = parseName();
  if (!directiveLocationFromName(name.value)) throwUnexpected(start);
  return name;
}

}  // namespace mt::api
