#include "MediaTypeNegotiation.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace mt::views {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "0.5" → 500; q-values have at most three decimals (RFC 9110 section 12.4.2).
int parseQuality(std::string_view text) {
  text = trim(text);
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return -1;
  int whole = text[0] - '0';
  int thousandths = 0;
  if (text.size() > 1) {
    if (text[1] != '.' || text.size() > 5) return -1;
    int scale = 100;
    for (char c : text.substr(2)) {
      if (c < '0' || c > '9') return -1;
      thousandths += (c - '0') * scale;
      scale /= 10;
    }
  }
  int q = whole * 1000 + thousandths;
  return q > 1000 ? -1 : q;
}

struct MediaRange {
  std::string_view type;
  std::string_view subtype;
  int quality = 1000;
};

std::optional<MediaRange> parseRange(std::string_view item) {
  MediaRange range;
  std::size_t semicolon = item.find(';');
  std::string_view media = trim(item.substr(0, semicolon));
  std::size_t slash = media.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  range.type = trim(media.substr(0, slash));
  range.subtype = trim(media.substr(slash + 1));
  if (range.type.empty() || range.subtype.empty()) return std::nullopt;
  while (semicolon != std::string_view::npos) {
    std::size_t next = item.find(';', semicolon + 1);
    std::string_view param = trim(item.substr(semicolon + 1, next - semicolon - 1));
    std::size_t eq = param.find('=');
    if (eq != std::string_view::npos && equalsIgnoreCase(trim(param.substr(0, eq)), "q")) {
      range.quality = parseQuality(param.substr(eq + 1));
      if (range.quality < 0) return std::nullopt;
    }
    semicolon = next;
  }
  return range;
}

// How specifically `range` names `type/subtype`: 3 exact, 2 type/*, 1 */*, 0 not at all.
int specificity(const MediaRange& range, std::string_view offered) {
  std::size_t slash = offered.find('/');
  std::string_view type = offered.substr(0, slash);
  std::string_view subtype = offered.substr(slash + 1);
  if (range.type == "*") return range.subtype == "*" ? 1 : 0;
  if (!equalsIgnoreCase(range.type, type)) return 0;
  if (range.subtype == "*") return 2;
  return equalsIgnoreCase(range.subtype, subtype) ? 3 : 0;
}

}  // namespace

std::optional<std::string_view> negotiateMediaType(std::optional<std::string_view> accept,
                                                   std::span<const std::string_view> offered) {
  if (offered.empty()) return std::nullopt;
  if (!accept || trim(*accept).empty()) return offered.front();
  std::vector<MediaRange> ranges;
  std::string_view rest = *accept;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    if (auto range = parseRange(rest.substr(0, comma))) ranges.push_back(*range);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  std::optional<std::string_view> best;
  int bestQuality = 0;
  for (std::string_view candidate : offered) {
    // The most specific range that names a type decides its quality.
    int mostSpecific = 0;
    int quality = 0;
    for (const MediaRange& range : ranges) {
      int s = specificity(range, candidate);
      if (s > mostSpecific) {
        mostSpecific = s;
        quality = range.quality;
      }
    }
    if (quality > bestQuality) {
      best = candidate;
      bestQuality = quality;
    }
  }
  return best;
}

ContentType parseContentType(std::string_view value) {
  ContentType result;
  std::size_t semicolon = value.find(';');
  result.mediaType = lower(trim(value.substr(0, semicolon)));
  while (semicolon != std::string_view::npos) {
    std::size_t next = value.find(';', semicolon + 1);
    std::string_view param = trim(value.substr(semicolon + 1, next - semicolon - 1));
    std::size_t eq = param.find('=');
    if (eq != std::string_view::npos && equalsIgnoreCase(trim(param.substr(0, eq)), "charset")) {
      std::string_view charset = trim(param.substr(eq + 1));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
        charset = charset.substr(1, charset.size() - 2);
      }
      result.charset = lower(charset);
    }
    semicolon = next;
  }
  return result;
}

}  // namespace mt::views
