// The parser's rules for what both languages share: values, directives, type
// references and names. The rest of the parser is in Parser.cc and TypeSystemParser.cc.
#include <string>
#include <utility>

#include "Parser.h"
#include "ParserRepetition.h"

namespace mt::api {

// ---------------------------------------------------------------------------
// Values

/**
 * Value[Const] :
 *   - [~Const] Variable
 *   - IntValue
 *   - FloatValue
 *   - StringValue
 *   - BooleanValue
 *   - NullValue
 *   - EnumValue
 *   - ListValue[?Const]
 *   - ObjectValue[?Const]
 *
 * BooleanValue : one of `true` `false`
 *
 * NullValue : `null`
 *
 * EnumValue : Name but not `true`, `false` or `null`
 */
ast::Value Parser::parseValueLiteral(bool isConst) {
  const Token& token = lexer_.token();
  Start start = startHere();
  switch (token.kind) {
    case TokenKind::BracketL:
      return parseList(isConst);
    case TokenKind::BraceL:
      return parseObject(isConst);
    case TokenKind::Int: {
      ast::IntValue value{{}, token.text};
      advanceLexer();
      value.loc = locationFrom(start);
      return value;
    }
    case TokenKind::Float: {
      ast::FloatValue value{{}, token.text};
      advanceLexer();
      value.loc = locationFrom(start);
      return value;
    }
    case TokenKind::String:
    case TokenKind::BlockString:
      return parseStringLiteral();
    case TokenKind::Name: {
      std::string_view name = token.text;
      advanceLexer();
      ast::Location loc = locationFrom(start);
      if (name == "true") return ast::BooleanValue{loc, true};
      if (name == "false") return ast::BooleanValue{loc, false};
      if (name == "null") return ast::NullValue{loc};
      return ast::EnumValue{loc, name};
    }
    case TokenKind::Dollar:
      if (isConst) {
        Token dollar = token;
        expectToken(TokenKind::Dollar);
        if (peek(TokenKind::Name)) {
          throwSyntaxError(lexer_.source(), dollar.start,
                           "Unexpected variable \"$" + std::string(lexer_.token().text) +
                               "\" in constant value.");
        }
        throwUnexpected(dollar);
      }
      return parseVariable();
    default:
      throwUnexpected();
  }
}

/**
 * StringValue (the token's value, decoded by the lexer)
 */
ast::StringValue Parser::parseStringLiteral() {
  Start start = startHere();
  ast::StringValue value;
  value.block = peek(TokenKind::BlockString);
  value.value = lexer_.token().decoded;
  advanceLexer();
  value.loc = locationFrom(start);
  return value;
}

/**
 * ListValue[Const] :
 *   - [ ]
 *   - [ Value[?Const]+ ]
 */
ast::ListValue Parser::parseList(bool isConst) {
  NestingLevel level(*this);
  Start start = startHere();
  ast::ListValue list;
  list.values = any(
      TokenKind::BracketL, [this, isConst] { return parseValueLiteral(isConst); },
      TokenKind::BracketR);
  list.loc = locationFrom(start);
  return list;
}

/**
 * ObjectValue[Const] :
 *   - { }
 *   - { ObjectField[?Const]+ }
 */
ast::ObjectValue Parser::parseObject(bool isConst) {
  NestingLevel level(*this);
  Start start = startHere();
  ast::ObjectValue object;
  object.fields = any(
      TokenKind::BraceL, [this, isConst] { return parseObjectField(isConst); }, TokenKind::BraceR);
  object.loc = locationFrom(start);
  return object;
}

/**
 * ObjectField[Const] : Name : Value[?Const]
 */
ast::ObjectField Parser::parseObjectField(bool isConst) {
  Start start = startHere();
  ast::ObjectField field;
  field.name = parseName();
  expectToken(TokenKind::Colon);
  field.value = parseValueLiteral(isConst);
  field.loc = locationFrom(start);
  return field;
}

// ---------------------------------------------------------------------------
// Directives

/**
 * Directives[Const] : Directive[?Const]+
 */
std::vector<ast::Directive> Parser::parseDirectives(bool isConst) {
  std::vector<ast::Directive> directives;
  while (peek(TokenKind::At))
    directives.push_back(parseDirective(isConst));
  return directives;
}

/**
 * Directive[Const] : @ Name Arguments[?Const]?
 */
ast::Directive Parser::parseDirective(bool isConst) {
  Start start = startHere();
  expectToken(TokenKind::At);
  ast::Directive directive;
  directive.name = parseName();
  directive.arguments = parseArguments(isConst);
  directive.loc = locationFrom(start);
  return directive;
}

// ---------------------------------------------------------------------------
// Types

/**
 * Type :
 *   - NamedType
 *   - ListType
 *   - NonNullType
 *
 * ListType : [ Type ]
 *
 * NonNullType :
 *   - NamedType !
 *   - ListType !
 */
ast::TypeRef Parser::parseTypeReference() {
  Start start = startHere();
  ast::TypeRef type;
  if (peek(TokenKind::BracketL)) {
    NestingLevel level(*this);
    advanceLexer();
    ast::ListType list;
    list.type = parseTypeReference();
    expectToken(TokenKind::BracketR);
    list.loc = locationFrom(start);
    type = std::move(list);
  } else {
    type = parseNamedType();
  }
  if (expectOptionalToken(TokenKind::Bang)) {
    ast::NonNullType nonNull;
    nonNull.type = std::move(type);
    nonNull.loc = locationFrom(start);
    return nonNull;
  }
  return type;
}

/**
 * NamedType : Name
 */
ast::NamedType Parser::parseNamedType() {
  Start start = startHere();
  ast::NamedType type;
  type.name = parseName();
  type.loc = locationFrom(start);
  return type;
}

/**
 * Name :
 *   - NameStart NameContinue* [lookahead != NameContinue]
 */
ast::Name Parser::parseName() {
  Start start = startHere();
  std::string_view value = lexer_.token().text;
  expectToken(TokenKind::Name);
  return {locationFrom(start), value};
}

}  // namespace mt::api
