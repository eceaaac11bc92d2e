#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mt::views {

// Picks the media type to answer in from an Accept header (RFC 9110 section 12.5.1):
// the offered type with the highest quality, where an exact type beats "type/*",
// which beats "*/*", and among equal qualities the server's order of preference
// (`offered`, most preferred first) decides. A missing or empty header accepts
// anything. nullopt when nothing offered is acceptable (answer 406).
std::optional<std::string_view> negotiateMediaType(std::optional<std::string_view> accept,
                                                   std::span<const std::string_view> offered);

// The media type of a Content-Type value, lower-cased without parameters, and its
// charset parameter if any ("application/json; charset=UTF-8" → "application/json",
// "utf-8").
struct ContentType {
  std::string mediaType;
  std::optional<std::string> charset;
};
ContentType parseContentType(std::string_view value);

}  // namespace mt::views
