#pragma once

// The GraphQL abstract syntax tree, mirroring graphql-js's language/ast.ts: one struct
// per node kind, with graphql-js's field names, for executable documents and for the
// type-system language (SDL).
//
// Ownership and lifetime. A Document owns every node by value and keeps the Source
// alive; names and raw literals (Int, Float, Enum) are std::string_view into the
// source text, so a node must not outlive the Document (or ParsedValue/ParsedType) it
// came from. String values are decoded (escapes, block-string dedent) and so own a
// std::string. Nodes are plain, copyable values; build them by hand for tests or
// programmatically (views then point wherever the builder keeps its text).
//
// Choices: a node that is one of several kinds (Definition, Selection, Value, TypeRef)
// is a std::variant of the concrete structs, so std::visit and std::get_if work on it
// directly; lists are std::vector, absent optional nodes std::optional, and empty
// lists stand for graphql-js's absent lists. Every node has `loc`.
//
// Descriptions: on every type-system definition, and (as in graphql-js 16.15, the
// oracle's version, after the spec draft that followed October 2021) on operations,
// fragments and variable definitions too.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "Box.h"
#include "Source.h"

namespace mt::api::ast {

// Where a node is: byte offsets [start, end) into the source text (from the node's
// first token to its last), and the line and column of its first token (1-based,
// columns in UTF-16 code units as in SourceLocation). A node built by hand has zeros.
struct Location {
  std::size_t start = 0;
  std::size_t end = 0;
  int line = 0;
  int column = 0;

  SourceLocation toSourceLocation() const { return {line, column}; }
};

// graphql-js's Kind enum, one per node struct; each struct's `kind` says which.
enum class Kind {
  Name,
  Document,
  OperationDefinition,
  VariableDefinition,
  SelectionSet,
  Field,
  Argument,
  FragmentSpread,
  InlineFragment,
  FragmentDefinition,
  Variable,
  IntValue,
  FloatValue,
  StringValue,
  BooleanValue,
  NullValue,
  EnumValue,
  ListValue,
  ObjectValue,
  ObjectField,
  Directive,
  NamedType,
  ListType,
  NonNullType,
  SchemaDefinition,
  OperationTypeDefinition,
  ScalarTypeDefinition,
  ObjectTypeDefinition,
  FieldDefinition,
  InputValueDefinition,
  InterfaceTypeDefinition,
  UnionTypeDefinition,
  EnumTypeDefinition,
  EnumValueDefinition,
  InputObjectTypeDefinition,
  DirectiveDefinition,
  SchemaExtension,
  ScalarTypeExtension,
  ObjectTypeExtension,
  InterfaceTypeExtension,
  UnionTypeExtension,
  EnumTypeExtension,
  InputObjectTypeExtension,
};

// The graphql-js spelling of a kind: "OperationDefinition", "IntValue", ...
std::string_view kindName(Kind kind);

enum class OperationType { Query, Mutation, Subscription };

// "query", "mutation" or "subscription".
std::string_view operationTypeName(OperationType operation);

struct Name {
  static constexpr Kind kind = Kind::Name;
  Location loc;
  std::string_view value;
};

// ---------------------------------------------------------------------------
// Values

struct Value;

struct Variable {
  static constexpr Kind kind = Kind::Variable;
  Location loc;
  Name name;
};

// The literal's text as written ("-12"); coercion to a number is the type system's job.
struct IntValue {
  static constexpr Kind kind = Kind::IntValue;
  Location loc;
  std::string_view value;
};

// The literal's text as written ("1.5e3").
struct FloatValue {
  static constexpr Kind kind = Kind::FloatValue;
  Location loc;
  std::string_view value;
};

// The decoded value: escapes resolved, a block string dedented (blockStringValue).
struct StringValue {
  static constexpr Kind kind = Kind::StringValue;
  Location loc;
  std::string value;
  bool block = false;  // written as """block string"""
};

struct BooleanValue {
  static constexpr Kind kind = Kind::BooleanValue;
  Location loc;
  bool value = false;
};

struct NullValue {
  static constexpr Kind kind = Kind::NullValue;
  Location loc;
};

struct EnumValue {
  static constexpr Kind kind = Kind::EnumValue;
  Location loc;
  std::string_view value;
};

struct ListValue {
  static constexpr Kind kind = Kind::ListValue;
  Location loc;
  std::vector<Value> values;
};

struct ObjectField;

struct ObjectValue {
  static constexpr Kind kind = Kind::ObjectValue;
  Location loc;
  std::vector<ObjectField> fields;
};

// Any value literal. A constant value (default values, directive arguments in SDL) is
// a Value without Variables; the parser enforces that.
struct Value : std::variant<Variable, IntValue, FloatValue, StringValue, BooleanValue, NullValue,
                            EnumValue, ListValue, ObjectValue> {
  using variant::variant;
};

struct ObjectField {
  static constexpr Kind kind = Kind::ObjectField;
  Location loc;
  Name name;
  Value value;
};

// ---------------------------------------------------------------------------
// Type references

struct TypeRef;

struct NamedType {
  static constexpr Kind kind = Kind::NamedType;
  Location loc;
  Name name;
};

struct ListType {
  static constexpr Kind kind = Kind::ListType;
  Location loc;
  Box<TypeRef> type;
};

// `type` is never itself a NonNullType (the grammar has no `T!!`).
struct NonNullType {
  static constexpr Kind kind = Kind::NonNullType;
  Location loc;
  Box<TypeRef> type;
};

struct TypeRef : std::variant<NamedType, ListType, NonNullType> {
  using variant::variant;
};

// ---------------------------------------------------------------------------
// Directives and arguments

struct Argument {
  static constexpr Kind kind = Kind::Argument;
  Location loc;
  Name name;
  Value value;
};

struct Directive {
  static constexpr Kind kind = Kind::Directive;
  Location loc;
  Name name;
  std::vector<Argument> arguments;
};

// ---------------------------------------------------------------------------
// Executable definitions

struct Selection;

struct SelectionSet {
  static constexpr Kind kind = Kind::SelectionSet;
  Location loc;
  std::vector<Selection> selections;  // never empty when parsed
};

struct Field {
  static constexpr Kind kind = Kind::Field;
  Location loc;
  std::optional<Name> alias;
  Name name;
  std::vector<Argument> arguments;
  std::vector<Directive> directives;
  std::optional<SelectionSet> selectionSet;

