#pragma once

#include "Ast.h"
#include "Value.h"

namespace mt::api {

// The behaviour of a scalar type (graphql-js's GraphQLScalarType config): how values
// cross the boundary between the application and GraphQL in each direction. The
// schema holds one per scalar, shared across threads, so implementations must be
// stateless or thread-safe.
//
// Each method throws GraphQLError, carrying only a message, for a value it cannot
// represent; execution and validation add locations and paths. Messages follow
// graphql-js's wording: "Int cannot represent non-integer value: 1.5".
//
// The defaults are graphql-js's: serialize and parseValue pass values through, and
// parseLiteral reads the literal as plain data (valueFromAstUntyped) and then applies
// parseValue.
class ScalarType {
 public:
  virtual ~ScalarType() = default;

  // Result coercion: a resolver's value to the value the response carries.
  virtual Value serialize(const Value& result) const;

  // Input coercion of a value from the variables (JSON) to the value resolvers see.
  virtual Value parseValue(const Value& input) const;

  // Input coercion of a literal in the document. `variables` are the operation's
  // coerced variable values (an Object), or null where none are known yet (during
  // validation); they matter only for a literal that contains variables, which the
  // built-in scalars reject. A literal that is itself a variable never gets here.
  virtual Value parseLiteral(const ast::Value& literal, const Value& variables) const;
};

}  // namespace mt::api
