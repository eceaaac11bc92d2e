#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "Ast.h"
#include "Field.h"
#include "GraphQLError.h"
#include "Schema.h"
#include "Type.h"
#include "Value.h"

namespace mt::api {

// Input coercion for execution (graphql-js's execution/values.ts and
// utilities/coerceInputValue.ts), with graphql-js's messages, so that a client sees
// the same reasons from this server as from the reference implementation.

// One step of the path to an invalid part of an input value: a field name or a list
// index.
struct InputPathStep {
  std::string_view key;
  std::size_t index = 0;
  bool isIndex = false;
};

// Told about each invalid part of an input value: where it is, the part itself, and
// why ("Int cannot represent non-integer value: 1.5").
using InputErrorHandler = std::function<void(std::span<const InputPathStep> path,
                                             const Value& invalid, const std::string& reason)>;

// Coerces a JSON value to `type` (the spec's CoerceInputValue for variables): scalars
// and enums through their parseValue, input objects with their fields' defaults, a
// non-list value as a list of one. Every problem goes to `onError` and coercion goes
// on, so that all of them are reported; the returned value is meaningful only when
// there were none.
Value coerceInputValue(const Value& input, const Type& type, const InputErrorHandler& onError);

// `.a[0].b` for a path, as graphql-js's printPathArray.
std::string printInputPath(std::span<const InputPathStep> path);

// The operation's variable values coerced to their declared types (the spec's
// CoerceVariableValues): `values` is an Object holding only the variables that are
// given or have a default, so that an argument can tell absent from null.
struct CoercedVariables {
  Value values;
  std::vector<GraphQLError> errors;  // non-empty: the request fails
};

// `inputs` is the request's variables, an Object (or null for none). `types` makes the
// references the definitions spell (`[[Int]]`) that the schema lacks. Stops after
// `maxErrors` errors with graphql-js's "error limit reached".
CoercedVariables coerceVariableValues(TypeArena& types,
                                      const std::vector<ast::VariableDefinition>& definitions,
                                      const Value& inputs, std::size_t maxErrors);

// The argument values of a field or directive occurrence (the spec's
// CoerceArgumentValues) as an Object in definition order: literals through
// valueFromAst, variables looked up in `variables` (the coerced ones), omitted
// arguments given their defaults. A variable that is absent counts as an omitted
// argument; one that is null is null. Throws GraphQLError, located at the offending
// value or at `location` (the field or directive) for a missing argument.
Value coerceArgumentValues(const std::vector<InputValue>& definitions,
                           const std::vector<ast::Argument>& arguments,
                           const ast::Location& location, const Value& variables);

// Whether @skip and @include let a field or fragment through (the spec's
// CollectFields step 2). Throws GraphQLError when their `if` is missing or invalid,
// which validation would have refused.
bool shouldIncludeNode(const Schema& schema, const std::vector<ast::Directive>& directives,
                       const Value& variables);

// The location of a node for an error; none for a node built by hand (line 0).
void appendLocation(const ast::Location& location, std::vector<ErrorLocation>& out);

}  // namespace mt::api