  // The key this field has in the response: its alias, else its name.
  std::string_view responseKey() const { return alias ? alias->value : name.value; }
};

struct FragmentSpread {
  static constexpr Kind kind = Kind::FragmentSpread;
  Location loc;
  Name name;
  std::vector<Directive> directives;
};

struct InlineFragment {
  static constexpr Kind kind = Kind::InlineFragment;
  Location loc;
  std::optional<NamedType> typeCondition;
  std::vector<Directive> directives;
  SelectionSet selectionSet;
};

struct Selection : std::variant<Field, FragmentSpread, InlineFragment> {
  using variant::variant;
};

struct VariableDefinition {
  static constexpr Kind kind = Kind::VariableDefinition;
  Location loc;
  std::optional<StringValue> description;
  Variable variable;
  TypeRef type;
  std::optional<Value> defaultValue;  // constant
  std::vector<Directive> directives;  // constant arguments
};

// `query { a }` and the shorthand `{ a }` both give operation Query and no name; the
// shorthand's loc starts at "{" (and it cannot have a description).
struct OperationDefinition {
  static constexpr Kind kind = Kind::OperationDefinition;
  Location loc;
  std::optional<StringValue> description;
  OperationType operation = OperationType::Query;
  std::optional<Name> name;
  std::vector<VariableDefinition> variableDefinitions;
  std::vector<Directive> directives;
  SelectionSet selectionSet;
};

// No fragment variables (graphql-js's legacy option is not supported).
struct FragmentDefinition {
  static constexpr Kind kind = Kind::FragmentDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  NamedType typeCondition;
  std::vector<Directive> directives;
  SelectionSet selectionSet;
};

// ---------------------------------------------------------------------------
// Type-system definitions (SDL). Directives here have constant arguments.

struct OperationTypeDefinition {
  static constexpr Kind kind = Kind::OperationTypeDefinition;
  Location loc;
  OperationType operation = OperationType::Query;
  NamedType type;
};

struct SchemaDefinition {
  static constexpr Kind kind = Kind::SchemaDefinition;
  Location loc;
  std::optional<StringValue> description;
  std::vector<Directive> directives;
  std::vector<OperationTypeDefinition> operationTypes;
};

struct ScalarTypeDefinition {
  static constexpr Kind kind = Kind::ScalarTypeDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  std::vector<Directive> directives;
};

// An argument of a field or directive, or a field of an input object.
struct InputValueDefinition {
  static constexpr Kind kind = Kind::InputValueDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  TypeRef type;
  std::optional<Value> defaultValue;  // constant
  std::vector<Directive> directives;
};

struct FieldDefinition {
  static constexpr Kind kind = Kind::FieldDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  std::vector<InputValueDefinition> arguments;
  TypeRef type;
  std::vector<Directive> directives;
};

struct ObjectTypeDefinition {
  static constexpr Kind kind = Kind::ObjectTypeDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  std::vector<NamedType> interfaces;
  std::vector<Directive> directives;
  std::vector<FieldDefinition> fields;
};

struct InterfaceTypeDefinition {
  static constexpr Kind kind = Kind::InterfaceTypeDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  std::vector<NamedType> interfaces;
  std::vector<Directive> directives;
  std::vector<FieldDefinition> fields;
};

struct UnionTypeDefinition {
  static constexpr Kind kind = Kind::UnionTypeDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  std::vector<Directive> directives;
  std::vector<NamedType> types;
};

struct EnumValueDefinition {
  static constexpr Kind kind = Kind::EnumValueDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;  // never true, false or null
  std::vector<Directive> directives;
};

struct EnumTypeDefinition {
  static constexpr Kind kind = Kind::EnumTypeDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  std::vector<Directive> directives;
  std::vector<EnumValueDefinition> values;
};

struct InputObjectTypeDefinition {
  static constexpr Kind kind = Kind::InputObjectTypeDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;
  std::vector<Directive> directives;
  std::vector<InputValueDefinition> fields;
};

// `locations` are names the parser has checked against DirectiveLocation.h.
struct DirectiveDefinition {
  static constexpr Kind kind = Kind::DirectiveDefinition;
  Location loc;
  std::optional<StringValue> description;
  Name name;  // without the "@"
  std::vector<InputValueDefinition> arguments;
  bool repeatable = false;
  std::vector<Name> locations;
};

// ---------------------------------------------------------------------------
// Type-system extensions (`extend ...`). The parser rejects an extension that adds
// nothing.

struct SchemaExtension {
  static constexpr Kind kind = Kind::SchemaExtension;
  Location loc;
  std::vector<Directive> directives;
  std::vector<OperationTypeDefinition> operationTypes;
};

struct ScalarTypeExtension {
  static constexpr Kind kind = Kind::ScalarTypeExtension;
  Location loc;
  Name name;
  std::vector<Directive> directives;
};

struct ObjectTypeExtension {
  static constexpr Kind kind = Kind::ObjectTypeExtension;
  Location loc;
  Name name;
  std::vector<NamedType> interfaces;
  std::vector<Directive> directives;
  std::vector<FieldDefinition> fields;
};

struct InterfaceTypeExtension {
  static constexpr Kind kind = Kind::InterfaceTypeExtension;
  Location loc;
  Name name;
  std::vector<NamedType> interfaces;
  std::vector<Directive> directives;
  std::vector<FieldDefinition> fields;
};

struct UnionTypeExtension {
  static constexpr Kind kind = Kind::UnionTypeExtension;
  Location loc;
  Name name;
  std::vector<Directive> directives;
  std::vector<NamedType> types;
};

struct EnumTypeExtension {
  static constexpr Kind kind = Kind::EnumTypeExtension;
  Location loc;
  Name name;
  std::vector<Directive> directives;
  std::vector<EnumValueDefinition> values;
};

struct InputObjectTypeExtension {
  static constexpr Kind kind = Kind::InputObjectTypeExtension;
  Location loc;
  Name name;
  std::vector<Directive> directives;
  std::vector<InputValueDefinition> fields;
};

// ---------------------------------------------------------------------------
// Documents

// Executable definitions first, then type-system definitions, then extensions.
struct Definition : std::variant<OperationDefinition, FragmentDefinition, SchemaDefinition,
                                 ScalarTypeDefinition, ObjectTypeDefinition,
                                 InterfaceTypeDefinition, UnionTypeDefinition, EnumTypeDefinition,
                                 InputObjectTypeDefinition, DirectiveDefinition, SchemaExtension,
                                 ScalarTypeExtension, ObjectTypeExtension, InterfaceTypeExtension,
                                 UnionTypeExtension, EnumTypeExtension, InputObjectTypeExtension> {
  using variant::variant;
};

// A parsed document. Copies share the (immutable) source, so they stay valid.
struct Document {
  static constexpr Kind kind = Kind::Document;
  Location loc;
  std::shared_ptr<const Source> source;  // null only for a document built by hand
  std::vector<Definition> definitions;
  std::size_t tokenCount = 0;  // tokens read, comments excluded (graphql-js's tokenCount)
};

// ---------------------------------------------------------------------------
// Helpers for the variant nodes

// The kind and location of whichever node a Value, TypeRef, Selection or Definition
// holds.
template <class Variant>
Kind kindOf(const Variant& node) {
  return std::visit([](const auto& n) { return n.kind; }, node);
}

template <class Variant>
const Location& locationOf(const Variant& node) {
  return std::visit([](const auto& n) -> const Location& { return n.loc; }, node);
}

// True for OperationDefinition and FragmentDefinition: what an executable document
// may contain.
bool isExecutableDefinition(const Definition& definition);

// True for the type-system extensions (`extend ...`).
bool isTypeSystemExtension(const Definition& definition);

// The name at the heart of a type reference: `[User!]!` gives the NamedType "User".
const NamedType& namedTypeOf(const TypeRef& type);

}  // namespace mt::api::ast
