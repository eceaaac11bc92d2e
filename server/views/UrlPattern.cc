#include "UrlPattern.h"

#include <regex>
#include <stdexcept>
#include <utility>
#include <vector>

namespace mt::views {
namespace {

enum class Converter { Literal, Str, Int, Slug, Uuid, Path };

// A piece of a pattern segment: literal text, or a converter and its parameter name.
struct Part {
  Converter kind;
  std::string text;
};
using Segment = std::vector<Part>;

[[noreturn]] void fail(std::string_view pattern, std::string_view why) {
  throw std::invalid_argument("URL pattern \"" + std::string(pattern) + "\": " + std::string(why));
}

bool isIdentifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isSlugChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '_';
}
bool isLowerHex(char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f');
}

bool isUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !isLowerHex(s[i])) return false;
  }
  return true;
}

// The longest prefix of `text` a converter could match (uuid: exactly 36 or none).
std::size_t longestCandidate(Converter kind, std::string_view text) {
  std::size_t n = 0;
  switch (kind) {
    case Converter::Str:
    case Converter::Path:
      return text.size();
    case Converter::Int:
      while (n < text.size() && isDigit(text[n]))
        ++n;
      return n;
    case Converter::Slug:
      while (n < text.size() && isSlugChar(text[n]))
        ++n;
      return n;
    case Converter::Uuid:
      return isUuid(text.substr(0, 36)) ? 36 : 0;
    case Converter::Literal:
      break;
  }
  return 0;
}

Converter converterNamed(std::string_view pattern, std::string_view name) {
  if (name == "str") return Converter::Str;
  if (name == "int") return Converter::Int;
  if (name == "slug") return Converter::Slug;
  if (name == "uuid") return Converter::Uuid;
  if (name == "path") return Converter::Path;
  fail(pattern, "unknown converter \"" + std::string(name) + "\"");
}

Segment parseSegment(std::string_view pattern, std::string_view text,
                     std::vector<std::string>& names) {
  Segment parts;
  while (!text.empty()) {
    std::size_t open = text.find('<');
    std::size_t close = text.find('>');
    if (close < open) fail(pattern, "'>' without '<'");
    if (open > 0) {
      parts.push_back({Converter::Literal, std::string(text.substr(0, open))});
      if (open == std::string_view::npos) break;
    }
    if (close == std::string_view::npos) fail(pattern, "'<' without '>'");
    std::string_view spec = text.substr(open + 1, close - open - 1);
    std::size_t colon = spec.find(':');
    Converter kind = Converter::Str;
    std::string_view name = spec;
    if (colon != std::string_view::npos) {
      kind = converterNamed(pattern, spec.substr(0, colon));
      name = spec.substr(colon + 1);
    }
    if (!isIdentifier(name)) fail(pattern, "bad parameter name \"" + std::string(name) + "\"");
    for (const std::string& seen : names) {
      if (seen == name) fail(pattern, "parameter \"" + std::string(name) + "\" named twice");
    }
    names.emplace_back(name);
    parts.push_back({kind, std::string(name)});
    text.remove_prefix(close + 1);
  }
  for (const Part& part : parts) {
    if (part.kind == Converter::Path && parts.size() != 1) {
      fail(pattern, "<path:...> must fill its segment");
    }
  }
  return parts;
}

// Rewrites "(?P<name>" and "(?<name>" into "(" and records which group each names.
// Escapes and character classes are skipped so that "\(" and "[(]" open no group.
std::string stripGroupNames(std::string_view pattern,
                            std::vector<std::pair<std::size_t, std::string>>& groups) {
  std::string out;
  std::size_t groupCount = 0;
  bool inClass = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      out += c;
      if (i + 1 < pattern.size()) out += pattern[++i];
      continue;
    }
    if (inClass) {
      inClass = c != ']';
      out += c;
      continue;
    }
    if (c == '[') {
      inClass = true;
    } else if (c == '(') {
      std::string_view rest = pattern.substr(i + 1);
      std::size_t nameStart = 0;
      if (rest.starts_with("?P<")) {
        nameStart = 3;
      } else if (rest.starts_with("?<") && !rest.starts_with("?<=") && !rest.starts_with("?<!")) {
        nameStart = 2;
      }
      if (nameStart > 0) {
        std::size_t end = rest.find('>', nameStart);
        if (end == std::string_view::npos) fail(pattern, "unterminated group name");
        std::string name(rest.substr(nameStart, end - nameStart));
        if (!isIdentifier(name)) fail(pattern, "bad group name \"" + name + "\"");
        for (const auto& group : groups) {
          if (group.second == name) fail(pattern, "group \"" + name + "\" named twice");
        }
        groups.emplace_back(++groupCount, std::move(name));
        out += '(';
        i += end + 1;
        continue;
      }
      if (!rest.starts_with("?")) ++groupCount;
    }
    out += c;
  }
  return out;
}

}  // namespace

struct UrlPattern::Compiled {
  std::string source;
  // Path syntax.
  std::vector<Segment> segments;
  bool hasPathConverter = false;
  // Regular-expression syntax.
  std::optional<std::regex> regex;
  std::vector<std::pair<std::size_t, std::string>> groups;  // group number, name

