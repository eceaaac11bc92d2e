// Writing tweets and acting on them: post, reply, retweet, unretweet, like, unlike,
// delete.
#include <memory>
#include <optional>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalInput.h"
#include "TweetFormat.h"
#include "TweetOperations.h"

namespace mt::client::cli {

namespace {

struct PostOptions {
  std::string replyTo;  // empty: not a reply
  std::vector<std::string> words;
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

void addTextArgument(CLI::App& command, PostOptions& options) {
  command.add_option("TEXT", options.words,
                     "The text; without it, or with '-', read from standard input");
}

// Posts the tweet (a reply when options.replyTo is set) and says so.
void post(const CommandContext& context, const PostOptions& options) {
  context.requireSession();  // before waiting for standard input
  const std::string text = tweetText(options);
  std::optional<std::string> replyTo;
  if (!options.replyTo.empty()) replyTo = options.replyTo;
  Rewording rewording = tweetRefusals(options.replyTo);
  rewording["FORBIDDEN"] =
      "you cannot reply to tweet " + options.replyTo + ": one of you has blocked the other";
  changeAndReport(
      context, rewording,
      [&](const std::string& token, nlohmann::json* raw) {
        return postTweet(context.api, token, text, replyTo, raw);
      },
      [&](const Tweet& tweet) {
        return replyTo ? "replied to tweet " + *replyTo + " with tweet " + tweet.id
                       : "posted tweet " + tweet.id;
      });
}

void addPostCommands(CLI::App& app, Action& chosen) {
  auto postOptions = std::make_shared<PostOptions>();
  auto* postCommand = app.add_subcommand("post", "Post a tweet (1 to 280 characters)");
  addTextArgument(*postCommand, *postOptions);
  postCommand->add_option("--reply-to", postOptions->replyTo, "Reply to the tweet with this id");
  postCommand->callback([&chosen, postOptions] {
    chosen = [postOptions](const CommandContext& context) { post(context, *postOptions); };
  });

  auto replyOptions = std::make_shared<PostOptions>();
  auto* replyCommand = app.add_subcommand("reply", "Reply to a tweet (1 to 280 characters)");
  replyCommand->add_option("TWEET_ID", replyOptions->replyTo, "The tweet to reply to")->required();
  addTextArgument(*replyCommand, *replyOptions);
  replyCommand->callback([&chosen, replyOptions] {
    chosen = [replyOptions](const CommandContext& context) { post(context, *replyOptions); };
  });
}

struct TweetActionCommand {
  TweetAction action;
  const char* help;
  const char* done;  // what people read: "<done> tweet 12 by @ada · 3 likes"
};

constexpr TweetActionCommand kTweetActionCommands[] = {
    {TweetAction::Retweet, "Retweet a tweet (its original, when given a retweet)", "retweeted"},
    {TweetAction::Unretweet, "Undo your retweet of a tweet", "took back your retweet of"},
    {TweetAction::Like, "Like a tweet", "liked"},
    {TweetAction::Unlike, "Undo your like of a tweet", "unliked"},
};

std::string countAfter(const Tweet& tweet, TweetAction action) {
  const bool aboutRetweets = action == TweetAction::Retweet || action == TweetAction::Unretweet;
  const int count = aboutRetweets ? tweet.retweetCount : tweet.likeCount;
  return aboutRetweets ? counted(count, "retweet", "retweets") : counted(count, "like", "likes");
}

void addTweetActionCommand(CLI::App& app, Action& chosen, const TweetActionCommand& command) {
  addArgumentCommand(app, chosen, fieldName(command.action), command.help, "ID", "The tweet's id",
                     [command](const CommandContext& context, const std::string& id) {
                       changeAndReport(
                           context, tweetRefusals(id),
                           [&](const std::string& token, nlohmann::json* raw) {
                             return actOnTweet(context.api, token, command.action, id, raw);
                           },
                           [&](const Tweet& tweet) {
                             return std::string(command.done) + " tweet " + tweet.id + " by @" +
                                    tweet.author.username + " · " +
                                    countAfter(tweet, command.action);
                           });
                     });
}

void addDeleteCommand(CLI::App& app, Action& chosen) {
  addArgumentCommand(app, chosen, "delete", "Delete one of your tweets or retweets", "ID",
                     "The tweet's id", [](const CommandContext& context, const std::string& id) {
                       Rewording rewording = tweetRefusals(id);
                       rewording["FORBIDDEN"] =
                           "tweet " + id + " is not yours: you can delete only your own tweets";
                       changeAndReport(
                           context, rewording,
                           [&](const std::string& token, nlohmann::json* raw) {
                             return deleteTweet(context.api, token, id, raw);
                           },
                           [](const std::string& deleted) { return "deleted tweet " + deleted; });
                     });
}

}  // namespace

void addTweetCommands(CLI::App& app, Action& chosen) {
  addPostCommands(app, chosen);
  for (const auto& command : kTweetActionCommands)
    addTweetActionCommand(app, chosen, command);
  addDeleteCommand(app, chosen);
}

}  // namespace mt::client::cli
