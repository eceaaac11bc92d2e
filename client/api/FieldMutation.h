#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "ApiClient.h"

namespace mt::client {

// One mutation field with one argument, the shape of like(id:), follow(username:),
// deleteTweet(id:) and their kin:
//   mutation($<argument>: <type>) { <field>(<argument>: $<argument>) <selection> }
// `selection` is "{ … }", or empty for a field of scalar type. Returns data[field];
// `raw`, when given, gets the whole data. Throws what ApiClient::execute throws.
nlohmann::json runFieldMutation(const ApiClient& api, const std::string& token,
                                const std::string& field, const std::string& argument,
                                const std::string& type, const std::string& value,
                                const std::string& selection, nlohmann::json* raw);

}  // namespace mt::client
