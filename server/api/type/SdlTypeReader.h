#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "Ast.h"
#include "ScalarRegistry.h"
#include "SchemaAssembly.h"
#include "SdlIndex.h"

namespace mt::api {

// Turns one SDL document's definitions into the schema's types, directives and root
// types (graphql-js's extendSchemaImpl), reporting what the SDL gets wrong on the way:
// unknown types, extensions of types that do not exist or are of another kind, members
// defined twice, scalars without an implementation. Applied directives other than
// the three that shape the schema (@deprecated, @specifiedBy, @oneOf) are checked by
// SdlDirectiveChecker; default values are coerced by DefaultValues once every type is
// complete.
//
// The engine's own definitions (SpecifiedSdl) go through the same reader with
// `specified` set: their scalars take the specified implementations.
//
// Every document's types must exist before any is completed, since types refer to
// each other: call createTypes() on every reader, then addDirectives(), then
// completeTypes(), then readRootTypes() on the application's reader.
class SdlTypeReader {
 public:
  SdlTypeReader(SchemaAssembly& assembly, const SdlIndex& index, bool specified,
                const ScalarRegistry& scalars);

  void createTypes();
  void addDirectives();
  void completeTypes();
  void readRootTypes();

 private:
  void completeType(NamedType& type, const ast::Definition& definition);
  void checkExtensionTarget(const ast::Definition& extension);
  void addFields(NamedType& type, const std::vector<ast::FieldDefinition>& fields);
  void addInterfaces(NamedType& type, const std::vector<ast::NamedType>& interfaces);
  void addMembers(NamedType& type, const std::vector<ast::NamedType>& members);
  void addEnumValues(NamedType& type, const std::vector<ast::EnumValueDefinition>& values);
  void addInputFields(NamedType& type, const std::vector<ast::InputValueDefinition>& fields);
  void applyTypeDirectives(NamedType& type, const std::vector<ast::Directive>& directives);
  void setScalarImplementation(NamedType& type, const ast::ScalarTypeDefinition& definition);
  std::vector<InputValue> readArguments(const std::vector<ast::InputValueDefinition>& arguments,
                                        std::string_view owner);
  InputValue readInputValue(const ast::InputValueDefinition& definition);
  // The type a reference names; null (and reported) if it names no type.
  const Type* resolve(const ast::TypeRef& reference);
  const NamedType* resolveNamed(const ast::NamedType& reference);

  SchemaAssembly& assembly_;
  const SdlIndex& index_;
  bool specified_;
  const ScalarRegistry& scalars_;
  // The types this document defines, with their definitions: a specified scalar the
  // SDL declares again is not among them (it stays the built-in one).
  std::vector<std::pair<NamedType*, const ast::Definition*>> defined_;
};

}  // namespace mt::api
