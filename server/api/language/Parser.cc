// The parser's core: entry points, token handling, and the rules of executable
// definitions. Values, directives and types are in ValueParser.cc, the type-system
// rules in TypeSystemParser.cc.
#include "Parser.h"

#include <string>
#include <utility>

#include "ParserRepetition.h"

namespace mt::api {

namespace {

template <class Entry>
auto parseWhole(const Source& source, const ParseOptions& options, Entry entry) {
  Parser parser(source, options);
  parser.start();
  auto node = entry(parser);
  parser.expectEnd();
  return node;
}

}  // namespace

std::shared_ptr<const ast::Document> parse(std::string source, const ParseOptions& options) {
  return parse(std::make_shared<const Source>(std::move(source)), options);
}

std::shared_ptr<const ast::Document> parse(std::shared_ptr<const Source> source,
                                           const ParseOptions& options) {
  Parser parser(*source, options);
  auto document = std::make_shared<ast::Document>(parser.parseDocument());
  document->source = std::move(source);
  return document;
}

ParsedValue parseValue(std::string source, const ParseOptions& options) {
  auto shared = std::make_shared<const Source>(std::move(source));
  ast::Value value =
      parseWhole(*shared, options, [](Parser& parser) { return parser.parseValueLiteral(false); });
  return {std::move(shared), std::move(value)};
}

ParsedValue parseConstValue(std::string source, const ParseOptions& options) {
  auto shared = std::make_shared<const Source>(std::move(source));
  ast::Value value =
      parseWhole(*shared, options, [](Parser& parser) { return parser.parseValueLiteral(true); });
  return {std::move(shared), std::move(value)};
}

ParsedType parseType(std::string source, const ParseOptions& options) {
  auto shared = std::make_shared<const Source>(std::move(source));
  ast::TypeRef type =
      parseWhole(*shared, options, [](Parser& parser) { return parser.parseTypeReference(); });
  return {std::move(shared), std::move(type)};
}

Parser::Parser(const Source& source, ParseOptions options) : lexer_(source), options_(options) {}

void Parser::start() {
  expectToken(TokenKind::StartOfFile);
}

void Parser::expectEnd() {
  expectToken(TokenKind::EndOfFile);
}

// ---------------------------------------------------------------------------
// Token handling

Parser::Start Parser::startHere() const {
  const Token& token = lexer_.token();
  return {token.start, token.line, token.column};
}

ast::Location Parser::locationFrom(Start start) const {
  return {start.offset, lexer_.lastToken().end, start.line, start.column};
}

bool Parser::peekKeyword(std::string_view keyword) const {
  return peek(TokenKind::Name) && lexer_.token().text == keyword;
}

void Parser::expectToken(TokenKind kind) {
  if (peek(kind)) {
    advanceLexer();
    return;
  }
  throwSyntaxError(
      lexer_.source(), lexer_.token().start,
      "Expected " + describeTokenKind(kind) + ", found " + describeToken(lexer_.token()) + ".");
}

bool Parser::expectOptionalToken(TokenKind kind) {
  if (!peek(kind)) return false;
  advanceLexer();
  return true;
}

void Parser::expectKeyword(std::string_view keyword) {
  if (peekKeyword(keyword)) {
    advanceLexer();
    return;
  }
  throwSyntaxError(
      lexer_.source(), lexer_.token().start,
      "Expected \"" + std::string(keyword) + "\", found " + describeToken(lexer_.token()) + ".");
}

bool Parser::expectOptionalKeyword(std::string_view keyword) {
  if (!peekKeyword(keyword)) return false;
  advanceLexer();
  return true;
}

void Parser::throwUnexpected() const {
  throwUnexpected(lexer_.token());
}

void Parser::throwUnexpected(const Token& token) const {
  throwSyntaxError(lexer_.source(), token.start, "Unexpected " + describeToken(token) + ".");
}

void Parser::advanceLexer() {
  const Token& token = lexer_.advance();
  if (token.kind == TokenKind::EndOfFile) return;
  if (++tokenCount_ > options_.maxTokens) {
    throwSyntaxError(lexer_.source(), token.start,
                     "Document contains more than " + std::to_string(options_.maxTokens) +
                         " tokens. Parsing aborted.");
  }
}

Parser::NestingLevel::NestingLevel(Parser& parser) : parser_(parser) {
  if (++parser_.depth_ > parser_.options_.maxDepth) {
    --parser_.depth_;
    throwSyntaxError(parser_.lexer_.source(), parser_.lexer_.token().start,
                     "Document is nested more than " + std::to_string(parser_.options_.maxDepth) +
                         " levels deep. Parsing aborted.");
  }
}

// ---------------------------------------------------------------------------
// Documents

/**
 * Document : Definition+
 */
ast::Document Parser::parseDocument() {
  Start start = startHere();
  ast::Document document;
  document.definitions = many(
      TokenKind::StartOfFile, [this] { return parseDefinition(); }, TokenKind::EndOfFile);
  document.loc = locationFrom(start);
  document.tokenCount = tokenCount_;
  return document;
}

/**
 * Definition :
 *   - ExecutableDefinition
 *   - TypeSystemDefinitionOrExtension
 *
 * ExecutableDefinition :
 *   - OperationDefinition
 *   - FragmentDefinition
 *
 * TypeSystemDefinitionOrExtension :
 *   - TypeSystemDefinition
 *   - TypeSystemExtension
 *
 * TypeSystemDefinition :
 *   - SchemaDefinition
 *   - TypeDefinition
 *   - DirectiveDefinition
 *
 * TypeDefinition :
 *   - ScalarTypeDefinition
 *   - ObjectTypeDefinition
 *   - InterfaceTypeDefinition
 *   - UnionTypeDefinition
 *   - EnumTypeDefinition
 *   - InputObjectTypeDefinition
 */
ast::Definition Parser::parseDefinition() {
  if (peek(TokenKind::BraceL)) return parseOperationDefinition();

  // A description comes before the keyword that says what is described.
  bool hasDescription = peekDescription();
  const Token& keywordToken = hasDescription ? lexer_.lookahead() : lexer_.token();
  if (hasDescription && keywordToken.kind == TokenKind::BraceL) {
    throwSyntaxError(
        lexer_.source(), lexer_.token().start,
        "Unexpected description, descriptions are not supported on shorthand queries.");
  }

  if (keywordToken.kind == TokenKind::Name) {
    std::string_view keyword = keywordToken.text;
    if (keyword == "schema") return parseSchemaDefinition();
    if (keyword == "scalar") return parseScalarTypeDefinition();
    if (keyword == "type") return parseObjectTypeDefinition();
    if (keyword == "interface") return parseInterfaceTypeDefinition();
    if (keyword == "union") return parseUnionTypeDefinition();
    if (keyword == "enum") return parseEnumTypeDefinition();
    if (keyword == "input") return parseInputObjectTypeDefinition();
    if (keyword == "directive") return parseDirectiveDefinition();

    if (keyword == "query" || keyword == "mutation" || keyword == "subscription") {
      return parseOperationDefinition();
    }
    if (keyword == "fragment") return parseFragmentDefinition();

    if (hasDescription) {
      throwSyntaxError(lexer_.source(), lexer_.token().start,
                       "Unexpected description, only GraphQL definitions support descriptions.");
    }
    if (keyword == "extend") return parseTypeSystemExtension();
  }
  throwUnexpected(keywordToken);
}

// ---------------------------------------------------------------------------
// Operations

/**
 * OperationDefinition :
 *  - SelectionSet
 *  - Description? OperationType Name? VariableDefinitions? Directives? SelectionSet
 */
ast::OperationDefinition Parser::parseOperationDefinition() {
  Start start = startHere();
  ast::OperationDefinition operation;
  if (peek(TokenKind::BraceL)) {
    operation.operation = ast::OperationType::Query;
    operation.selectionSet = parseSelectionSet();
    operation.loc = locationFrom(start);
    return operation;
  }
  operation.description = parseDescription();
  operation.operation = parseOperationType();
  if (peek(TokenKind::Name)) operation.name = parseName();
  operation.variableDefinitions = parseVariableDefinitions();
  operation.directives = parseDirectives(false);
  operation.selectionSet = parseSelectionSet();
  operation.loc = locationFrom(start);
  return operation;
}

/**
 * OperationType : one of query mutation subscription
 */
ast::OperationType Parser::parseOperationType() {
  // Read past the name before judging it, as graphql-js does, so that a lexer error
  // right after it is the error reported.
  Token token = lexer_.token();
  expectToken(TokenKind::Name);
  if (token.text == "query") return ast::OperationType::Query;
  if (token.text == "mutation") return ast::OperationType::Mutation;
  if (token.text == "subscription") return ast::OperationType::Subscription;
  throwUnexpected(token);
}

/**
 * VariableDefinitions : ( VariableDefinition+ )
 */
std::vector<ast::VariableDefinition> Parser::parseVariableDefinitions() {
  return optionalMany(
      TokenKind::ParenL, [this] { return parseVariableDefinition(); }, TokenKind::ParenR);
}

/**
 * VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
 *
 * DefaultValue : = Value[Const]
 */
ast::VariableDefinition Parser::parseVariableDefinition() {
  Start start = startHere();
  ast::VariableDefinition definition;
  definition.description = parseDescription();
  definition.variable = parseVariable();
  expectToken(TokenKind::Colon);
  definition.type = parseTypeReference();
  if (expectOptionalToken(TokenKind::Equals)) definition.defaultValue = parseValueLiteral(true);
  definition.directives = parseDirectives(true);
  definition.loc = locationFrom(start);
  return definition;
}

/**
 * Variable : $ Name
 */
ast::Variable Parser::parseVariable() {
  Start start = startHere();
  expectToken(TokenKind::Dollar);
  ast::Variable variable;
  variable.name = parseName();
  variable.loc = locationFrom(start);
  return variable;
}

/**
 * SelectionSet : { Selection+ }
 */
ast::SelectionSet Parser::parseSelectionSet() {
  NestingLevel level(*this);
  Start start = startHere();
  ast::SelectionSet selectionSet;
  selectionSet.selections = many(
      TokenKind::BraceL, [this] { return parseSelection(); }, TokenKind::BraceR);
  selectionSet.loc = locationFrom(start);
  return selectionSet;
}

/**
 * Selection :
 *   - Field
 *   - FragmentSpread
 *   - InlineFragment
 */
ast::Selection Parser::parseSelection() {
  if (peek(TokenKind::Spread)) return parseFragment();
  return parseField();
}

/**
 * Field : Alias? Name Arguments? Directives? SelectionSet?
 *
 * Alias : Name :
 */
ast::Field Parser::parseField() {
  Start start = startHere();
  ast::Field field;
  ast::Name nameOrAlias = parseName();
  if (expectOptionalToken(TokenKind::Colon)) {
    field.alias = nameOrAlias;
    field.name = parseName();
  } else {
    field.name = nameOrAlias;
  }
  field.arguments = parseArguments(false);
  field.directives = parseDirectives(false);
  if (peek(TokenKind::BraceL)) field.selectionSet = parseSelectionSet();
  field.loc = locationFrom(start);
  return field;
}

/**
 * Arguments[Const] : ( Argument[?Const]+ )
 */
std::vector<ast::Argument> Parser::parseArguments(bool isConst) {
  return optionalMany(
      TokenKind::ParenL, [this, isConst] { return parseArgument(isConst); }, TokenKind::ParenR);
}

/**
 * Argument[Const] : Name : Value[?Const]
 */
ast::Argument Parser::parseArgument(bool isConst) {
  Start start = startHere();
  ast::Argument argument;
  argument.name = parseName();
  expectToken(TokenKind::Colon);
  argument.value = parseValueLiteral(isConst);
  argument.loc = locationFrom(start);
  return argument;
}

// ---------------------------------------------------------------------------
// Fragments

/**
 * Corresponds to both FragmentSpread and InlineFragment in the spec.
 *
 * FragmentSpread : ... FragmentName Directives?
 *
 * InlineFragment : ... TypeCondition? Directives? SelectionSet
 */
ast::Selection Parser::parseFragment() {
  Start start = startHere();
  expectToken(TokenKind::Spread);

  bool hasTypeCondition = expectOptionalKeyword("on");
  if (!hasTypeCondition && peek(TokenKind::Name)) {
    ast::FragmentSpread spread;
    spread.name = parseFragmentName();
    spread.directives = parseDirectives(false);
    spread.loc = locationFrom(start);
    return spread;
  }
  ast::InlineFragment fragment;
  if (hasTypeCondition) fragment.typeCondition = parseNamedType();
  fragment.directives = parseDirectives(false);
  fragment.selectionSet = parseSelectionSet();
  fragment.loc = locationFrom(start);
  return fragment;
}

/**
 * FragmentDefinition :
 *   - Description? fragment FragmentName TypeCondition Directives? SelectionSet
 *
 * TypeCondition : on NamedType
 */
ast::FragmentDefinition Parser::parseFragmentDefinition() {
  Start start = startHere();
  ast::FragmentDefinition fragment;
  fragment.description = parseDescription();
  expectKeyword("fragment");
  fragment.name = parseFragmentName();
  expectKeyword("on");
  fragment.typeCondition = parseNamedType();
  fragment.directives = parseDirectives(false);
  fragment.selectionSet = parseSelectionSet();
  fragment.loc = locationFrom(start);
  return fragment;
}

/**
 * FragmentName : Name but not `on`
 */
ast::Name Parser::parseFragmentName() {
  if (peekKeyword("on")) throwUnexpected();
  return parseName();
}

}  // namespace mt::api
