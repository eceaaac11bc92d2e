#pragma once

#include <optional>
#include <string>

#include "Type.h"
#include "Value.h"

namespace mt::api {

// `value`, a value of `type` as resolvers see it, written as a GraphQL literal, as
// graphql-js's print(astFromValue(value, type)) writes it: what introspection gives as
// an input value's defaultValue. Leaves are serialised first; enum values print bare,
// an ID that looks like an integer prints as one, strings are quoted; input objects
// list their fields in the type's order, leaving out absent ones. nullopt where
// graphql-js's astFromValue gives null (a null in a non-null position, a value that
// is not an object where an input object is expected). Throws GraphQLError if a leaf
// cannot be serialised.
std::optional<std::string> printValueLiteral(const Value& value, const Type& type);

}  // namespace mt::api
