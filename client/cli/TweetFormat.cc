#include "TweetFormat.h"

#include <cstdio>
#include <ctime>

namespace mt::client::cli {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::tm utc(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm fields{};
  ::gmtime_r(&seconds, &fields);
  return fields;
}

}  // namespace

std::string counted(int count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string indent(const std::string& text) {
  std::string out = "  ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

std::optional<std::chrono::system_clock::time_point> parseTimestamp(const std::string& text) {
  std::tm fields{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &fields.tm_year, &fields.tm_mon,
                  &fields.tm_mday, &fields.tm_hour, &fields.tm_min, &fields.tm_sec,
                  &consumed) != 6 ||
      consumed != 19) {
    return std::nullopt;
  }
  fields.tm_year -= 1900;
  fields.tm_mon -= 1;
  const std::time_t seconds = ::timegm(&fields);
  if (seconds == static_cast<std::time_t>(-1)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(seconds);
}

std::string relativeTime(const std::string& timestamp, std::chrono::system_clock::time_point now) {
  const auto then = parseTimestamp(timestamp);
  if (!then) return timestamp;
  const auto age = std::chrono::duration_cast<std::chrono::seconds>(now - *then).count();
  // A server clock a little ahead of ours reads as "now", not a negative age.
  if (age < 5) return "now";
  if (age < 60) return std::to_string(age) + "s";
  if (age < 3600) return std::to_string(age / 60) + "m";
  if (age < 86400) return std::to_string(age / 3600) + "h";
  const std::tm when = utc(*then);
  std::string text = std::string(kMonths[when.tm_mon]) + " " + std::to_string(when.tm_mday);
  if (when.tm_year != utc(now).tm_year) text += ", " + std::to_string(when.tm_year + 1900);
  return text;
}

std::string calendarDate(const std::string& timestamp) {
  const auto then = parseTimestamp(timestamp);
  if (!then) return timestamp;
  const std::tm when = utc(*then);
  return std::string(kMonths[when.tm_mon]) + " " + std::to_string(when.tm_mday) + ", " +
         std::to_string(when.tm_year + 1900);
}

std::string formatTweet(const Tweet& tweet, std::chrono::system_clock::time_point now) {
  std::string out;
  const Tweet* shown = &tweet;
  if (tweet.retweetOf) {
    out += "↻ " + tweet.author.displayName + " retweeted · " + relativeTime(tweet.createdAt, now) +
           "\n";
    shown = tweet.retweetOf.get();
  }
  out += shown->author.displayName + " @" + shown->author.username + " · " +
         relativeTime(shown->createdAt, now) + (shown->isReply ? " · reply" : "") + "\n";
  out += indent(shown->text) + "\n";
  out += "  " + counted(shown->replyCount, "reply", "replies") + " · " +
         counted(shown->retweetCount, "retweet", "retweets") + " · " +
         counted(shown->likeCount, "like", "likes") + " · id " + shown->id + "\n";
  return out;
}

std::string formatTweets(const std::vector<Tweet>& tweets,
                         std::chrono::system_clock::time_point now) {
  std::string out;
  for (const auto& tweet : tweets)
    out += (out.empty() ? "" : "\n") + formatTweet(tweet, now);
  return out;
}

}  // namespace mt::client::cli
