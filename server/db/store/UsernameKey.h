#pragma once

#include <string>
#include <string_view>

namespace mt::db {

// What makes two usernames the same: ASCII lower case (usernames are ASCII letters,
// digits and '_'). Computed here rather than with SQL lower(), whose treatment of
// other characters differs between the backends.
inline std::string usernameKey(std::string_view username) {
  std::string key(username);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

}  // namespace mt::db
