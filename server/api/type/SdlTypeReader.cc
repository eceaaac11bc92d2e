#include "SdlTypeReader.h"

#include <optional>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <variant>

#include "BuiltInScalars.h"
#include "Directive.h"
#include "SdlDirectives.h"
#include "Suggestions.h"

namespace mt::api {

namespace {

std::optional<std::string> descriptionOf(const std::optional<ast::StringValue>& description) {
  if (!description.has_value()) return std::nullopt;
  return description->value;
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// The members a type definition or extension node may have, by what they hold.
template <class Node>
concept HasFieldDefinitions = requires(const Node& node) {
  { node.fields } -> std::same_as<const std::vector<ast::FieldDefinition>&>;
};
template <class Node>
concept HasInputFieldDefinitions = requires(const Node& node) {
  { node.fields } -> std::same_as<const std::vector<ast::InputValueDefinition>&>;
};
template <class Node>
concept HasInterfaces = requires(const Node& node) {
  { node.interfaces } -> std::same_as<const std::vector<ast::NamedType>&>;
};
template <class Node>
concept HasMemberTypes = requires(const Node& node) {
  { node.types } -> std::same_as<const std::vector<ast::NamedType>&>;
};
template <class Node>
concept HasEnumValues = requires(const Node& node) {
  { node.values } -> std::same_as<const std::vector<ast::EnumValueDefinition>&>;
};
template <class Node>
concept HasDescription = requires(const Node& node) {
  { node.description } -> std::same_as<const std::optional<ast::StringValue>&>;
};
template <class Node>
concept HasDirectives = requires(const Node& node) {
  { node.directives } -> std::same_as<const std::vector<ast::Directive>&>;
};

}  // namespace

SdlTypeReader::SdlTypeReader(SchemaAssembly& assembly, const SdlIndex& index, bool specified,
                             const ScalarRegistry& scalars)
    : assembly_(assembly), index_(index), specified_(specified), scalars_(scalars) {}

void SdlTypeReader::createTypes() {
  for (const ast::Definition* definition : index_.typeDefinitions) {
    const std::string_view name = definedName(*definition);
    const TypeKind kind = definedKind(*definition);
    if (NamedType* existing = assembly_.type(name)) {
      // graphql-js lets an SDL declare a specified scalar again and keeps the
      // built-in one; any other clash with the engine's types is an error.
      if (assembly_.isSpecified(*existing) && existing->kind() == TypeKind::Scalar &&
          kind == TypeKind::Scalar && isSpecifiedScalar(name)) {
        continue;
      }
      assembly_.report("Type " + quoted(name) +
                           " already exists in the schema. It cannot also be defined in this type "
                           "definition.",
                       {ast::locationOf(*definition)});
      continue;
    }
    NamedType& type = assembly_.addType(kind, std::string(name), specified_);
    type.addAstNode(*definition);
    defined_.emplace_back(&type, definition);
  }
}

void SdlTypeReader::addDirectives() {
  for (const ast::DirectiveDefinition* definition : index_.directiveDefinitions) {
    const std::string name(definition->name.value);
    if (assembly_.directive(name) != nullptr) {
      assembly_.report(
          "Directive \"@" + name + "\" already exists in the schema. It cannot be redefined.",
          {definition->name.loc});
      continue;
    }
    Directive directive;
    directive.name = name;
    directive.description = descriptionOf(definition->description);
    directive.isRepeatable = definition->repeatable;
    directive.astNode = definition;
    for (const ast::Name& location : definition->locations) {
      // The parser has checked the names.
      if (auto parsed = directiveLocationFromName(location.value)) {
        directive.locations.push_back(*parsed);
      }
    }
    directive.args = readArguments(definition->arguments, "@" + name);
    assembly_.addDirective(std::move(directive), specified_);
  }
}

void SdlTypeReader::completeTypes() {
  for (const auto& [type, definition] : defined_)
    completeType(*type, *definition);
  for (const ast::Definition* extension : index_.typeExtensions)
    checkExtensionTarget(*extension);
  // Extensions apply in document order after the definition, whatever the order of
  // the two in the document.
  for (const auto& [type, definition] : defined_) {
    const auto found = index_.typeExtensionsByName.find(type->name());
    if (found == index_.typeExtensionsByName.end()) continue;
    for (const ast::Definition* extension : found->second) {
      if (definedKind(*extension) != type->kind()) continue;  // reported above
      type->addAstNode(*extension);
      completeType(*type, *extension);
    }
  }
}

void SdlTypeReader::checkExtensionTarget(const ast::Definition& extension) {
  const std::string_view name = definedName(extension);
  const NamedType* target = assembly_.type(name);
  // Only types an SDL defines can be extended; the engine's own cannot.
  if (target == nullptr || assembly_.isSpecified(*target)) {
    std::vector<std::string_view> candidates;
    for (const auto& [type, definition] : defined_)
      candidates.push_back(type->name());
    assembly_.report("Cannot extend type " + quoted(name) + " because it is not defined." +
                         didYouMean(suggestionList(name, candidates)),
                     {ast::locationOf(extension)});
    return;
  }
  if (target->kind() != definedKind(extension)) {
    assembly_.report("Cannot extend non-" + std::string(kindWord(definedKind(extension))) +
                         " type " + quoted(name) + ".",
                     {ast::locationOf(*target->astNodes().front()), ast::locationOf(extension)});
  }
}

void SdlTypeReader::completeType(NamedType& type, const ast::Definition& definition) {
  std::visit(
      [&](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (HasDescription<Node>) {
          if (node.description.has_value()) type.setDescription(descriptionOf(node.description));
        }
        if constexpr (HasInterfaces<Node>) addInterfaces(type, node.interfaces);
        if constexpr (HasFieldDefinitions<Node>) addFields(type, node.fields);
        if constexpr (HasMemberTypes<Node>) addMembers(type, node.types);
        if constexpr (HasEnumValues<Node>) addEnumValues(type, node.values);
        if constexpr (HasInputFieldDefinitions<Node>) addInputFields(type, node.fields);
        if constexpr (HasDirectives<Node>) applyTypeDirectives(type, node.directives);
        if constexpr (std::is_same_v<Node, ast::ScalarTypeDefinition>) {
          setScalarImplementation(type, node);
        }
      },
      static_cast<const ast::Definition::variant&>(definition));
}

void SdlTypeReader::setScalarImplementation(NamedType& type,
                                            const ast::ScalarTypeDefinition& definition) {
  if (auto implementation =
          specified_ ? specifiedScalar(type.name()) : scalars_.find(type.name())) {
    type.setScalar(std::move(implementation));
    return;
  }
  assembly_.report("Scalar " + quoted(type.name()) +
                       " has no implementation: register one with SchemaBuilder::scalar() or "
                       "in a ScalarRegistry.",
                   {definition.loc});
}

void SdlTypeReader::applyTypeDirectives(NamedType& type,
                                        const std::vector<ast::Directive>& directives) {
  if (type.kind() == TypeKind::Scalar) {
    if (const ast::Directive* specifiedBy = findDirective(directives, "specifiedBy")) {
      if (const auto* url = stringArgument(*specifiedBy, "url")) type.setSpecifiedByURL(*url);
    }
  }
  if (type.kind() == TypeKind::InputObject && findDirective(directives, "oneOf") != nullptr) {
    type.setOneOf(true);
  }
}

void SdlTypeReader::addFields(NamedType& type, const std::vector<ast::FieldDefinition>& fields) {
  for (const auto& definition : fields) {
    if (const Field* existing = type.field(definition.name.value)) {
      assembly_.report(
          "Field \"" + type.name() + "." + existing->name + "\" can only be defined once.",
          {existing->astNode->name.loc, definition.name.loc});
      continue;
    }
    Field field;
    field.name = definition.name.value;
    field.description = descriptionOf(definition.description);
    field.type = resolve(definition.type);
    field.args = readArguments(definition.arguments, type.name() + "." + field.name);
    field.deprecationReason = deprecationReason(definition.directives);
    field.astNode = &definition;
    type.addField(std::move(field));
  }
}

void SdlTypeReader::addInterfaces(NamedType& type, const std::vector<ast::NamedType>& interfaces) {
  for (const auto& reference : interfaces) {
    const NamedType* iface = resolveNamed(reference);
    if (iface == nullptr) continue;
    bool repeated = false;
    for (const NamedType* existing : type.interfaces())
      repeated = repeated || existing == iface;
    if (repeated) {
      assembly_.report("Type " + type.name() + " can only implement " + iface->name() + " once.",
                       {reference.loc});
      continue;
    }
    type.addInterface(*iface);
  }
}

void SdlTypeReader::addMembers(NamedType& type, const std::vector<ast::NamedType>& members) {
  for (const auto& reference : members) {
    const NamedType* member = resolveNamed(reference);
    if (member == nullptr) continue;
    if (type.isPossibleType(*member)) {
      assembly_.report(
          "Union type " + type.name() + " can only include type " + member->name() + " once.",
          {reference.loc});
      continue;
    }
    type.addPossibleType(*member);
  }
}

void SdlTypeReader::addEnumValues(NamedType& type,
                                  const std::vector<ast::EnumValueDefinition>& values) {
  for (const auto& definition : values) {
    if (const EnumValue* existing = type.enumValue(definition.name.value)) {
      assembly_.report(
          "Enum value \"" + type.name() + "." + existing->name + "\" can only be defined once.",
          {existing->astNode->name.loc, definition.name.loc});
      continue;
    }
    EnumValue value;
    value.name = definition.name.value;
    value.description = descriptionOf(definition.description);
    value.deprecationReason = deprecationReason(definition.directives);
    value.astNode = &definition;
    type.addEnumValue(std::move(value));
  }
}

void SdlTypeReader::addInputFields(NamedType& type,
                                   const std::vector<ast::InputValueDefinition>& fields) {
  for (const auto& definition : fields) {
    if (const InputValue* existing = type.inputField(definition.name.value)) {
      assembly_.report(
          "Field \"" + type.name() + "." + existing->name + "\" can only be defined once.",
          {existing->astNode->name.loc, definition.name.loc});
      continue;
    }
    type.addInputField(readInputValue(definition));
  }
}

std::vector<InputValue> SdlTypeReader::readArguments(
    const std::vector<ast::InputValueDefinition>& arguments, std::string_view owner) {
  std::vector<InputValue> values;
  values.reserve(arguments.size());
  for (const auto& definition : arguments) {
    if (const InputValue* existing = findInputValue(values, definition.name.value)) {
      assembly_.report("Argument \"" + std::string(owner) + "(" + existing->name +
                           ":)\" can only be defined once.",
                       {existing->astNode->name.loc, definition.name.loc});
      continue;
    }
    values.push_back(readInputValue(definition));
  }
  return values;
}

InputValue SdlTypeReader::readInputValue(const ast::InputValueDefinition& definition) {
  InputValue value;
  value.name = definition.name.value;
  value.description = descriptionOf(definition.description);
  value.type = resolve(definition.type);
  value.deprecationReason = deprecationReason(definition.directives);
  value.astNode = &definition;
  // The default is coerced by DefaultValues once every input type is complete.
  return value;
}

const Type* SdlTypeReader::resolve(const ast::TypeRef& reference) {
  if (const auto* named = std::get_if<ast::NamedType>(&reference)) return resolveNamed(*named);
  if (const auto* list = std::get_if<ast::ListType>(&reference)) {
    const Type* ofType = resolve(*list->type);
    return ofType == nullptr ? nullptr : &assembly_.wrap(TypeKind::List, *ofType);
  }
  const Type* ofType = resolve(*std::get<ast::NonNullType>(reference).type);
  return ofType == nullptr ? nullptr : &assembly_.wrap(TypeKind::NonNull, *ofType);
}

const NamedType* SdlTypeReader::resolveNamed(const ast::NamedType& reference) {
  if (const NamedType* type = assembly_.type(reference.name.value)) return type;
  assembly_.report("Unknown type " + quoted(reference.name.value) + "." +
                       didYouMean(suggestionList(reference.name.value, assembly_.typeNames())),
                   {reference.loc});
  return nullptr;
}

void SdlTypeReader::readRootTypes() {
  std::vector<const ast::OperationTypeDefinition*> operations;
  if (index_.schemaDefinition != nullptr) {
    assembly_.setDescription(descriptionOf(index_.schemaDefinition->description));
    for (const auto& operation : index_.schemaDefinition->operationTypes) {
      operations.push_back(&operation);
    }
  }
  for (const ast::SchemaExtension* extension : index_.schemaExtensions) {
    for (const auto& operation : extension->operationTypes)
      operations.push_back(&operation);
  }
  bool seen[3] = {false, false, false};
  for (const ast::OperationTypeDefinition* operation : operations) {
    auto& seenThis = seen[static_cast<int>(operation->operation)];
    if (seenThis) {
      assembly_.report("There can be only one " +
                           std::string(ast::operationTypeName(operation->operation)) +
                           " type in schema.",
                       {operation->loc});
      continue;
    }
    seenThis = true;
    if (const NamedType* type = resolveNamed(operation->type)) {
      assembly_.setRootType(operation->operation, type);
    }
  }
  if (index_.schemaDefinition != nullptr) return;
  // Without a schema definition, the types named after the operations are the roots.
  static constexpr std::pair<ast::OperationType, std::string_view> kDefaultRoots[] = {
      {ast::OperationType::Query, "Query"},
      {ast::OperationType::Mutation, "Mutation"},
      {ast::OperationType::Subscription, "Subscription"}};
  for (const auto& [operation, name] : kDefaultRoots) {
    if (assembly_.rootType(operation) != nullptr) continue;
    const NamedType* type = assembly_.type(name);
    if (type != nullptr && !assembly_.isSpecified(*type)) assembly_.setRootType(operation, type);
  }
}

}  // namespace mt::api
