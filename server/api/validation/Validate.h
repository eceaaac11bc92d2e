#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "Ast.h"
#include "GraphQLError.h"
#include "Schema.h"
#include "ValidationRule.h"

namespace mt::api {

struct ValidationOptions {
  // The rules to run, in order; specifiedRules() unless set (tests run one at a time).
  std::span<const ValidationRule* const> rules;

  // Like graphql-js: after this many errors validation stops and says so.
  std::size_t maxErrors = 100;

  // Leave "Did you mean ...?" out of messages, so that a client cannot probe the
  // schema through them when introspection is off (graphql-js's hideSuggestions).
  bool hideSuggestions = false;

  // Defences against expensive operations; not in the specification, so off unless
  // set. Fragments count as if written out where they are spread.
  // The deepest nesting of fields: `{ a { b } }` is 2.
  std::optional<std::size_t> maxSelectionDepth;
  // Field selections in the response, each alias counting as one.
  std::optional<std::size_t> maxFieldCount;
  // Aliased fields.
  std::optional<std::size_t> maxAliasCount;
};

// Validates an executable document against a schema with the specification's rules
// (graphql-js's validate()): the errors in graphql-js 16's order, with its messages
// and locations; empty if the document is valid. The document is walked once, every
// rule sharing the walk.
//
// Thread-safe for distinct documents; the schema is only read.
std::vector<GraphQLError> validate(const Schema& schema, const ast::Document& document,
                                   const ValidationOptions& options = {});

}  // namespace mt::api
