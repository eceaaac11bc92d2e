#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mt::views {

// The values a URL pattern captured, by parameter name, percent-decoded.
class RouteParams {
 public:
  struct Param {
    std::string name;
    std::string value;
    std::optional<std::int64_t> integer;  // set by the <int:...> converter
  };

  RouteParams() = default;
  explicit RouteParams(std::vector<Param> params) : params_(std::move(params)) {}

  bool contains(std::string_view name) const { return findParam(name) != nullptr; }
  std::optional<std::string_view> find(std::string_view name) const;

  // The captured text. std::out_of_range when the pattern has no such parameter:
  // asking for one is a bug in the view (answered 500).
  const std::string& string(std::string_view name) const;

  // An <int:...> value as the pattern parsed it; any other parameter is parsed as a
  // decimal int64 here (std::invalid_argument when it is not one or is out of
  // range). std::out_of_range when missing.
  std::int64_t integer(std::string_view name) const;

  const std::vector<Param>& all() const { return params_; }
  bool empty() const { return params_.empty(); }
  std::size_t size() const { return params_.size(); }

 private:
  const Param* findParam(std::string_view name) const;

  std::vector<Param> params_;
};

// A decimal integer with an optional leading '-', within int64; nullopt otherwise.
std::optional<std::int64_t> parseInt64(std::string_view text);

}  // namespace mt::views
