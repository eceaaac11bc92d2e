#include "Sessions.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "Sodium.h"
#include "TwitterService.h"

namespace mt::twitter {

namespace {

bool isBase64UrlCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool isOws(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trimOws(std::string_view text) noexcept {
  while (!text.empty() && isOws(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && isOws(text.back()))
    text.remove_suffix(1);
  return text;
}

std::string cookieAttributes(std::chrono::seconds maxAge, bool secure) {
  std::string attributes = "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                           std::to_string(std::max<std::int64_t>(0, maxAge.count()));
  if (secure) attributes += "; Secure";
  return attributes;
}

}  // namespace

std::string newSessionToken() {
  ensureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char encoded[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return encoded;
}

std::string sessionTokenHash(std::string_view token) {
  ensureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool looksLikeSessionToken(std::string_view token) noexcept {
  return token.size() == kSessionTokenLength &&
         std::all_of(token.begin(), token.end(), isBase64UrlCharacter);
}

std::string sessionCookie(std::string_view token, std::chrono::seconds maxAge, bool secure) {
  return std::string(kSessionCookieName) + "=" + std::string(token) +
         cookieAttributes(maxAge, secure);
}

std::string expiredSessionCookie(bool secure) {
  return std::string(kSessionCookieName) + "=" + cookieAttributes(std::chrono::seconds(0), secure);
}

std::string_view cookieValue(std::string_view cookieHeader, std::string_view name) noexcept {
  // RFC 6265 4.2.1: cookie-pair *( ";" SP cookie-pair ), read leniently as browsers
  // write it: spaces anywhere around the separators, a trailing ';'.
  while (!cookieHeader.empty()) {
    const std::size_t semicolon = cookieHeader.find(';');
    const std::string_view pair = trimOws(cookieHeader.substr(0, semicolon));
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && trimOws(pair.substr(0, equals)) == name) {
      std::string_view value = trimOws(pair.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return value;
    }
    if (semicolon == std::string_view::npos) break;
    cookieHeader.remove_prefix(semicolon + 1);
  }
  return {};
}

std::string_view bearerToken(std::string_view authorization) noexcept {
  authorization = trimOws(authorization);
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size() || !isOws(authorization[kScheme.size()])) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return {};
  }
  return trimOws(authorization.substr(kScheme.size()));
}

std::string sessionTokenFrom(std::string_view authorization, std::string_view cookieHeader) {
  std::string_view token = bearerToken(authorization);
  if (token.empty()) token = cookieValue(cookieHeader, kSessionCookieName);
  return std::string(token);
}

}  // namespace mt::twitter
