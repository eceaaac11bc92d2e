#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

#include "Commands.h"
#include "TerminalInput.h"
#include "TweetFormat.h"
#include "TweetOperations.h"

namespace mt::client::cli {

namespace {

struct PostOptions {
  std::vector<std::string> words;
  std::optional<std::string> replyTo;
};

struct TimelineOptions {
  int limit = 20;
  std::optional<std::string> before;
};

// The words of the argument joined by spaces, so quoting is optional; standard input
// when there are none or the only one is "-".
std::string tweetText(const PostOptions& options) {
  if (options.words.empty() || (options.words.size() == 1 && options.words[0] == "-")) {
    return readAllOfStandardInput();
  }
  std::string text;
  for (const auto& word : options.words)
    text += (text.empty() ? "" : " ") + word;
  return text;
}

void printTimeline(const TweetPage& page, const TimelineOptions& options) {
  if (page.tweets.empty()) {
    std::cout << (options.before ? "no older tweets\n"
                                 : "your timeline is empty: post something, or follow someone\n");
    return;
  }
  const auto now = std::chrono::system_clock::now();
  bool first = true;
  for (const auto& tweet : page.tweets) {
    if (!first) std::cout << "\n";
    first = false;
    std::cout << formatTweet(tweet, now);
  }
  if (page.hasNextPage && page.endCursor) {
    std::cout << "\nolder: minitwitter-client timeline --limit " << options.limit << " --before "
              << *page.endCursor << "\n";
  }
}

}  // namespace

void addTweetCommands(CLI::App& app, Action& chosen) {
  auto postOptions = std::make_shared<PostOptions>();
  auto* postCommand = app.add_subcommand("post", "Post a tweet (1 to 280 characters)");
  postCommand->add_option("TEXT", postOptions->words,
                          "The text; without it, or with '-', read from standard input");
  postCommand->add_option("--reply-to", postOptions->replyTo, "Reply to the tweet with this id");
  postCommand->callback([&chosen, postOptions] {
    chosen = [postOptions](const CommandContext& context) {
      context.requireSession();  // before waiting for standard input
      const std::string text = tweetText(*postOptions);
      nlohmann::json raw;
      const Tweet tweet = context.withSession([&](const std::string& token) {
        return postTweet(context.api, token, text, postOptions->replyTo, &raw);
      });
      if (context.json) {
        printJson(raw);
      } else {
        std::cout << (tweet.isReply ? "replied: tweet " : "posted tweet ") << tweet.id << "\n";
      }
    };
  });

  auto timelineOptions = std::make_shared<TimelineOptions>();
  auto* timelineCommand = app.add_subcommand(
      "timeline", "Show your tweets and those of the people you follow, newest first");
  timelineCommand->add_option("--limit,-n", timelineOptions->limit, "How many tweets (1 to 100)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  timelineCommand->add_option("--before", timelineOptions->before,
                              "Start after this cursor (printed under the previous page)");
  timelineCommand->callback([&chosen, timelineOptions] {
    chosen = [timelineOptions](const CommandContext& context) {
      const TweetPage page = context.withSession([&](const std::string& token) {
        return timeline(context.api, token, timelineOptions->limit, timelineOptions->before);
      });
      if (context.json) {
        printJson(page.raw);
      } else {
        printTimeline(page, *timelineOptions);
      }
    };
  });
}

}  // namespace mt::client::cli
