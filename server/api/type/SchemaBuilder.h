#pragma once

#include <memory>
#include <string>
#include <vector>

#include "Resolved.h"
#include "ResolverBinding.h"
#include "ScalarRegistry.h"
#include "ScalarType.h"
#include "Schema.h"
#include "SchemaError.h"

namespace mt::api {

// Builds a schema from SDL plus resolvers registered in C++ (the typeDefs-and-resolvers
// style of graphql-tools):
//
//   SchemaBuilder builder(sdlText);
//   builder.scalar("DateTime", std::make_shared<DateTimeScalar>());
//   builder.resolver("Query", "tweet", [](const ResolveParams& p) -> Resolved { ... });
//   builder.batchResolver("Tweet", "author", [](const BatchResolveParams& p) { ... });
//   builder.typeResolver("Node", [](const Resolved& value, std::any& context) { ... });
//   std::shared_ptr<const Schema> schema = builder.build();
//
// The SDL may hold a schema definition (else the types named Query, Mutation and
// Subscription are the roots), type definitions, `extend` of any of them,
// descriptions, custom directives, @deprecated(reason:) on fields, arguments, input
// fields and enum values, @specifiedBy(url:) on scalars and @oneOf on input objects.
//
// build() checks everything and throws a SchemaError listing every problem: SDL
// syntax; unknown types and directives; duplicate types, fields, values, arguments or
// directives; extensions of types never defined or of another kind; custom scalars
// without an implementation; invalid default values and directive arguments; the
// specification's type validation (see SchemaValidator.h: a missing Query root,
// interfaces implemented wrongly, input types used as output and vice versa, ...);
// and resolvers registered for types or fields that do not exist.
//
// A field without a resolver uses defaultFieldResolver; an object field inherits a
// resolver registered on the same field of an interface it implements. Registering
// methods may be called in any order, and build() may be called more than once.
class SchemaBuilder {
 public:
  // `sourceName` names the SDL in error messages.
  explicit SchemaBuilder(std::string typeDefs, std::string sourceName = "schema.graphql");

  // The implementation of a custom scalar the SDL declares.
  SchemaBuilder& scalar(std::string name, std::shared_ptr<const ScalarType> implementation);
  // Every implementation in `registry`; the SDL uses those it declares.
  SchemaBuilder& scalars(const ScalarRegistry& registry);

  SchemaBuilder& resolver(std::string typeName, std::string fieldName, FieldResolver resolver);
  SchemaBuilder& batchResolver(std::string typeName, std::string fieldName,
                               BatchFieldResolver resolver);
  // The subscribe resolver of a field of the schema's subscription root type (it
  // starts the field's source event stream; `resolver()` on the same field, if any,
  // maps each event). Registering one on any other type is a build() error.
  SchemaBuilder& subscriber(std::string typeName, std::string fieldName,
                            SubscribeResolver subscribe);
  // Picks the object type of a value of the interface or union `typeName` when the
  // value carries no type name (Resolved::typeName()).
  SchemaBuilder& typeResolver(std::string typeName, TypeResolver resolver);

  std::shared_ptr<const Schema> build() const;

 private:
  std::string typeDefs_;
  std::string sourceName_;
  ScalarRegistry scalars_;
  ResolverRegistrations resolvers_;
  // Problems found while registering, reported by build() with the rest.
  std::vector<std::string> registrationProblems_;
};

}  // namespace mt::api
