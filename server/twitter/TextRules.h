#pragma once

#include <optional>
#include <string>
#include <string_view>

// The rules for what users write: usernames, passwords, display names, bios and
// tweets (docs/twitter.md lists them). Pure functions: no database, no GraphQL.
namespace mt::twitter {

inline constexpr std::size_t kUsernameMinLength = 3;
inline constexpr std::size_t kUsernameMaxLength = 20;
inline constexpr std::size_t kPasswordMinLength = 8;
inline constexpr std::size_t kPasswordMaxLength = 128;
inline constexpr std::size_t kDisplayNameMaxLength = 50;
inline constexpr std::size_t kBioMaxLength = 160;
inline constexpr std::size_t kTweetMaxLength = 280;

// A rule's verdict: the value to store (normalised) or why it was refused, a
// one-line message that says what to do.
struct TextCheck {
  std::string value;
  std::string problem;  // empty when accepted
  bool ok() const noexcept { return problem.empty(); }
};

// True for 3..20 of [A-Za-z0-9_]: the shape of a username, reserved or not (what
// @mentions and lookups accept).
bool hasUsernameShape(std::string_view username) noexcept;
// Names that would be confused with the site's own pages or staff ("admin", "api",
// "me", …), whatever the case.
bool isReservedUsername(std::string_view username);
// For signup: the shape, and not reserved. The value is the username as written.
TextCheck checkUsername(std::string_view username);
// 8..128 code points, valid UTF-8, not only white space, not the username (any case).
// The value is the password unchanged.
TextCheck checkPassword(std::string_view password, std::string_view username);
// Surrounding white space removed; then 1..50 code points, no control characters.
TextCheck checkDisplayName(std::string_view displayName);
// Surrounding white space removed; then at most 160 code points, no control
// characters except line breaks. May be empty.
TextCheck checkBio(std::string_view bio);
// Line breaks normalised to "\n" and surrounding white space removed; then 1..280
// code points, no control characters except "\n".
TextCheck checkTweetText(std::string_view text);

// `text` for a message: at most 30 code points (then "…"), control characters and
// invalid bytes shown as '?', so quoting user input keeps a message on one line.
std::string quoteForMessage(std::string_view text);

}  // namespace mt::twitter
