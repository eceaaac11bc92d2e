#include "SchemaAssembly.h"

#include <stdexcept>

namespace mt::api {

SchemaAssembly::SchemaAssembly() : schema_(new Schema()) {}

void SchemaAssembly::report(std::string message, const std::vector<ast::Location>& where) {
  std::vector<ErrorLocation> locations;
  locations.reserve(where.size());
  for (const auto& location : where) {
    if (location.line > 0) locations.push_back({location.line, location.column});
  }
  errors_.emplace_back(message, std::move(locations));
}

void SchemaAssembly::keepDocument(std::shared_ptr<const ast::Document> document) {
  schema_->documents_.push_back(std::move(document));
}

NamedType& SchemaAssembly::addType(TypeKind kind, std::string name, bool specified) {
  if (schema_->typeIndex_.contains(name)) {
    throw std::logic_error("SchemaAssembly::addType: type " + name + " exists already");
  }
  auto& type = *schema_->ownedTypes_.emplace_back(std::make_unique<NamedType>(kind, name));
  schema_->typeIndex_.emplace(std::move(name), &type);
  types_.push_back(&type);
  if (specified) specified_.insert(&type);
  return type;
}

NamedType* SchemaAssembly::type(std::string_view name) noexcept {
  const auto found = schema_->typeIndex_.find(name);
  return found == schema_->typeIndex_.end() ? nullptr : const_cast<NamedType*>(found->second);
}

std::vector<std::string_view> SchemaAssembly::typeNames() const {
  std::vector<std::string_view> names;
  names.reserve(types_.size());
  for (const NamedType* type : types_)
    names.push_back(type->name());
  return names;
}

const Type& SchemaAssembly::wrap(TypeKind kind, const Type& ofType) {
  return schema_->wrappers_.intern(kind, ofType);
}

Directive& SchemaAssembly::addDirective(Directive directive, bool specified) {
  if (schema_->directiveIndex_.contains(directive.name)) {
    throw std::logic_error("SchemaAssembly::addDirective: @" + directive.name + " exists already");
  }
  auto& added =
      *schema_->ownedDirectives_.emplace_back(std::make_unique<Directive>(std::move(directive)));
  schema_->directiveIndex_.emplace(added.name, &added);
  directives_.push_back(&added);
  if (specified) specifiedDirectives_.insert(&added);
  return added;
}

Directive* SchemaAssembly::directive(std::string_view name) noexcept {
  const auto found = schema_->directiveIndex_.find(name);
  return found == schema_->directiveIndex_.end() ? nullptr : const_cast<Directive*>(found->second);
}

void SchemaAssembly::setDescription(std::optional<std::string> description) {
  schema_->description_ = std::move(description);
}

void SchemaAssembly::setRootType(ast::OperationType operation, const NamedType* type) {
  switch (operation) {
    case ast::OperationType::Query:
      schema_->queryType_ = type;
      return;
    case ast::OperationType::Mutation:
      schema_->mutationType_ = type;
      return;
    case ast::OperationType::Subscription:
      schema_->subscriptionType_ = type;
      return;
  }
}

const NamedType* SchemaAssembly::rootType(ast::OperationType operation) const noexcept {
  return schema_->rootType(operation);
}

void SchemaAssembly::setMetaFields(Field typenameField, Field schemaField, Field typeField) {
  schema_->typenameField_ = std::move(typenameField);
  schema_->schemaField_ = std::move(schemaField);
  schema_->typeField_ = std::move(typeField);
}

void SchemaAssembly::linkAbstractTypes() {
  // Union members were added as the SDL was read; an interface's possible types are
  // the objects implementing it, in schema order, and the interfaces implementing it
  // are its sub-types too.
  for (NamedType* type : types_) {
    for (const NamedType* iface : type->interfaces()) {
      auto* abstract = const_cast<NamedType*>(iface);
      if (abstract->kind() != TypeKind::Interface) continue;  // SchemaValidator reports it
      if (type->kind() == TypeKind::Object) {
        abstract->addPossibleType(*type);
      } else {
        abstract->addSubType(*type);
      }
    }
  }
}

void SchemaAssembly::collectReferencedTypes(const NamedType& type,
                                            std::vector<const NamedType*>& ordered,
                                            std::unordered_set<const NamedType*>& present) const {
  const auto visit = [&](const Type* reference) {
    if (reference == nullptr) return;
    const NamedType& named = reference->named();
    if (!present.insert(&named).second) return;
    ordered.push_back(&named);
    collectReferencedTypes(named, ordered, present);
  };
  if (type.kind() == TypeKind::Union) {
    for (const NamedType* member : type.possibleTypes())
      visit(member);
  }
  for (const NamedType* iface : type.interfaces())
    visit(iface);
  for (const auto& field : type.fields()) {
    visit(field.type);
    for (const auto& arg : field.args)
      visit(arg.type);
  }
  for (const auto& field : type.inputFields())
    visit(field.type);
}

std::shared_ptr<const Schema> SchemaAssembly::finish() {
  Schema& schema = *schema_;
  // graphql-js's order (the GraphQLSchema constructor's collectReferencedTypes), so
  // that introspection lists types as the reference implementation would: each SDL
  // type followed by the engine's types it is first to refer to, then those the
  // directives' arguments refer to, then the introspection types from __Schema. The
  // specified scalars nothing refers to are left out, as there.
  std::vector<const NamedType*> ordered;
  std::unordered_set<const NamedType*> present;
  for (const NamedType* type : types_) {
    if (!isSpecified(*type)) present.insert(type);
  }
  for (const NamedType* type : types_) {
    if (isSpecified(*type)) continue;
    ordered.push_back(type);
    collectReferencedTypes(*type, ordered, present);
  }
  // The SDL's directives first, then the specified ones, as graphql-js's
  // buildASTSchema adds those the SDL does not declare.
  std::vector<const Directive*> directives;
  for (const Directive* directive : directives_) {
    if (!specifiedDirectives_.contains(directive)) directives.push_back(directive);
  }
  for (const Directive* directive : directives_) {
    if (specifiedDirectives_.contains(directive)) directives.push_back(directive);
  }
  for (const Directive* directive : directives) {
    for (const auto& arg : directive->args) {
      if (arg.type == nullptr || !present.insert(&arg.type->named()).second) continue;
      ordered.push_back(&arg.type->named());
      collectReferencedTypes(arg.type->named(), ordered, present);
    }
  }
  const NamedType* schemaType = schema.type("__Schema");
  if (present.insert(schemaType).second) {
    ordered.push_back(schemaType);
    collectReferencedTypes(*schemaType, ordered, present);
  }
  for (const NamedType* type : types_) {
    if (!present.contains(type)) schema.typeIndex_.erase(type->name());
  }
  schema.types_ = std::move(ordered);
  schema.directives_ = std::move(directives);
  return schema_;
}

}  // namespace mt::api
