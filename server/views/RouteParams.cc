#include "RouteParams.h"

#include <charconv>
#include <stdexcept>

namespace mt::views {

std::optional<std::int64_t> parseInt64(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end) return std::nullopt;
  return value;
}

const RouteParams::Param* RouteParams::findParam(std::string_view name) const {
  for (const Param& p : params_) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::optional<std::string_view> RouteParams::find(std::string_view name) const {
  const Param* p = findParam(name);
  if (p == nullptr) return std::nullopt;
  return p->value;
}

const std::string& RouteParams::string(std::string_view name) const {
  const Param* p = findParam(name);
  if (p == nullptr) throw std::out_of_range("no route parameter named " + std::string(name));
  return p->value;
}

std::int64_t RouteParams::integer(std::string_view name) const {
  const Param* p = findParam(name);
  if (p == nullptr) throw std::out_of_range("no route parameter named " + std::string(name));
  if (p->integer) return *p->integer;
  std::optional<std::int64_t> parsed = parseInt64(p->value);
  if (!parsed) throw std::invalid_argument("route parameter " + p->name + " is not an int64");
  return *parsed;
}

}  // namespace mt::views
