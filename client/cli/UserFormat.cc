#include "UserFormat.h"

#include <algorithm>

#include "TweetFormat.h"

namespace mt::client::cli {

namespace {

// Columns on a terminal, counted as code points: close enough for names, which are
// mostly one column per character.
std::size_t displayWidth(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t shown = displayWidth(text);
  return text + std::string(width > shown ? width - shown : 0, ' ');
}

}  // namespace

std::string relationship(const User& user) {
  if (user.isViewer) return "this is you";
  std::string out;
  const auto add = [&out](bool holds, const char* phrase) {
    if (holds) out += (out.empty() ? "" : " · ") + std::string(phrase);
  };
  add(user.viewerFollows, "you follow them");
  add(user.followsViewer, "follows you");
  add(user.viewerBlocks, "you blocked them");
  add(user.blocksViewer, "has blocked you");
  return out;
}

std::string formatProfile(const User& user) {
  std::string out = user.displayName + " @" + user.username + "\n";
  if (!user.bio.empty()) out += indent(user.bio) + "\n";
  if (!user.createdAt.empty()) out += "joined " + calendarDate(user.createdAt) + " · ";
  out += counted(user.tweetCount, "tweet", "tweets") + " · " +
         counted(user.followerCount, "follower", "followers") + " · " +
         std::to_string(user.followingCount) + " following\n";
  const std::string relation = relationship(user);
  if (!relation.empty()) out += relation + "\n";
  return out;
}

std::string formatUserTable(const std::vector<User>& users) {
  std::size_t nameWidth = 0;
  std::size_t displayNameWidth = 0;
  for (const auto& user : users) {
    nameWidth = std::max(nameWidth, displayWidth(user.username) + 1);
    displayNameWidth = std::max(displayNameWidth, displayWidth(user.displayName));
  }
  std::string out;
  for (const auto& user : users) {
    const std::string relation = relationship(user);
    std::string row =
        padded("@" + user.username, nameWidth) + "  " +
        (relation.empty() ? user.displayName
                          : padded(user.displayName, displayNameWidth) + "  " + relation);
    out += row + "\n";
  }
  return out;
}

}  // namespace mt::client::cli
