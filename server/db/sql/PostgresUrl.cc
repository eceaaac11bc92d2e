#include "PostgresUrl.h"

#include <cctype>

namespace mt::db {
namespace {

bool isUnreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

// The query part of a URI (after `?`, before `#`), or empty.
std::string_view uriQuery(std::string_view url) {
  const std::size_t question = url.find('?');
  if (question == std::string_view::npos) return {};
  std::string_view query = url.substr(question + 1);
  return query.substr(0, query.find('#'));
}

}  // namespace

bool isPostgresUri(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    if (isUnreserved(c)) {
      encoded += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0f];
    }
  }
  return encoded;
}

std::string addConnectionParameter(std::string_view url, std::string_view key,
                                   std::string_view value) {
  std::string result(url);
  if (isPostgresUri(url)) {
    const std::size_t fragment = result.find('#');
    if (fragment != std::string::npos) result.erase(fragment);
    const std::size_t question = result.find('?');
    if (question == std::string::npos) {
      result += '?';
    } else if (question + 1 < result.size() && result.back() != '&') {
      result += '&';
    }
    result += std::string(key) + "=" + percentEncode(value);
    return result;
  }
  std::string quoted = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  quoted += '\'';
  if (!result.empty()) result += ' ';
  result += std::string(key) + "=" + quoted;
  return result;
}

bool hasConnectionParameter(std::string_view url, std::string_view key) {
  const std::string assignment = std::string(key) + "=";
  if (isPostgresUri(url)) {
    std::string_view query = uriQuery(url);
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      if (query.substr(0, amp).starts_with(assignment)) return true;
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
    return false;
  }
  // key=value lists: a key starts the string or follows whitespace.
  for (std::size_t at = url.find(assignment); at != std::string_view::npos;
       at = url.find(assignment, at + 1)) {
    if (at == 0 || std::isspace(static_cast<unsigned char>(url[at - 1])) != 0) return true;
  }
  return false;
}

std::string withConnectTimeout(std::string_view url, std::chrono::milliseconds timeout) {
  if (hasConnectionParameter(url, "connect_timeout")) return std::string(url);
  const long long seconds = timeout.count() <= 0 ? 0 : (timeout.count() + 999) / 1000;
  return addConnectionParameter(url, "connect_timeout", std::to_string(seconds));
}

std::string redactPassword(std::string_view url) {
  std::string result(url);
  if (isPostgresUri(url)) {
    const std::size_t authority = result.find("://") + 3;
    const std::size_t authorityEnd = result.find_first_of("/?#", authority);
    const std::size_t at = result.rfind('@', authorityEnd);
    if (at != std::string::npos && at >= authority) {
      const std::size_t colon = result.find(':', authority);
      if (colon != std::string::npos && colon < at)
        result.replace(colon + 1, at - colon - 1, "***");
    }
    const std::size_t question = result.find('?');
    if (question == std::string::npos) return result;
    // password=… in the query.
    for (std::size_t at2 = result.find("password=", question); at2 != std::string::npos;
         at2 = result.find("password=", at2 + 1)) {
      const char before = result[at2 - 1];
      if (before != '?' && before != '&') continue;
      const std::size_t start = at2 + 9;
      const std::size_t end = result.find_first_of("&#", start);
      result.replace(start, (end == std::string::npos ? result.size() : end) - start, "***");
    }
    return result;
  }
  for (std::size_t at = result.find("password="); at != std::string::npos;
       at = result.find("password=", at + 1)) {
    if (at != 0 && std::isspace(static_cast<unsigned char>(result[at - 1])) == 0) continue;
    const std::size_t start = at + 9;
    std::size_t end = start;
    if (end < result.size() && result[end] == '\'') {
      ++end;
      while (end < result.size() && result[end] != '\'')
        end += result[end] == '\\' ? 2 : 1;
      end = end < result.size() ? end + 1 : result.size();
    } else {
      while (end < result.size() && std::isspace(static_cast<unsigned char>(result[end])) == 0) {
        ++end;
      }
    }
    result.replace(start, end - start, "***");
  }
  return result;
}

}  // namespace mt::db
