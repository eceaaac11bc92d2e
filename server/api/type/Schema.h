#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "Ast.h"
#include "Directive.h"
#include "Field.h"
#include "NamedType.h"
#include "Type.h"
#include "TypeTable.h"

namespace mt::api {

// A GraphQL schema (graphql-js's GraphQLSchema): named types, directives, root
// operation types, and the introspection types and meta-fields every schema has.
//
// Made only by SchemaBuilder, which checks it; immutable afterwards and shared across
// threads as std::shared_ptr<const Schema>. Everything it hands out (types, fields,
// directives, their resolvers) lives as long as the schema.
//
// Lookups by name are O(1): types and directives here, fields, enum values and input
// fields on NamedType. The ordered lists are for introspection and printing.
class Schema {
 public:
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;
  ~Schema();

  const std::optional<std::string>& description() const noexcept { return description_; }

  // Named types: the SDL's in definition order, then the built-in scalars it uses,
  // then the introspection types (as graphql-js, Int, Float and ID appear only if
  // something refers to them; String and Boolean always do).
  const NamedType* type(std::string_view name) const noexcept;
  const std::vector<const NamedType*>& types() const noexcept { return types_; }

  // Root operation types; mutation and subscription may be null.
  const NamedType& queryType() const noexcept { return *queryType_; }
  const NamedType* mutationType() const noexcept { return mutationType_; }
  const NamedType* subscriptionType() const noexcept { return subscriptionType_; }
  const NamedType* rootType(ast::OperationType operation) const noexcept;

  // Directives: the built-ins (@include, @skip, @deprecated, @specifiedBy, @oneOf),
  // then the SDL's.
  const Directive* directive(std::string_view name) const noexcept;
  const std::vector<const Directive*>& directives() const noexcept { return directives_; }

  // The field `name` selected on `parent` (graphql-js's getFieldDef): the meta-fields
  // first (metaField()), then the type's own fields. Null if there is none, including
  // for types that have no fields.
  const Field* field(const NamedType& parent, std::string_view name) const noexcept;

  // The introspection meta-field `name` on `parent`: `__typename` on every object,
  // interface and union, `__schema` and `__type(name:)` on the query root type only.
  // Null otherwise. They are ordinary Fields with resolvers, so execution runs them
  // like any other; __typename's resolver returns info.parentTypeName.
  const Field* metaField(const NamedType& parent, std::string_view name) const noexcept;
  const Field& typenameField() const noexcept { return typenameField_; }
  const Field& schemaField() const noexcept { return schemaField_; }
  const Field& typeField() const noexcept { return typeField_; }

  // A wrapper this schema's definitions use, if any (TypeArena adds the others).
  const Type* findWrapper(TypeKind kind, const Type& ofType) const noexcept {
    return wrappers_.find(kind, ofType);
  }

  // The SDL documents the schema was built from (the engine's own first); the AST
  // pointers in types, fields and directives point into them.
  const std::vector<std::shared_ptr<const ast::Document>>& documents() const noexcept {
    return documents_;
  }

 private:
  friend class SchemaAssembly;

  Schema();

  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const noexcept {
      return std::hash<std::string_view>{}(name);
    }
  };
  template <class T>
  using NameMap = std::unordered_map<std::string, T, NameHash, std::equal_to<>>;

  std::optional<std::string> description_;
  std::vector<std::shared_ptr<const ast::Document>> documents_;
  std::vector<std::unique_ptr<NamedType>> ownedTypes_;
  std::vector<const NamedType*> types_;
  NameMap<const NamedType*> typeIndex_;
  TypeTable wrappers_;
  const NamedType* queryType_ = nullptr;
  const NamedType* mutationType_ = nullptr;
  const NamedType* subscriptionType_ = nullptr;
  std::vector<std::unique_ptr<Directive>> ownedDirectives_;
  std::vector<const Directive*> directives_;
  NameMap<const Directive*> directiveIndex_;
  Field typenameField_;
  Field schemaField_;
  Field typeField_;
};

// References to types that a request uses and its schema does not (a variable of
// type `[[Int]]`), made while validating or executing it. Looks in the schema first,
// so pointer equality stays type equality across the two. One per request; not
// thread-safe.
class TypeArena {
 public:
  explicit TypeArena(const Schema& schema) : schema_(schema) {}

  const Schema& schema() const noexcept { return schema_; }
  const Type& listOf(const Type& ofType);
  // `ofType` must be nullable.
  const Type& nonNullOf(const Type& ofType);
  // The type a document spells; null if it names a type the schema does not have.
  const Type* fromAst(const ast::TypeRef& node);

 private:
  const Type& wrap(TypeKind kind, const Type& ofType);

  const Schema& schema_;
  TypeTable types_;
};

}  // namespace mt::api
