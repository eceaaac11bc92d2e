#pragma once

#include <optional>

#include "Ast.h"
#include "Type.h"
#include "Value.h"

namespace mt::api {

// A literal in a document coerced to `type` (graphql-js's valueFromAST): the value a
// resolver sees, with input objects' omitted fields given their defaults. Returns
// nullopt when the literal is not a valid `type`, without saying why (validation's
// ValuesOfCorrectType rule gives the reasons). `variables` are the operation's
// coerced variable values, an Object, or null where none are known: a variable that
// is absent from them is invalid at the top and in a non-null position, null in a
// nullable list item and the field's default in an input object.
//
// Fields of an object literal that the input type does not have are ignored, as in
// graphql-js; validation reports them.
std::optional<Value> valueFromAst(const ast::Value& literal, const Type& type,
                                  const Value& variables);

// A literal read as plain data, without a type (graphql-js's valueFromASTUntyped):
// Int literals become Int (Float when beyond int64), enum values Strings, variables
// their values in `variables` (null when absent).
Value valueFromAstUntyped(const ast::Value& literal, const Value& variables);

}  // namespace mt::api
