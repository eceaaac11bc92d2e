#include "Ast.h"

namespace mt::api::ast {

std::string_view kindName(Kind kind) {
  switch (kind) {
    case Kind::Name:
      return "Name";
    case Kind::Document:
      return "Document";
    case Kind::OperationDefinition:
      return "OperationDefinition";
    case Kind::VariableDefinition:
      return "VariableDefinition";
    case Kind::SelectionSet:
      return "SelectionSet";
    case Kind::Field:
      return "Field";
    case Kind::Argument:
      return "Argument";
    case Kind::FragmentSpread:
      return "FragmentSpread";
    case Kind::InlineFragment:
      return "InlineFragment";
    case Kind::FragmentDefinition:
      return "FragmentDefinition";
    case Kind::Variable:
      return "Variable";
    case Kind::IntValue:
      return "IntValue";
    case Kind::FloatValue:
      return "FloatValue";
    case Kind::StringValue:
      return "StringValue";
    case Kind::BooleanValue:
      return "BooleanValue";
    case Kind::NullValue:
      return "NullValue";
    case Kind::EnumValue:
      return "EnumValue";
    case Kind::ListValue:
      return "ListValue";
    case Kind::ObjectValue:
      return "ObjectValue";
    case Kind::ObjectField:
      return "ObjectField";
    case Kind::Directive:
      return "Directive";
    case Kind::NamedType:
      return "NamedType";
    case Kind::ListType:
      return "ListType";
    case Kind::NonNullType:
      return "NonNullType";
    case Kind::SchemaDefinition:
      return "SchemaDefinition";
    case Kind::OperationTypeDefinition:
      return "OperationTypeDefinition";
    case Kind::ScalarTypeDefinition:
      return "ScalarTypeDefinition";
    case Kind::ObjectTypeDefinition:
      return "ObjectTypeDefinition";
    case Kind::FieldDefinition:
      return "FieldDefinition";
    case Kind::InputValueDefinition:
      return "InputValueDefinition";
    case Kind::InterfaceTypeDefinition:
      return "InterfaceTypeDefinition";
    case Kind::UnionTypeDefinition:
      return "UnionTypeDefinition";
    case Kind::EnumTypeDefinition:
      return "EnumTypeDefinition";
    case Kind::EnumValueDefinition:
      return "EnumValueDefinition";
    case Kind::InputObjectTypeDefinition:
      return "InputObjectTypeDefinition";
    case Kind::DirectiveDefinition:
      return "DirectiveDefinition";
    case Kind::SchemaExtension:
      return "SchemaExtension";
    case Kind::ScalarTypeExtension:
      return "ScalarTypeExtension";
    case Kind::ObjectTypeExtension:
      return "ObjectTypeExtension";
    case Kind::InterfaceTypeExtension:
      return "InterfaceTypeExtension";
    case Kind::UnionTypeExtension:
      return "UnionTypeExtension";
    case Kind::EnumTypeExtension:
      return "EnumTypeExtension";
    case Kind::InputObjectTypeExtension:
      return "InputObjectTypeExtension";
  }
  return "Unknown";
}

std::string_view operationTypeName(OperationType operation) {
  switch (operation) {
    case OperationType::Query:
      return "query";
    case OperationType::Mutation:
      return "mutation";
    case OperationType::Subscription:
      return "subscription";
  }
  return "query";
}

bool isExecutableDefinition(const Definition& definition) {
  return std::holds_alternative<OperationDefinition>(definition) ||
         std::holds_alternative<FragmentDefinition>(definition);
}

bool isTypeSystemExtension(const Definition& definition) {
  switch (kindOf(definition)) {
    case Kind::SchemaExtension:
    case Kind::ScalarTypeExtension:
    case Kind::ObjectTypeExtension:
    case Kind::InterfaceTypeExtension:
    case Kind::UnionTypeExtension:
    case Kind::EnumTypeExtension:
    case Kind::InputObjectTypeExtension:
      return true;
    default:
      return false;
  }
}

const NamedType& namedTypeOf(const TypeRef& type) {
  if (const auto* named = std::get_if<NamedType>(&type)) return *named;
  if (const auto* list = std::get_if<ListType>(&type)) return namedTypeOf(*list->type);
  return namedTypeOf(*std::get<NonNullType>(type).type);
}

}  // namespace mt::api::ast
