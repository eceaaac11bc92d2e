#include "Introspection.h"

#include <array>
#include <stdexcept>
#include <string>

#include "GraphQLError.h"
#include "Schema.h"
#include "ValueLiteral.h"

namespace mt::api {

namespace {

constexpr std::array<std::string_view, 8> kIntrospectionTypes = {
    "__Schema", "__Directive",  "__DirectiveLocation", "__Type",
    "__Field",  "__InputValue", "__EnumValue",         "__TypeKind"};

// The schema element a parent object points at.
template <class T>
const T& parentAs(const ResolveParams& params) {
  const T* const* element = params.parent.objectAs<const T*>();
  if (element == nullptr || *element == nullptr) {
    throw GraphQLError("Introspection field \"" + std::string(params.info.parentTypeName) + "." +
                       std::string(params.info.fieldName) +
                       "\" resolved on a parent that is not a schema element.");
  }
  return **element;
}

Resolved typeObject(const Type* type) {
  if (type == nullptr) return {};
  return Resolved::object(type);
}

Value optionalString(const std::optional<std::string>& text) {
  return text.has_value() ? Value(*text) : Value();
}

bool includeDeprecated(const ResolveParams& params) {
  const Value* value = params.args.find("includeDeprecated");
  return value != nullptr && value->isBool() && value->asBool();
}

// The elements as parent objects; deprecated ones only when asked for.
template <class Element>
Resolved elements(const std::vector<Element>& items, bool withDeprecated) {
  std::vector<Resolved> list;
  list.reserve(items.size());
  for (const Element& item : items) {
    if (withDeprecated || !item.deprecationReason.has_value()) {
      list.push_back(Resolved::object(&item));
    }
  }
  return Resolved::list(std::move(list));
}

Resolved types(const std::vector<const NamedType*>& items) {
  std::vector<Resolved> list;
  list.reserve(items.size());
  for (const NamedType* item : items)
    list.push_back(typeObject(item));
  return Resolved::list(std::move(list));
}

bool hasFields(const Type& type) {
  return type.kind() == TypeKind::Object || type.kind() == TypeKind::Interface;
}

struct Binding {
  std::string_view type;
  std::string_view field;
  FieldResolver resolve;
};

std::vector<Binding> schemaBindings() {
  using P = const ResolveParams&;
  return {
      {"__Schema", "description",
       [](P p) -> Resolved { return optionalString(parentAs<Schema>(p).description()); }},
      {"__Schema", "types", [](P p) { return types(parentAs<Schema>(p).types()); }},
      {"__Schema", "queryType", [](P p) { return typeObject(&parentAs<Schema>(p).queryType()); }},
      {"__Schema", "mutationType",
       [](P p) { return typeObject(parentAs<Schema>(p).mutationType()); }},
      {"__Schema", "subscriptionType",
       [](P p) { return typeObject(parentAs<Schema>(p).subscriptionType()); }},
      {"__Schema", "directives",
       [](P p) {
         std::vector<Resolved> list;
         for (const Directive* directive : parentAs<Schema>(p).directives()) {
           list.push_back(Resolved::object(directive));
         }
         return Resolved::list(std::move(list));
       }},
  };
}

std::vector<Binding> typeBindings() {
  using P = const ResolveParams&;
  return {
      {"__Type", "kind",
       [](P p) -> Resolved { return Value(typeKindName(parentAs<Type>(p).kind())); }},
      {"__Type", "name",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return type.isNamed() ? Value(type.named().name()) : Value();
       }},
      {"__Type", "description",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return type.isNamed() ? optionalString(type.named().description()) : Value();
       }},
      {"__Type", "specifiedByURL",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return type.kind() == TypeKind::Scalar ? optionalString(type.named().specifiedByURL())
                                                : Value();
       }},
      {"__Type", "fields",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return hasFields(type) ? elements(type.named().fields(), includeDeprecated(p))
                                : Resolved();
       }},
      {"__Type", "interfaces",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return hasFields(type) ? types(type.named().interfaces()) : Resolved();
       }},
      {"__Type", "possibleTypes",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return type.isAbstract() ? types(type.named().possibleTypes()) : Resolved();
       }},
      {"__Type", "enumValues",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return type.kind() == TypeKind::Enum
                    ? elements(type.named().enumValues(), includeDeprecated(p))
                    : Resolved();
       }},
      {"__Type", "inputFields",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return type.kind() == TypeKind::InputObject
                    ? elements(type.named().inputFields(), includeDeprecated(p))
                    : Resolved();
       }},
      {"__Type", "ofType", [](P p) { return typeObject(parentAs<Type>(p).ofType()); }},
      {"__Type", "isOneOf",
       [](P p) -> Resolved {
         const Type& type = parentAs<Type>(p);
         return type.kind() == TypeKind::InputObject ? Value(type.named().isOneOf()) : Value();
       }},
  };
}

