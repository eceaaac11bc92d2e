#include "TextRules.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "Utf8Text.h"

namespace mt::twitter {

namespace {

bool isUsernameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string lengthProblem(std::string_view what, std::size_t length, std::size_t limit) {
  return std::string(what) + " is " + std::to_string(length) + " characters long; the limit is " +
         std::to_string(limit);
}

// "\r\n" and a lone "\r" become "\n": text from forms and terminals arrives with either.
std::u32string normaliseLineBreaks(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'\r') {
      out.push_back(U'\n');
      if (i + 1 < text.size() && text[i + 1] == U'\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// The first control character of `text` other than those `allowNewline` admits.
std::optional<char32_t> firstControl(std::u32string_view text, bool allowNewline) {
  for (char32_t c : text) {
    if (utf8::isControl(c) && !(allowNewline && c == U'\n')) return c;
  }
  return std::nullopt;
}

std::string controlProblem(std::string_view what, char32_t c) {
  return std::string(what) + " contains a control character (" + utf8::codePointName(c) +
         "): remove it";
}

std::string invalidUtf8Problem(std::string_view what) {
  return std::string(what) + " is not valid UTF-8: send it as UTF-8 text";
}

// Display name, bio and tweet share one shape: normalise, trim, refuse control
// characters, bound the length.
TextCheck checkProse(std::string_view what, std::string_view input, bool multiLine,
                     std::size_t minLength, std::size_t maxLength, std::string_view emptyAdvice) {
  std::optional<std::u32string> decoded = utf8::decode(input);
  if (!decoded) return {{}, invalidUtf8Problem(what)};
  std::u32string text = multiLine ? normaliseLineBreaks(*decoded) : std::move(*decoded);
  std::u32string_view trimmed = utf8::trimWhiteSpace(text);
  if (std::optional<char32_t> control = firstControl(trimmed, multiLine)) {
    return {{}, controlProblem(what, *control)};
  }
  if (trimmed.size() < minLength)
    return {{}, std::string(what) + " is empty: " + std::string(emptyAdvice)};
  if (trimmed.size() > maxLength) return {{}, lengthProblem(what, trimmed.size(), maxLength)};
  return {utf8::encode(trimmed), {}};
}

}  // namespace

bool hasUsernameShape(std::string_view username) noexcept {
  return username.size() >= kUsernameMinLength && username.size() <= kUsernameMaxLength &&
         std::all_of(username.begin(), username.end(), isUsernameCharacter);
}

bool isReservedUsername(std::string_view username) {
  // The site's own paths and words that would let someone pass for the site or its staff.
  static constexpr std::array<std::string_view, 34> kReserved = {
      "about",    "admin",    "administrator", "anonymous", "api",    "explore", "graphiql",
      "graphql",  "hashtag",  "healthz",       "help",      "home",   "login",   "logout",
      "me",       "metrics",  "minitwitter",   "moderator", "null",   "root",    "search",
      "security", "settings", "signup",        "staff",     "static", "support", "system",
      "tweet",    "tweets",   "undefined",     "user",      "users",  "www"};
  return std::any_of(kReserved.begin(), kReserved.end(), [&](std::string_view reserved) {
    return equalsIgnoringAsciiCase(reserved, username);
  });
}

TextCheck checkUsername(std::string_view username) {
  if (username.empty()) {
    return {{}, "username is empty: choose 3 to 20 letters, digits or '_'"};
  }
  if (!std::all_of(username.begin(), username.end(), isUsernameCharacter)) {
    return {{},
            "username '" + quoteForMessage(username) +
                "' may contain only ASCII letters, digits and '_': choose another"};
  }
  if (username.size() < kUsernameMinLength || username.size() > kUsernameMaxLength) {
    return {{},
            "username '" + quoteForMessage(username) + "' is " + std::to_string(username.size()) +
                " characters long; use 3 to 20"};
  }
  if (isReservedUsername(username)) {
    return {{}, "username '" + std::string(username) + "' is reserved: choose another"};
  }
  return {std::string(username), {}};
}

TextCheck checkPassword(std::string_view password, std::string_view username) {
  std::optional<std::u32string> decoded = utf8::decode(password);
  if (!decoded) return {{}, invalidUtf8Problem("password")};
  if (decoded->size() < kPasswordMinLength) {
    return {{},
            "password is " + std::to_string(decoded->size()) + " characters long; use at least 8"};
  }
  if (decoded->size() > kPasswordMaxLength) {
    return {{}, lengthProblem("password", decoded->size(), kPasswordMaxLength)};
  }
  if (std::all_of(decoded->begin(), decoded->end(), utf8::isWhiteSpace)) {
    return {{}, "password is only white space: choose another"};
  }
  if (equalsIgnoringAsciiCase(password, username)) {
    return {{}, "password is your username: choose another"};
  }
  return {std::string(password), {}};
}

TextCheck checkDisplayName(std::string_view displayName) {
  return checkProse("display name", displayName, false, 1, kDisplayNameMaxLength,
                    "write 1 to 50 characters");
}

TextCheck checkBio(std::string_view bio) {
  return checkProse("bio", bio, true, 0, kBioMaxLength, "");
}

TextCheck checkTweetText(std::string_view text) {
  return checkProse("tweet", text, true, 1, kTweetMaxLength, "write something");
}

std::string quoteForMessage(std::string_view text) {
  constexpr std::size_t kMaxShown = 30;
  std::optional<std::u32string> decoded = utf8::decode(text);
  std::string out;
  if (!decoded) {
    // Show the ASCII and mark the rest; the message only has to be recognisable.
    for (std::size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
    }
    if (text.size() > kMaxShown) out += "\u2026";
    return out;
  }
  for (std::size_t i = 0; i < decoded->size() && i < kMaxShown; ++i) {
    char32_t c = (*decoded)[i];
    utf8::append(out, utf8::isControl(c) || c == 0x2028 || c == 0x2029 ? U'?' : c);
  }
  if (decoded->size() > kMaxShown) out += "\u2026";
  return out;
}

}  // namespace mt::twitter
