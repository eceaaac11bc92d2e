#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "Model.h"
#include "Selections.h"

namespace mt::client::cli {

// --limit and --before, as every list command takes them.
struct PageOptions {
  int limit = 20;
  std::optional<std::string> before;

  PageRequest request() const { return {limit, before}; }
};

// Adds --limit/-n (1 to 100) and --before to `command`; `items` names what is listed.
void addPageOptions(CLI::App& command, PageOptions& options, const std::string& items);

// The line that gives the command for the next page ("\nolder: <command> --limit N
// --before CURSOR\n"), or "" when this page is the last.
template <typename Item>
std::string olderHint(const Page<Item>& page, const PageOptions& options,
                      const std::string& command) {
  if (!page.hasNextPage || !page.endCursor) return "";
  return "\nolder: minitwitter-client " + command + " --limit " + std::to_string(options.limit) +
         " --before " + *page.endCursor + "\n";
}

// Prints a page of tweets for people and the hint for the next page; when the page is
// empty, `emptyMessage` (or "no older tweets" past the first page).
void printTweetPage(const TweetPage& page, const PageOptions& options, const std::string& command,
                    const std::string& emptyMessage);

}  // namespace mt::client::cli
