// Reading lists of tweets: timeline, mentions, hashtag; --follow for new ones.
#include <chrono>
#include <iostream>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "Paging.h"
#include "StopSignals.h"
#include "Subscription.h"
#include "TweetFormat.h"
#include "TweetOperations.h"

namespace mt::client::cli {

namespace {

// Prints `page` with --json as the server's data, else for people.
void show(const CommandContext& context, const TweetPage& page, const PageOptions& options,
          const std::string& command, const std::string& emptyMessage) {
  if (context.json) {
    printJson(page.raw);
  } else {
    printTweetPage(page, options, command, emptyMessage);
  }
}

// Prints each tweet the subscription to `field` pushes, as the list shows tweets (or
// its data with --json), until the server completes the stream or Ctrl-C.
void follow(const CommandContext& context, const char* field, bool printedSome) {
  Subscription subscription(context.api);
  const StopSignals signals([&subscription] { subscription.stop(); });
  context.withSession([&](const std::string& token) {
    return subscription.run(
        tweetSubscription(field), nullptr, token, [&](const nlohmann::json& data) {
          if (context.json) {
            printJson(data);
            return;
          }
          const Tweet tweet = Tweet::fromJson(data.at(field));
          std::cout << (printedSome ? "\n" : "")
                    << formatTweet(tweet, std::chrono::system_clock::now()) << std::flush;
          printedSome = true;
        });
  });
}

struct OwnListOptions {
  PageOptions page;
  bool follow = false;
};

// A list command of the logged-in user's: timeline, mentions; `field` is the
// subscription to its new tweets for --follow.
template <typename Read>
void addOwnListCommand(CLI::App& app, Action& chosen, const std::string& name,
                       const std::string& help, const std::string& emptyMessage, Read read,
                       const char* field) {
  auto options = std::make_shared<OwnListOptions>();
  auto* command = app.add_subcommand(name, help);
  addPageOptions(*command, options->page, "tweets");
  command->add_flag("--follow,-f", options->follow,
                    "Then print new tweets as they arrive, until the server ends the stream "
                    "or Ctrl-C");
  command->callback([&chosen, options, name, emptyMessage, read, field] {
    chosen = [options, name, emptyMessage, read, field](const CommandContext& context) {
      const TweetPage page = context.withSession([&](const std::string& token) {
        return read(context.api, token, options->page.request());
      });
      show(context, page, options->page, name, emptyMessage);
      std::cout << std::flush;
      if (options->follow) follow(context, field, !page.items.empty());
    };
  });
}

struct HashtagOptions {
  std::string tag;
  PageOptions page;
};

void addHashtagCommand(CLI::App& app, Action& chosen) {
  auto options = std::make_shared<HashtagOptions>();
  auto* command = app.add_subcommand("hashtag", "Show the tweets tagged with a hashtag");
  command->add_option("TAG", options->tag, "The hashtag, with or without '#'")->required();
  addPageOptions(*command, options->page, "tweets");
  command->callback([&chosen, options] {
    chosen = [options](const CommandContext& context) {
      const std::string tag =
          options->tag.rfind('#', 0) == 0 ? options->tag.substr(1) : options->tag;
      const TweetPage page = withSessionIfAny(context, [&](const std::string& token) {
        return hashtag(context.api, token, tag, options->page.request());
      });
      show(context, page, options->page, "hashtag " + tag, "no tweets tagged #" + tag);
    };
  });
}

}  // namespace

void addTweetListCommands(CLI::App& app, Action& chosen) {
  addOwnListCommand(
      app, chosen, "timeline", "Show your tweets and those of the people you follow, newest first",
      "your timeline is empty: post something, or follow someone", timeline, "timelineTweet");
  addOwnListCommand(app, chosen, "mentions", "Show the tweets that mention you, newest first",
                    "no one has mentioned you yet", mentions, "mentioned");
  addHashtagCommand(app, chosen);
}

}  // namespace mt::client::cli
