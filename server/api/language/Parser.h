#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Ast.h"
#include "GraphQLError.h"
#include "Lexer.h"
#include "Source.h"

namespace mt::api {

// Defences against hostile documents; both refusals are GraphQLSyntaxErrors.
struct ParseOptions {
  // Refuse a document of more tokens than this (comments do not count): parsing cost
  // and AST size are proportional to it. graphql-js's maxTokens.
  std::size_t maxTokens = 50'000;
  // Refuse nesting deeper than this, counting selection sets, list and object values
  // and list types: the parser, printer and every later pass recurse along it, so
  // this is what keeps them all within the stack.
  int maxDepth = 256;
};

// Parses an executable document or a type-system document (SDL); both kinds of
// definition may be mixed, as graphql-js allows (validation decides what is allowed
// where). Throws GraphQLSyntaxError.
std::shared_ptr<const ast::Document> parse(std::string source, const ParseOptions& options = {});
std::shared_ptr<const ast::Document> parse(std::shared_ptr<const Source> source,
                                           const ParseOptions& options = {});

// A value or type parsed on its own, with the source its views point into.
struct ParsedValue {
  std::shared_ptr<const Source> source;
  ast::Value value;
};
struct ParsedType {
  std::shared_ptr<const Source> source;
  ast::TypeRef type;
};

// A value literal alone, e.g. `[1, "two", {three: $four}]` (graphql-js's parseValue).
ParsedValue parseValue(std::string source, const ParseOptions& options = {});
// A value literal without variables (graphql-js's parseConstValue).
ParsedValue parseConstValue(std::string source, const ParseOptions& options = {});
// A type reference alone, e.g. `[String!]!` (graphql-js's parseType).
ParsedType parseType(std::string source, const ParseOptions& options = {});

// The recursive-descent parser: one parseX() per grammar rule, each quoting its
// production from the spec. Use the functions above; the class is public for tools
// that parse a piece of a document at a time. `source` must outlive the parser and
// everything it returns.
class Parser {
 public:
  Parser(const Source& source, ParseOptions options);

  // Moves from <SOF> to the first token; the entry points call it first.
  void start();
  // Checks that the whole source has been read.
  void expectEnd();

  ast::Document parseDocument();
  ast::Value parseValueLiteral(bool isConst);
  ast::TypeRef parseTypeReference();

  std::size_t tokenCount() const { return tokenCount_; }

 private:
  // Where a node starts: its first token's offset, line and column.
  struct Start {
    std::size_t offset;
    int line;
    int column;
  };

  // Executable definitions (Parser.cc)
  ast::Definition parseDefinition();
  ast::OperationDefinition parseOperationDefinition();
  ast::OperationType parseOperationType();
  std::vector<ast::VariableDefinition> parseVariableDefinitions();
  ast::VariableDefinition parseVariableDefinition();
  ast::Variable parseVariable();
  ast::SelectionSet parseSelectionSet();
  ast::Selection parseSelection();
  ast::Field parseField();
  std::vector<ast::Argument> parseArguments(bool isConst);
  ast::Argument parseArgument(bool isConst);
  ast::Selection parseFragment();
  ast::FragmentDefinition parseFragmentDefinition();
  ast::Name parseFragmentName();
  ast::StringValue parseStringLiteral();
  ast::ListValue parseList(bool isConst);
  ast::ObjectValue parseObject(bool isConst);
  ast::ObjectField parseObjectField(bool isConst);
  std::vector<ast::Directive> parseDirectives(bool isConst);
  ast::Directive parseDirective(bool isConst);
  ast::NamedType parseNamedType();
  ast::Name parseName();

  // Type-system definitions and extensions (TypeSystemParser.cc)
  bool peekDescription() const;
  std::optional<ast::StringValue> parseDescription();
  ast::SchemaDefinition parseSchemaDefinition();
  ast::OperationTypeDefinition parseOperationTypeDefinition();
  ast::ScalarTypeDefinition parseScalarTypeDefinition();
  ast::ObjectTypeDefinition parseObjectTypeDefinition();
  std::vector<ast::NamedType> parseImplementsInterfaces();
  std::vector<ast::FieldDefinition> parseFieldsDefinition();
  ast::FieldDefinition parseFieldDefinition();
  std::vector<ast::InputValueDefinition> parseArgumentDefs();
  ast::InputValueDefinition parseInputValueDef();
  ast::InterfaceTypeDefinition parseInterfaceTypeDefinition();
  ast::UnionTypeDefinition parseUnionTypeDefinition();
  std::vector<ast::NamedType> parseUnionMemberTypes();
  ast::EnumTypeDefinition parseEnumTypeDefinition();
  std::vector<ast::EnumValueDefinition> parseEnumValuesDefinition();
  ast::EnumValueDefinition parseEnumValueDefinition();
  ast::Name parseEnumValueName();
  ast::InputObjectTypeDefinition parseInputObjectTypeDefinition();
  std::vector<ast::InputValueDefinition> parseInputFieldsDefinition();
  ast::Definition parseTypeSystemExtension();
  ast::SchemaExtension parseSchemaExtension();
  ast::ScalarTypeExtension parseScalarTypeExtension();
  ast::ObjectTypeExtension parseObjectTypeExtension();
  ast::InterfaceTypeExtension parseInterfaceTypeExtension();
  ast::UnionTypeExtension parseUnionTypeExtension();
  ast::EnumTypeExtension parseEnumTypeExtension();
  ast::InputObjectTypeExtension parseInputObjectTypeExtension();
  ast::DirectiveDefinition parseDirectiveDefinition();
  std::vector<ast::Name> parseDirectiveLocations();
  ast::Name parseDirectiveLocation();

  // Token handling (Parser.cc)
  Start startHere() const;
  ast::Location locationFrom(Start start) const;
  bool peek(TokenKind kind) const { return lexer_.token().kind == kind; }
  bool peekKeyword(std::string_view keyword) const;
  void expectToken(TokenKind kind);
  bool expectOptionalToken(TokenKind kind);
  void expectKeyword(std::string_view keyword);
  bool expectOptionalKeyword(std::string_view keyword);
  [[noreturn]] void throwUnexpected() const;
  [[noreturn]] void throwUnexpected(const Token& token) const;
  void advanceLexer();

  // Repetition helpers, as graphql-js names them: any = open item* close,
  // many = open item+ close, optionalMany = (open item+ close)?,
  // delimitedMany = delimiter? item (delimiter item)*.
  template <class ParseItem>
  auto any(TokenKind open, ParseItem parseItem, TokenKind close);
  template <class ParseItem>
  auto many(TokenKind open, ParseItem parseItem, TokenKind close);
  template <class ParseItem>
  auto optionalMany(TokenKind open, ParseItem parseItem, TokenKind close);
  template <class ParseItem>
  auto delimitedMany(TokenKind delimiter, ParseItem parseItem);

  // Counts one level of nesting for as long as it lives.
  class NestingLevel {
   public:
    explicit NestingLevel(Parser& parser);
    NestingLevel(const NestingLevel&) = delete;
    NestingLevel& operator=(const NestingLevel&) = delete;
    ~NestingLevel() { --parser_.depth_; }

   private:
    Parser& parser_;
  };

  Lexer lexer_;
  ParseOptions options_;
  std::size_t tokenCount_ = 0;
  int depth_ = 0;
};

}  // namespace mt::api
