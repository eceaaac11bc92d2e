#pragma once

#include <any>
#include <string_view>

#include "Resolved.h"
#include "Schema.h"
#include "Value.h"

namespace mt::api::testing {

// Runs a query's selections against a schema's resolvers, so that the type module's
// resolvers (introspection above all) can be tested before and apart from the
// execution module. It covers what introspection queries use: fields, aliases,
// literal arguments with defaults, named and inline fragments, lists, non-null and
// leaf serialisation. No variables, directives, error collection or null propagation:
// a failure throws, which fails the test.
Value runQuery(const Schema& schema, std::string_view query, const Resolved& root = {},
               std::any context = {});

}  // namespace mt::api::testing
