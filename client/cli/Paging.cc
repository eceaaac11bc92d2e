#include "Paging.h"

#include <chrono>
#include <iostream>

#include "TweetFormat.h"

namespace mt::client::cli {

void addPageOptions(CLI::App& command, PageOptions& options, const std::string& items) {
  command.add_option("--limit,-n", options.limit, "How many " + items + " (1 to 100)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  command.add_option("--before", options.before,
                     "Start after this cursor (printed under the previous page)");
}

void printTweetPage(const TweetPage& page, const PageOptions& options, const std::string& command,
                    const std::string& emptyMessage) {
  if (page.items.empty()) {
    std::cout << (options.before ? std::string("no older tweets") : emptyMessage) << "\n";
    return;
  }
  std::cout << formatTweets(page.items, std::chrono::system_clock::now())
            << olderHint(page, options, command);
}

}  // namespace mt::client::cli
