#include "TweetTexts.h"

namespace mt::load {

std::string tweetText(std::string_view author, std::uint64_t serial, std::string_view tag,
                      std::string_view mention) {
  std::string text = "Tweet ";
  text += std::to_string(serial);
  text += " from ";
  text += author;
  text += ", load testing #";
  text += tag;
  if (!mention.empty()) {
    text += " with @";
    text += mention;
  }
  return text;
}

}  // namespace mt::load
