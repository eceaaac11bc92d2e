#pragma once

#include <stdexcept>
#include <string_view>
#include <vector>

#include "GraphQLError.h"

namespace mt::api {

// Why SchemaBuilder::build() refused a schema: every problem it found, each with the
// locations in the SDL it concerns, worded as graphql-js words them where it has the
// same check. what() lists them one per line, "schema.graphql:3:7: Unknown type "Foo"."
class SchemaError : public std::runtime_error {
 public:
  SchemaError(std::vector<GraphQLError> errors, std::string_view sourceName);

  const std::vector<GraphQLError>& errors() const noexcept { return errors_; }

 private:
  std::vector<GraphQLError> errors_;
};

}  // namespace mt::api
