#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mt::load {

// The text of a virtual user's tweet number `serial`: a few words, `#<tag>` and, when
// `mention` is not empty, `@<mention>`. Always 1 to 280 characters for usernames of at
// most 20 and tags of at most 40.
std::string tweetText(std::string_view author, std::uint64_t serial, std::string_view tag,
                      std::string_view mention);

}  // namespace mt::load
