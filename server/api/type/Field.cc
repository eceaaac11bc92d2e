#include "Field.h"

namespace mt::api {

const InputValue* findInputValue(const std::vector<InputValue>& values,
                                 std::string_view name) noexcept {
  for (const auto& value : values) {
    if (value.name == name) return &value;
  }
  return nullptr;
}

const InputValue* Field::arg(std::string_view argName) const noexcept {
  return findInputValue(args, argName);
}

}  // namespace mt::api
