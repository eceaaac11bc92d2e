#pragma once

#include <memory>

namespace mt::api {
class Schema;
}

namespace mt::app {

// The schema `/api` serves until the Twitter's arrives with the database layer: a
// few operational fields, enough for clients, GraphiQL and the GraphQL-over-HTTP
// audit to exercise queries, mutations, variables, custom scalars and errors.
std::shared_ptr<const api::Schema> buildOperationsSchema();

}  // namespace mt::app
