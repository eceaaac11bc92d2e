#pragma once

#include <string>
#include <string_view>

#include "Ast.h"

namespace mt::api {

// Prints an AST as GraphQL text, exactly as graphql-js's print() does (two-space
// indentation, one selection or field per line, arguments wrapped past 80 columns,
// block strings re-laid out), so that output can be compared with graphql-js's.
// Printing is stable: print(parse(print(x))) == print(x).
std::string print(const ast::Document& document);
std::string print(const ast::Definition& definition);
std::string print(const ast::SelectionSet& selectionSet);
std::string print(const ast::Selection& selection);
std::string print(const ast::VariableDefinition& definition);
std::string print(const ast::Argument& argument);
std::string print(const ast::Directive& directive);
std::string print(const ast::Value& value);
std::string print(const ast::TypeRef& type);

// `value` as a GraphQL string literal, quotes included (graphql-js's printString):
// escapes `"`, `\` and the C0 and C1 control characters.
std::string printString(std::string_view value);

}  // namespace mt::api
