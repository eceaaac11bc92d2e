#include "FieldMutation.h"

namespace mt::client {

nlohmann::json runFieldMutation(const ApiClient& api, const std::string& token,
                                const std::string& field, const std::string& argument,
                                const std::string& type, const std::string& value,
                                const std::string& selection, nlohmann::json* raw) {
  const auto data = api.execute("mutation($" + argument + ": " + type + ") { " + field + "(" +
                                    argument + ": $" + argument + ") " + selection + " }",
                                {{argument, value}}, token);
  if (raw) *raw = data;
  return data.at(field);
}

}  // namespace mt::client
