#pragma once

#include <memory>

#include "Ast.h"

namespace mt::api {

// The definitions every schema has, as SDL: the five specified scalars, the
// directives @include, @skip, @deprecated, @specifiedBy and @oneOf, and the
// introspection types (__Schema, __Type, __TypeKind, __Field, __InputValue,
// __EnumValue, __Directive, __DirectiveLocation). SchemaBuilder reads them with the
// same code as an application's SDL.
std::shared_ptr<const ast::Document> specifiedDefinitions();

}  // namespace mt::api
