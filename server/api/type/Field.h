#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Ast.h"
#include "Resolved.h"
#include "Type.h"
#include "Value.h"

namespace mt::api {

// The members of named types and directives, as graphql-js's GraphQLField,
// GraphQLArgument / GraphQLInputField and GraphQLEnumValue. Plain data, filled in by
// SchemaBuilder and immutable once the schema is built. `astNode` points into the
// SDL document it was read from, which the schema keeps alive (the engine's own SDL,
// SpecifiedSdl, for the built-in and introspection definitions); it is null for the
// meta-fields.

// An argument of a field or directive, or a field of an input object.
struct InputValue {
  std::string name;
  std::optional<std::string> description;
  const Type* type = nullptr;
  // The default, already coerced to `type` (the value a resolver sees when the
  // argument is omitted); absent when there is none. A default of `null` is present
  // and null.
  std::optional<Value> defaultValue;
  std::optional<std::string> deprecationReason;
  const ast::InputValueDefinition* astNode = nullptr;

  // Non-null without a default: must be given.
  bool isRequired() const noexcept { return type->isNonNull() && !defaultValue.has_value(); }
  bool isDeprecated() const noexcept { return deprecationReason.has_value(); }
};

// A field of an object or interface type.
struct Field {
  std::string name;
  std::optional<std::string> description;
  const Type* type = nullptr;
  std::vector<InputValue> args;  // in definition order
  std::optional<std::string> deprecationReason;
  // At most one of the two is set. Neither: execution uses defaultFieldResolver. An
  // object type's field without its own resolver inherits one registered on the
  // same field of an interface it implements.
  FieldResolver resolve;
  BatchFieldResolver batchResolve;
  // Only on the subscription root type's fields: starts the field's event stream.
  SubscribeResolver subscribe;
  const ast::FieldDefinition* astNode = nullptr;

  // The argument called `name`, or null (a linear scan: fields have few arguments).
  const InputValue* arg(std::string_view argName) const noexcept;
  bool isDeprecated() const noexcept { return deprecationReason.has_value(); }
};

// A value of an enum type. Its internal value is its name: resolvers return, and
// arguments carry, a String holding it.
struct EnumValue {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> deprecationReason;
  const ast::EnumValueDefinition* astNode = nullptr;

  bool isDeprecated() const noexcept { return deprecationReason.has_value(); }
};

// The argument or input field called `name` among `values`, or null.
const InputValue* findInputValue(const std::vector<InputValue>& values,
                                 std::string_view name) noexcept;

}  // namespace mt::api
