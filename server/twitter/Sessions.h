#pragma once

#include <chrono>
#include <string>
#include <string_view>

// Session tokens and the cookie that carries them. The token is 32 random bytes in
// base64url without padding (43 characters); the database keeps only the lower-case
// hex SHA-256 of the token string, so a leaked database cannot be replayed as
// sessions. (Load tools seed sessions directly with this same scheme.)
namespace mt::twitter {

inline constexpr std::size_t kSessionTokenLength = 43;

std::string newSessionToken();
// Lower-case hex SHA-256 of the token's characters: what Store's session calls take.
std::string sessionTokenHash(std::string_view token);
// True for something newSessionToken() could have made: 43 base64url characters.
// Anything else is refused without asking the database.
bool looksLikeSessionToken(std::string_view token) noexcept;

// "minitwitter_session=<token>; Path=/; HttpOnly; SameSite=Lax; Max-Age=<s>[; Secure]"
std::string sessionCookie(std::string_view token, std::chrono::seconds maxAge, bool secure);
// The same cookie with Max-Age=0 and no value: the browser forgets it.
std::string expiredSessionCookie(bool secure);

// The value of the first cookie called `name` in a Cookie header ("a=1; b=2"), without
// surrounding double quotes; empty if absent. Malformed pairs are skipped.
std::string_view cookieValue(std::string_view cookieHeader, std::string_view name) noexcept;
// The token of an "Authorization: Bearer <token>" header (scheme in any case); empty
// for another scheme or no token.
std::string_view bearerToken(std::string_view authorization) noexcept;

}  // namespace mt::twitter
