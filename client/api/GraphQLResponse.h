#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "ApiErrors.h"

namespace mt::client {

// How the client reads a GraphQL answer, for one-shot requests (ApiClient) and the
// results a subscription pushes (Subscription) alike.

// The `data` of a GraphQL response over HTTP from the server named `serverName`.
// Throws ServerError (HTTP 5xx, a body that is not GraphQL JSON, no data) or ApiError
// (the first of the response's errors).
nlohmann::json responseData(const std::string& serverName, int status, const std::string& body);

// The first error of an ExecutionResult (`errors[0]`), or nullptr when there is none.
const nlohmann::json* firstError(const nlohmann::json& result);

// A GraphQL error as the client throws it: extensions.code and .field, the message.
ApiError toApiError(const nlohmann::json& error);

}  // namespace mt::client
