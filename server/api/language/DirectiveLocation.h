#pragma once

#include <optional>
#include <string_view>

namespace mt::api {

// Where a directive may appear (graphql-js's language/directiveLocation.ts): the
// executable locations, then the type-system ones.
enum class DirectiveLocation {
  Query,
  Mutation,
  Subscription,
  Field,
  FragmentDefinition,
  FragmentSpread,
  InlineFragment,
  VariableDefinition,
  Schema,
  Scalar,
  Object,
  FieldDefinition,
  ArgumentDefinition,
  Interface,
  Union,
  Enum,
  EnumValue,
  InputObject,
  InputFieldDefinition,
};

// The name as written in a directive definition: "QUERY", "FIELD_DEFINITION", ...
std::string_view directiveLocationName(DirectiveLocation location);

// The location a name spells, or nullopt if it spells none.
std::optional<DirectiveLocation> directiveLocationFromName(std::string_view name);

}  // namespace mt::api