std::vector<Binding> memberBindings() {
  using P = const ResolveParams&;
  return {
      {"__Field", "name", [](P p) -> Resolved { return Value(parentAs<Field>(p).name); }},
      {"__Field", "description",
       [](P p) -> Resolved { return optionalString(parentAs<Field>(p).description); }},
      {"__Field", "args",
       [](P p) { return elements(parentAs<Field>(p).args, includeDeprecated(p)); }},
      {"__Field", "type", [](P p) { return typeObject(parentAs<Field>(p).type); }},
      {"__Field", "isDeprecated",
       [](P p) -> Resolved { return Value(parentAs<Field>(p).isDeprecated()); }},
      {"__Field", "deprecationReason",
       [](P p) -> Resolved { return optionalString(parentAs<Field>(p).deprecationReason); }},

      {"__InputValue", "name", [](P p) -> Resolved { return Value(parentAs<InputValue>(p).name); }},
      {"__InputValue", "description",
       [](P p) -> Resolved { return optionalString(parentAs<InputValue>(p).description); }},
      {"__InputValue", "type", [](P p) { return typeObject(parentAs<InputValue>(p).type); }},
      {"__InputValue", "defaultValue",
       [](P p) -> Resolved {
         const InputValue& value = parentAs<InputValue>(p);
         if (!value.defaultValue.has_value()) return {};
         auto printed = printValueLiteral(*value.defaultValue, *value.type);
         return printed.has_value() ? Value(std::move(*printed)) : Value();
       }},
      {"__InputValue", "isDeprecated",
       [](P p) -> Resolved { return Value(parentAs<InputValue>(p).isDeprecated()); }},
      {"__InputValue", "deprecationReason",
       [](P p) -> Resolved { return optionalString(parentAs<InputValue>(p).deprecationReason); }},

      {"__EnumValue", "name", [](P p) -> Resolved { return Value(parentAs<EnumValue>(p).name); }},
      {"__EnumValue", "description",
       [](P p) -> Resolved { return optionalString(parentAs<EnumValue>(p).description); }},
      {"__EnumValue", "isDeprecated",
       [](P p) -> Resolved { return Value(parentAs<EnumValue>(p).isDeprecated()); }},
      {"__EnumValue", "deprecationReason",
       [](P p) -> Resolved { return optionalString(parentAs<EnumValue>(p).deprecationReason); }},

      {"__Directive", "name", [](P p) -> Resolved { return Value(parentAs<Directive>(p).name); }},
      {"__Directive", "description",
       [](P p) -> Resolved { return optionalString(parentAs<Directive>(p).description); }},
      {"__Directive", "isRepeatable",
       [](P p) -> Resolved { return Value(parentAs<Directive>(p).isRepeatable); }},
      {"__Directive", "locations",
       [](P p) -> Resolved {
         Value::List names;
         for (DirectiveLocation location : parentAs<Directive>(p).locations) {
           names.emplace_back(directiveLocationName(location));
         }
         return Value(std::move(names));
       }},
      {"__Directive", "args",
       [](P p) { return elements(parentAs<Directive>(p).args, includeDeprecated(p)); }},
  };
}

void installResolvers(SchemaAssembly& assembly, const std::vector<Binding>& bindings) {
  for (const auto& binding : bindings) {
    NamedType* type = assembly.type(binding.type);
    Field* field = type != nullptr ? type->mutableField(binding.field) : nullptr;
    if (field == nullptr) {
      throw std::logic_error("installIntrospection: no field " + std::string(binding.type) + "." +
                             std::string(binding.field) + " in the specified SDL");
    }
    field->resolve = binding.resolve;
  }
}

// The meta-fields, as graphql-js defines them (SchemaMetaFieldDef and friends).
void addMetaFields(SchemaAssembly& assembly) {
  const NamedType* schemaType = assembly.type("__Schema");
  const NamedType* typeType = assembly.type("__Type");
  const NamedType* stringType = assembly.type("String");
  const Type& nonNullString = assembly.wrap(TypeKind::NonNull, *stringType);

  Field typenameField;
  typenameField.name = "__typename";
  typenameField.description = "The name of the current Object type at runtime.";
  typenameField.type = &nonNullString;
  typenameField.resolve = [](const ResolveParams& p) -> Resolved {
    return Value(p.info.parentTypeName);
  };

  Field schemaField;
  schemaField.name = "__schema";
  schemaField.description = "Access the current type schema of this server.";
  schemaField.type = &assembly.wrap(TypeKind::NonNull, *schemaType);
  schemaField.resolve = [](const ResolveParams& p) -> Resolved {
    return Resolved::object(p.info.schema);
  };

  Field typeField;
  typeField.name = "__type";
  typeField.description = "Request the type information of a single type.";
  typeField.type = typeType;
  InputValue nameArg;
  nameArg.name = "name";
  nameArg.type = &nonNullString;
  typeField.args.push_back(std::move(nameArg));
  typeField.resolve = [](const ResolveParams& p) -> Resolved {
    const Value* name = p.args.find("name");
    if (name == nullptr || !name->isString() || p.info.schema == nullptr) return {};
    return typeObject(p.info.schema->type(name->asString()));
  };

  assembly.setMetaFields(std::move(typenameField), std::move(schemaField), std::move(typeField));
}

}  // namespace

bool isIntrospectionType(std::string_view name) noexcept {
  for (std::string_view introspection : kIntrospectionTypes) {
    if (introspection == name) return true;
  }
  return false;
}

void installIntrospection(SchemaAssembly& assembly) {
  installResolvers(assembly, schemaBindings());
  installResolvers(assembly, typeBindings());
  installResolvers(assembly, memberBindings());
  addMetaFields(assembly);
}

}  // namespace mt::api
