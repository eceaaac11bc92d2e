#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "Model.h"

namespace mt::client::cli {

// Seconds since the epoch of an RFC 3339 UTC time ("2026-11-28T12:00:00.000Z");
// nullopt when it is not one.
std::optional<std::chrono::system_clock::time_point> parseTimestamp(const std::string& text);

// How long ago, as timelines show it: "now", "42s", "3m", "2h", then "Nov 28" within
// the same year and "Nov 28, 2025" before. Unparseable input comes back unchanged.
std::string relativeTime(const std::string& timestamp, std::chrono::system_clock::time_point now);

// The day of an RFC 3339 UTC time: "Nov 28, 2026". Unparseable input comes back unchanged.
std::string calendarDate(const std::string& timestamp);

// A tweet for people: a header line (name, @username, time), the text, and a line of
// counts with the id to act on it. Ends with a newline.
std::string formatTweet(const Tweet& tweet, std::chrono::system_clock::time_point now);

// Tweets one after the other, a blank line between two.
std::string formatTweets(const std::vector<Tweet>& tweets,
                         std::chrono::system_clock::time_point now);

// "1 like", "2 likes".
std::string counted(int count, const char* one, const char* many);

// `text` with two spaces before each of its lines, as tweet texts and bios are shown.
std::string indent(const std::string& text);

}  // namespace mt::client::cli
