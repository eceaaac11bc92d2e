#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "Ast.h"
#include "GraphQLError.h"
#include "Schema.h"

namespace mt::api {

// A schema under construction, shared by the steps of SchemaBuilder::build() (reading
// the SDL, checking applied directives, binding resolvers, validating), together with
// the problems they find. Internal to the type module.
class SchemaAssembly {
 public:
  SchemaAssembly();

  // Records a problem; build() throws them all at the end as one SchemaError.
  void report(std::string message, const std::vector<ast::Location>& where = {});
  const std::vector<GraphQLError>& errors() const noexcept { return errors_; }

  // Keeps a document alive for as long as the schema, which points into it.
  void keepDocument(std::shared_ptr<const ast::Document> document);

  // Named types, in the order added. `specified` marks the engine's own (the
  // specified scalars and the introspection types), which the schema lists after the
  // SDL's and, for scalars, only when something refers to them.
  NamedType& addType(TypeKind kind, std::string name, bool specified);
  NamedType* type(std::string_view name) noexcept;
  bool isSpecified(const NamedType& type) const noexcept { return specified_.contains(&type); }
  const std::vector<NamedType*>& types() const noexcept { return types_; }
  // Every type name, for "Did you mean" suggestions.
  std::vector<std::string_view> typeNames() const;

  // The interned List or NonNull around `ofType`.
  const Type& wrap(TypeKind kind, const Type& ofType);

  Directive& addDirective(Directive directive, bool specified);
  Directive* directive(std::string_view name) noexcept;
  const std::vector<Directive*>& directives() const noexcept { return directives_; }
  bool isSpecified(const Directive& directive) const noexcept {
    return specifiedDirectives_.contains(&directive);
  }

  void setDescription(std::optional<std::string> description);
  void setRootType(ast::OperationType operation, const NamedType* type);
  const NamedType* rootType(ast::OperationType operation) const noexcept;
  void setMetaFields(Field typenameField, Field schemaField, Field typeField);

  // Gives interfaces their possible types and sub-types (union members are added as
  // they are read). Before SchemaValidator, which compares types.
  void linkAbstractTypes();

  // Completes the schema: the order of types() and directives() (graphql-js's), and
  // the specified scalars nothing refers to left out. Only for an assembly without
  // problems.
  std::shared_ptr<const Schema> finish();

 private:
  // Appends to `ordered` the types `type` refers to that are not `present` yet,
  // depth first (graphql-js's collectReferencedTypes).
  void collectReferencedTypes(const NamedType& type, std::vector<const NamedType*>& ordered,
                              std::unordered_set<const NamedType*>& present) const;

  std::shared_ptr<Schema> schema_;
  std::vector<NamedType*> types_;
  std::unordered_set<const NamedType*> specified_;
  std::vector<Directive*> directives_;
  std::unordered_set<const Directive*> specifiedDirectives_;
  std::vector<GraphQLError> errors_;
};

}  // namespace mt::api
