#pragma once

#include <optional>
#include <string>
#include <vector>

#include "GraphQLError.h"
#include "Value.h"

namespace mt::api {

// The outcome of executing an operation (the spec's response map).
//
// `data` is absent when the request failed before execution began (no such operation,
// invalid variables); it is present and null when a field error propagated to the
// root, or an execution limit stopped the whole request.
struct ExecutionResult {
  std::optional<Value> data;
  std::vector<GraphQLError> errors;

  // The response as JSON, ordered as graphql-js's ExecutionResult serialises (and so
  // as graphql-http sends it): {"errors":[...],"data":...} with "errors" only when
  // there are some, as the spec recommends so that a reader sees them first, and
  // "data" only when present. Each error is written by writeErrorJson().
  std::string toJson() const;
  void writeJson(std::string& out) const;
};

// Appends one error as graphql-js's GraphQLError.toJSON() writes it:
// {"message":"...","locations":[{"line":1,"column":2}],"path":["a",0]}, with
// "locations" and "path" left out when empty. Also for parse and validation errors.
void writeErrorJson(const GraphQLError& error, std::string& out);

// The same for a list of errors: [{...},{...}].
void writeErrorsJson(const std::vector<GraphQLError>& errors, std::string& out);

}  // namespace mt::api
