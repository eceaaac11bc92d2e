#pragma once

#include <string>
#include <vector>

#include "Model.h"

namespace mt::client::cli {

// How the logged-in user and `user` relate, for people: "this is you", or some of
// "you follow them", "follows you", "you blocked them", "has blocked you", joined by
// " · "; empty when none holds.
std::string relationship(const User& user);

// The head of a profile: name and @username, the bio (indented), "joined …" with the
// counts, and the relationship when there is one. Ends with a newline.
std::string formatProfile(const User& user);

// One row per user: @username and display name in aligned columns, then the
// relationship. Ends with a newline (empty for no users).
std::string formatUserTable(const std::vector<User>& users);

}  // namespace mt::client::cli
