#include "DirectiveLocation.h"

#include <array>
#include <utility>

namespace mt::api {

namespace {

constexpr std::array<std::pair<DirectiveLocation, std::string_view>, 19> kNames{{
    {DirectiveLocation::Query, "QUERY"},
    {DirectiveLocation::Mutation, "MUTATION"},
    {DirectiveLocation::Subscription, "SUBSCRIPTION"},
    {DirectiveLocation::Field, "FIELD"},
    {DirectiveLocation::FragmentDefinition, "FRAGMENT_DEFINITION"},
    {DirectiveLocation::FragmentSpread, "FRAGMENT_SPREAD"},
    {DirectiveLocation::InlineFragment, "INLINE_FRAGMENT"},
    {DirectiveLocation::VariableDefinition, "VARIABLE_DEFINITION"},
    {DirectiveLocation::Schema, "SCHEMA"},
    {DirectiveLocation::Scalar, "SCALAR"},
    {DirectiveLocation::Object, "OBJECT"},
    {DirectiveLocation::FieldDefinition, "FIELD_DEFINITION"},
    {DirectiveLocation::ArgumentDefinition, "ARGUMENT_DEFINITION"},
    {DirectiveLocation::Interface, "INTERFACE"},
    {DirectiveLocation::Union, "UNION"},
    {DirectiveLocation::Enum, "ENUM"},
    {DirectiveLocation::EnumValue, "ENUM_VALUE"},
    {DirectiveLocation::InputObject, "INPUT_OBJECT"},
    {DirectiveLocation::InputFieldDefinition, "INPUT_FIELD_DEFINITION"},
}};

}  // namespace

std::string_view directiveLocationName(DirectiveLocation location) {
  return kNames[static_cast<std::size_t>(location)].second;
}

std::optional<DirectiveLocation> directiveLocationFromName(std::string_view name) {
  for (const auto& [location, spelling] : kNames) {
    if (spelling == name) return location;
  }
  return std::nullopt;
}

}  // namespace mt::api
