#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "Ast.h"
#include "SchemaAssembly.h"

namespace mt::api {

// The definitions of one SDL document, grouped the way building a schema needs them.
// Pointers into the document.
struct SdlIndex {
  // Type definitions in document order, one per name.
  std::vector<const ast::Definition*> typeDefinitions;
  // Type extensions in document order, and by the name of the type they extend.
  std::vector<const ast::Definition*> typeExtensions;
  std::unordered_map<std::string_view, std::vector<const ast::Definition*>> typeExtensionsByName;
  std::vector<const ast::DirectiveDefinition*> directiveDefinitions;
  const ast::SchemaDefinition* schemaDefinition = nullptr;
  std::vector<const ast::SchemaExtension*> schemaExtensions;
};

// Groups `document`'s definitions, reporting to `assembly` what no schema can hold:
// operations and fragments, a second schema definition, and a second type or directive
// of one name (graphql-js's LoneSchemaDefinition, UniqueTypeNames and
// UniqueDirectiveNames rules).
SdlIndex indexSdl(const ast::Document& document, SchemaAssembly& assembly);

// The name a type definition or extension gives.
std::string_view definedName(const ast::Definition& definition);

// The kind of type a type definition or extension is about.
TypeKind definedKind(const ast::Definition& definition);

// "object", "input object", ... as graphql-js names kinds in messages.
std::string_view kindWord(TypeKind kind);

}  // namespace mt::api
