#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Ast.h"
#include "DirectiveLocation.h"
#include "Field.h"

namespace mt::api {

// A directive a schema supports (graphql-js's GraphQLDirective): the built-ins
// @include, @skip, @deprecated, @specifiedBy and @oneOf, and those the SDL defines.
struct Directive {
  std::string name;  // without the "@"
  std::optional<std::string> description;
  std::vector<DirectiveLocation> locations;
  std::vector<InputValue> args;
  bool isRepeatable = false;
  const ast::DirectiveDefinition* astNode = nullptr;

  bool isAllowedAt(DirectiveLocation location) const noexcept;
  const InputValue* arg(std::string_view argName) const noexcept {
    return findInputValue(args, argName);
  }
};

// The default reason @deprecated gives (graphql-js's DEFAULT_DEPRECATION_REASON).
inline constexpr std::string_view kDefaultDeprecationReason = "No longer supported";

// Whether `name` is one of the directives the specification defines, which an SDL
// document may not redefine.
bool isSpecifiedDirective(std::string_view name) noexcept;

}  // namespace mt::api
