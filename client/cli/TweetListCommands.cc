// Reading lists of tweets: timeline, mentions, hashtag.
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "Paging.h"
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

// A list command of the logged-in user's: timeline, mentions.
template <typename Read>
void addOwnListCommand(CLI::App& app, Action& chosen, const std::string& name,
                       const std::string& help, const std::string& emptyMessage, Read read) {
  auto options = std::make_shared<PageOptions>();
  auto* command = app.add_subcommand(name, help);
  addPageOptions(*command, *options, "tweets");
  command->callback([&chosen, options, name, emptyMessage, read] {
    chosen = [options, name, emptyMessage, read](const CommandContext& context) {
      const TweetPage page = context.withSession(
          [&](const std::string& token) { return read(context.api, token, options->request()); });
      show(context, page, *options, name, emptyMessage);
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
  addOwnListCommand(app, chosen, "timeline",
                    "Show your tweets and those of the people you follow, newest first",
                    "your timeline is empty: post something, or follow someone", timeline);
  addOwnListCommand(app, chosen, "mentions", "Show the tweets that mention you, newest first",
                    "no one has mentioned you yet", mentions);
  addHashtagCommand(app, chosen);
}

}  // namespace mt::client::cli
