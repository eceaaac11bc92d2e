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
    FieldResolver resolve;  // exactly one of the two is set
    BatchFieldResolver batchResolve;
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
// name an introspection type, or repeat one. Then lets each object type field without
// a resolver inherit the one registered on the same field of an interface it
// implements (the first such interface in declaration order).
void bindResolvers(SchemaAssembly& assembly, const ResolverRegistrations& registrations);

}  // namespace mt::api
