#include "ContentTypes.h"

#include <algorithm>
#include <array>
#include <utility>

namespace mt::views {
namespace {

constexpr std::string_view kDefaultType = "application/octet-stream";

constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kTypes{{
    {"css", "text/css; charset=utf-8"},
    {"csv", "text/csv; charset=utf-8"},
    {"gif", "image/gif"},
    {"htm", "text/html; charset=utf-8"},
    {"html", "text/html; charset=utf-8"},
    {"ico", "image/x-icon"},
    {"jpeg", "image/jpeg"},
    {"jpg", "image/jpeg"},
    {"js", "text/javascript; charset=utf-8"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"md", "text/markdown; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"pdf", "application/pdf"},
    {"png", "image/png"},
    {"svg", "image/svg+xml"},
    {"txt", "text/plain; charset=utf-8"},
    {"wasm", "application/wasm"},
    {"webmanifest", "application/manifest+json"},
    {"webp", "image/webp"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"xml", "application/xml"},
    {"yaml", "application/yaml"},
}};

constexpr bool sortedByExtension() {
  for (std::size_t i = 1; i < kTypes.size(); ++i) {
    if (!(kTypes[i - 1].first < kTypes[i].first)) return false;
  }
  return true;
}
static_assert(sortedByExtension(), "kTypes is searched with lower_bound");

}  // namespace

std::string_view contentTypeForPath(std::string_view path) {
  std::size_t dot = path.rfind('.');
  std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return kDefaultType;
  }
  std::string_view extension = path.substr(dot + 1);
  char lower[16];
  if (extension.empty() || extension.size() > sizeof lower) return kDefaultType;
  for (std::size_t i = 0; i < extension.size(); ++i) {
    char c = extension[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view key(lower, extension.size());
  auto it = std::lower_bound(kTypes.begin(), kTypes.end(), key,
                             [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != kTypes.end() && it->first == key ? it->second : kDefaultType;
}

}  // namespace mt::views
