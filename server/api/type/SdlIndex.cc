#include "SdlIndex.h"

#include <concepts>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <unordered_map>

namespace mt::api {

namespace {

// Definitions whose name is a plain Name (not an operation's optional one).
template <class Node>
concept HasName = requires(const Node& node) {
  { node.name } -> std::same_as<const ast::Name&>;
};

}  // namespace

std::string_view definedName(const ast::Definition& definition) {
  return std::visit(
      [](const auto& node) -> std::string_view {
        if constexpr (HasName<std::decay_t<decltype(node)>>) {
          return node.name.value;
        } else {
          return {};
        }
      },
      static_cast<const ast::Definition::variant&>(definition));
}

TypeKind definedKind(const ast::Definition& definition) {
  switch (ast::kindOf(definition)) {
    case ast::Kind::ScalarTypeDefinition:
    case ast::Kind::ScalarTypeExtension:
      return TypeKind::Scalar;
    case ast::Kind::ObjectTypeDefinition:
    case ast::Kind::ObjectTypeExtension:
      return TypeKind::Object;
    case ast::Kind::InterfaceTypeDefinition:
    case ast::Kind::InterfaceTypeExtension:
      return TypeKind::Interface;
    case ast::Kind::UnionTypeDefinition:
    case ast::Kind::UnionTypeExtension:
      return TypeKind::Union;
    case ast::Kind::EnumTypeDefinition:
    case ast::Kind::EnumTypeExtension:
      return TypeKind::Enum;
    case ast::Kind::InputObjectTypeDefinition:
    case ast::Kind::InputObjectTypeExtension:
      return TypeKind::InputObject;
    default:
      throw std::logic_error("definedKind: not a type definition or extension");
  }
}

std::string_view kindWord(TypeKind kind) {
  switch (kind) {
    case TypeKind::Scalar:
      return "scalar";
    case TypeKind::Object:
      return "object";
    case TypeKind::Interface:
      return "interface";
    case TypeKind::Union:
      return "union";
    case TypeKind::Enum:
      return "enum";
    case TypeKind::InputObject:
      return "input object";
    case TypeKind::List:
      return "list";
    case TypeKind::NonNull:
      return "non-null";
  }
  return "?";
}

SdlIndex indexSdl(const ast::Document& document, SchemaAssembly& assembly) {
  SdlIndex index;
  std::unordered_map<std::string_view, const ast::Name*> typeNames;
  std::unordered_map<std::string_view, const ast::Name*> directiveNames;
  for (const auto& definition : document.definitions) {
    if (ast::isExecutableDefinition(definition)) {
      assembly.report("An SDL document cannot contain operations or fragments (" +
                          std::string(ast::kindName(ast::kindOf(definition))) + ").",
                      {ast::locationOf(definition)});
      continue;
    }
    if (const auto* schema = std::get_if<ast::SchemaDefinition>(&definition)) {
      if (index.schemaDefinition != nullptr) {
        assembly.report("Must provide only one schema definition.", {schema->loc});
      } else {
        index.schemaDefinition = schema;
      }
      continue;
    }
    if (const auto* extension = std::get_if<ast::SchemaExtension>(&definition)) {
      index.schemaExtensions.push_back(extension);
      continue;
    }
    if (const auto* directive = std::get_if<ast::DirectiveDefinition>(&definition)) {
      const auto [seen, fresh] = directiveNames.emplace(directive->name.value, &directive->name);
      if (!fresh) {
        assembly.report("There can be only one directive named \"@" +
                            std::string(directive->name.value) + "\".",
                        {seen->second->loc, directive->name.loc});
        continue;
      }
      index.directiveDefinitions.push_back(directive);
      continue;
    }
    const std::string_view name = definedName(definition);
    if (ast::isTypeSystemExtension(definition)) {
      index.typeExtensions.push_back(&definition);
      index.typeExtensionsByName[name].push_back(&definition);
      continue;
    }
    const ast::Name& nameNode = std::visit(
        [](const auto& node) -> const ast::Name& {
          if constexpr (HasName<std::decay_t<decltype(node)>>) {
            return node.name;
          } else {
            throw std::logic_error("indexSdl: a type definition without a name");
          }
        },
        static_cast<const ast::Definition::variant&>(definition));
    const auto [seen, fresh] = typeNames.emplace(name, &nameNode);
    if (!fresh) {
      assembly.report("There can be only one type named \"" + std::string(name) + "\".",
                      {seen->second->loc, nameNode.loc});
      continue;
    }
    index.typeDefinitions.push_back(&definition);
  }
  return index;
}

}  // namespace mt::api
