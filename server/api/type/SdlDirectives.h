#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Ast.h"

namespace mt::api {

// Reading the directives an SDL applies to its definitions.

// The first directive called `name`, or null.
const ast::Directive* findDirective(const std::vector<ast::Directive>& directives,
                                    std::string_view name);

// The argument called `name`, or null.
const ast::Argument* findArgument(const ast::Directive& directive, std::string_view name);

// The value of argument `name` when it is a string literal; null otherwise.
const std::string* stringArgument(const ast::Directive& directive, std::string_view name);

// The reason @deprecated gives, its default when it gives none, or nullopt when there
// is no @deprecated or its reason is null (graphql-js's getDeprecationReason). A reason
// of another kind counts as the default here; SdlDirectiveChecker reports it.
std::optional<std::string> deprecationReason(const std::vector<ast::Directive>& directives);

}  // namespace mt::api
