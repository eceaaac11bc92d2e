#pragma once

#include <string>
#include <vector>

#include "Resolved.h"
#include "SchemaAssembly.h"

namespace mt::api {

// The resolvers an application registers with SchemaBuilder, in registration order.
struct ResolverRegistrations {
  struct FieldEntry {
    std::string typeName;
    std::string fieldName;
    // Exactly one of the three is set.
    FieldResolver resolve;
    BatchFieldResolver batchResolve;
    SubscribeResolver subscribe;
  };
  struct TypeEntry {
    std::string typeName;
    TypeResolver resolve;
  };
  std::vector<FieldEntry> fields;
  std::vector<TypeEntry> types;
};

// Attaches the registered resolvers to the assembly's fields and abstract types,
// reporting registrations that name no type or field of the application's schema,
// name an introspection type, or repeat one, and subscribe resolvers on a type other
// than the schema's subscription root type. Then lets each object type field without
// a resolver inherit the one registered on the same field of an interface it
// implements (the first such interface in declaration order); subscribe resolvers are
// never inherited.
void bindResolvers(SchemaAssembly& assembly, const ResolverRegistrations& registrations);

}  // namespace mt::api