  bool matchPath(const std::vector<std::string>& path, std::vector<RouteParams::Param>& out) const {
    if (!hasPathConverter && path.size() != segments.size()) return false;
    return matchSegments(path, 0, 0, out);
  }

  bool matchSegments(const std::vector<std::string>& path, std::size_t patternIndex,
                     std::size_t pathIndex, std::vector<RouteParams::Param>& out) const {
    if (patternIndex == segments.size()) return pathIndex == path.size();
    const Segment& segment = segments[patternIndex];
    std::size_t mark = out.size();
    if (segment.size() == 1 && segment[0].kind == Converter::Path) {
      // Longest first, as a regex ".+" would; later segments get what is left. The
      // rest of the path is joined once and each try takes a prefix of it, so a
      // hostile URL with many segments costs linear, not quadratic, work per try.
      std::string joined;
      std::vector<std::size_t> ends;  // ends[k]: length of the first k+1 segments joined
      for (std::size_t k = pathIndex; k < path.size(); ++k) {
        if (k > pathIndex) joined += '/';
        joined += path[k];
        ends.push_back(joined.size());
      }
      for (std::size_t take = path.size() - pathIndex; take >= 1; --take) {
        if (ends[take - 1] == 0) continue;
        out.push_back({segment[0].text, joined.substr(0, ends[take - 1]), std::nullopt});
        if (matchSegments(path, patternIndex + 1, pathIndex + take, out)) return true;
        out.resize(mark);
      }
      return false;
    }
    if (pathIndex == path.size()) return false;
    // How one segment splits among its parts cannot change whether the rest matches.
    if (!matchParts(segment, 0, path[pathIndex], out)) return false;
    if (matchSegments(path, patternIndex + 1, pathIndex + 1, out)) return true;
    out.resize(mark);
    return false;
  }

  static bool matchParts(const Segment& parts, std::size_t index, std::string_view text,
                         std::vector<RouteParams::Param>& out) {
    if (index == parts.size()) return text.empty();
    const Part& part = parts[index];
    if (part.kind == Converter::Literal) {
      if (!text.starts_with(part.text)) return false;
      return matchParts(parts, index + 1, text.substr(part.text.size()), out);
    }
    std::size_t longest = longestCandidate(part.kind, text);
    // A converter that ends its segment must take all of what is left.
    std::size_t shortest = index + 1 == parts.size() ? text.size() : 1;
    if (part.kind == Converter::Uuid) shortest = 36;
    for (std::size_t length = longest; length >= shortest && length > 0; --length) {
      std::string_view value = text.substr(0, length);
      std::optional<std::int64_t> integer;
      if (part.kind == Converter::Int) {
        integer = parseInt64(value);
        if (!integer) continue;
      }
      out.push_back({part.text, std::string(value), integer});
      if (matchParts(parts, index + 1, text.substr(length), out)) return true;
      out.pop_back();
    }
    return false;
  }

  bool matchRegex(const RequestPath& path, std::vector<RouteParams::Param>& out) const {
    const std::string& subject = path.regexSubject();
    std::smatch found;
    if (!std::regex_search(subject, found, *regex)) return false;
    for (const auto& [number, name] : groups) {
      if (!found[number].matched) continue;
      std::string_view captured =
          std::string_view(subject).substr(static_cast<std::size_t>(found.position(number)),
                                           static_cast<std::size_t>(found.length(number)));
      out.push_back({name, RequestPath::unescapeRegexCapture(captured), std::nullopt});
    }
    return true;
  }
};

UrlPattern::UrlPattern(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}

UrlPattern UrlPattern::path(std::string_view pattern) {
  if (!pattern.starts_with('/')) fail(pattern, "must start with '/'");
  auto compiled = std::make_shared<Compiled>();
  compiled->source = pattern;
  std::vector<std::string> names;
  std::string_view rest = pattern.substr(1);
  while (true) {
    std::size_t slash = rest.find('/');
    compiled->segments.push_back(parseSegment(pattern, rest.substr(0, slash), names));
    const Segment& added = compiled->segments.back();
    if (added.size() == 1 && added[0].kind == Converter::Path) compiled->hasPathConverter = true;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return UrlPattern(std::move(compiled));
}

UrlPattern UrlPattern::regex(std::string_view pattern) {
  auto compiled = std::make_shared<Compiled>();
  compiled->source = pattern;
  std::string plain = stripGroupNames(pattern, compiled->groups);
  try {
    compiled->regex.emplace(plain, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    fail(pattern, e.what());
  }
  if (!compiled->groups.empty() && compiled->groups.back().first > compiled->regex->mark_count()) {
    fail(pattern, "named groups do not match the expression's groups");
  }
  return UrlPattern(std::move(compiled));
}

std::optional<RouteParams> UrlPattern::match(const RequestPath& requestPath) const {
  std::vector<RouteParams::Param> params;
  bool matched = compiled_->regex ? compiled_->matchRegex(requestPath, params)
                                  : compiled_->matchPath(requestPath.segments(), params);
  if (!matched) return std::nullopt;
  return RouteParams(std::move(params));
}

const std::string& UrlPattern::source() const {
  return compiled_->source;
}

}  // namespace mt::views
