#include "Schema.h"

#include <stdexcept>
#include <variant>

namespace mt::api {

Schema::Schema() = default;
Schema::~Schema() = default;

const NamedType* Schema::type(std::string_view name) const noexcept {
  const auto found = typeIndex_.find(name);
  return found == typeIndex_.end() ? nullptr : found->second;
}

const NamedType* Schema::rootType(ast::OperationType operation) const noexcept {
  switch (operation) {
    case ast::OperationType::Query:
      return queryType_;
    case ast::OperationType::Mutation:
      return mutationType_;
    case ast::OperationType::Subscription:
      return subscriptionType_;
  }
  return nullptr;
}

const Directive* Schema::directive(std::string_view name) const noexcept {
  const auto found = directiveIndex_.find(name);
  return found == directiveIndex_.end() ? nullptr : found->second;
}

const Field* Schema::metaField(const NamedType& parent, std::string_view name) const noexcept {
  // Every meta-field starts with "__", which no other field may.
  if (name.size() < 2 || name[0] != '_' || name[1] != '_') return nullptr;
  if (name == "__typename") return parent.isComposite() ? &typenameField_ : nullptr;
  if (&parent != queryType_) return nullptr;
  if (name == "__schema") return &schemaField_;
  if (name == "__type") return &typeField_;
  return nullptr;
}

const Field* Schema::field(const NamedType& parent, std::string_view name) const noexcept {
  if (const Field* meta = metaField(parent, name)) return meta;
  return parent.field(name);
}

const Type& TypeArena::listOf(const Type& ofType) {
  return wrap(TypeKind::List, ofType);
}

const Type& TypeArena::nonNullOf(const Type& ofType) {
  return wrap(TypeKind::NonNull, ofType);
}

const Type& TypeArena::wrap(TypeKind kind, const Type& ofType) {
  if (const Type* existing = schema_.findWrapper(kind, ofType)) return *existing;
  return types_.intern(kind, ofType);
}

const Type* TypeArena::fromAst(const ast::TypeRef& node) {
  if (const auto* named = std::get_if<ast::NamedType>(&node)) {
    return schema_.type(named->name.value);
  }
  if (const auto* list = std::get_if<ast::ListType>(&node)) {
    const Type* ofType = fromAst(*list->type);
    return ofType == nullptr ? nullptr : &listOf(*ofType);
  }
  const Type* ofType = fromAst(*std::get<ast::NonNullType>(node).type);
  return ofType == nullptr ? nullptr : &nonNullOf(*ofType);
}

}  // namespace mt::api
