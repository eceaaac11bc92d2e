#include "ResolverBinding.h"

#include "SdlIndex.h"
#include "Suggestions.h"

namespace mt::api {

namespace {

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// The application's type called `name`, or null after reporting why there is none.
NamedType* applicationType(SchemaAssembly& assembly, const std::string& name,
                           const std::string& what) {
  NamedType* type = assembly.type(name);
  if (type != nullptr && !assembly.isSpecified(*type)) return type;
  if (type != nullptr) {
    assembly.report(what + ": " + name +
                    " is one of GraphQL's own types, which resolve themselves.");
    return nullptr;
  }
  std::vector<std::string_view> candidates;
  for (const NamedType* candidate : assembly.types()) {
    if (!assembly.isSpecified(*candidate)) candidates.push_back(candidate->name());
  }
  assembly.report(what + ": the schema has no type " + quoted(name) + "." +
                  didYouMean(suggestionList(name, candidates)));
  return nullptr;
}

// What a registration is called in messages about it.
std::string describe(const ResolverRegistrations::FieldEntry& entry) {
  const std::string coordinate = quoted(entry.typeName + "." + entry.fieldName);
  return (entry.subscribe ? "Subscribe resolver for " : "Resolver for ") + coordinate;
}

// Whether `type` may hold a subscribe resolver, after reporting why not.
bool acceptsSubscribers(SchemaAssembly& assembly, const NamedType& type, const std::string& what) {
  const NamedType* root = assembly.rootType(ast::OperationType::Subscription);
  if (&type == root) return true;
  assembly.report(what + ": " + type.name() + " is not the schema's subscription type" +
                      (root != nullptr ? " (" + root->name() + ")." : "; the schema has none."),
                  {ast::locationOf(*type.astNodes().front())});
  return false;
}

void bindField(SchemaAssembly& assembly, const ResolverRegistrations::FieldEntry& entry) {
  const std::string what = describe(entry);
  NamedType* type = applicationType(assembly, entry.typeName, what);
  if (type == nullptr) return;
  if (entry.subscribe && !acceptsSubscribers(assembly, *type, what)) return;
  if (type->kind() != TypeKind::Object && type->kind() != TypeKind::Interface) {
    assembly.report(
        what + ": " + type->name() + " is " +
            (type->kind() == TypeKind::InputObject || type->kind() == TypeKind::Enum ? "an "
                                                                                     : "a ") +
            std::string(kindWord(type->kind())) + " type, which has no fields to resolve.",
        {ast::locationOf(*type->astNodes().front())});
    return;
  }
  Field* field = type->mutableField(entry.fieldName);
  if (field == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& candidate : type->fields())
      names.push_back(candidate.name);
    assembly.report(what + ": " + type->name() + " has no field " + quoted(entry.fieldName) + "." +
                        didYouMean(suggestionList(entry.fieldName, names)),
                    {ast::locationOf(*type->astNodes().front())});
    return;
  }
  if (entry.subscribe) {
    if (field->subscribe) {
      assembly.report(what + " is registered twice.", {field->astNode->loc});
      return;
    }
    field->subscribe = entry.subscribe;
    return;
  }
  if (field->resolve || field->batchResolve) {
    assembly.report(what + " is registered twice.", {field->astNode->loc});
    return;
  }
  field->resolve = entry.resolve;
  field->batchResolve = entry.batchResolve;
}

void bindTypeResolver(SchemaAssembly& assembly, const ResolverRegistrations::TypeEntry& entry) {
  const std::string what = "Type resolver for " + quoted(entry.typeName);
  NamedType* type = applicationType(assembly, entry.typeName, what);
  if (type == nullptr) return;
  if (!type->isAbstract()) {
    assembly.report(what + ": " + type->name() +
                        " is not an interface or union type; only those "
                        "need one.",
                    {ast::locationOf(*type->astNodes().front())});
    return;
  }
  if (type->typeResolver()) {
    assembly.report(what + " is registered twice.", {ast::locationOf(*type->astNodes().front())});
    return;
  }
  type->setTypeResolver(entry.resolve);
}

void inheritFromInterfaces(NamedType& type) {
  for (const auto& field : type.fields()) {
    if (field.resolve || field.batchResolve) continue;
    for (const NamedType* iface : type.interfaces()) {
      const Field* ifaceField = iface->field(field.name);
      if (ifaceField == nullptr || !(ifaceField->resolve || ifaceField->batchResolve)) continue;
      Field& own = *type.mutableField(field.name);
      own.resolve = ifaceField->resolve;
      own.batchResolve = ifaceField->batchResolve;
      break;
    }
  }
}

}  // namespace

void bindResolvers(SchemaAssembly& assembly, const ResolverRegistrations& registrations) {
  for (const auto& entry : registrations.fields)
    bindField(assembly, entry);
  for (const auto& entry : registrations.types)
    bindTypeResolver(assembly, entry);
  for (NamedType* type : assembly.types()) {
    if (type->kind() == TypeKind::Object && !assembly.isSpecified(*type)) {
      inheritFromInterfaces(*type);
    }
  }
}

}  // namespace mt::api
