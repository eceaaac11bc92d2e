#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "Model.h"
#include "SqlResult.h"

namespace mt::db {

// Rows to model values: the one reading of kUserColumns and kTweetColumns
// (ViewFragments.h), column for column.

// The user whose kUserColumns start at column `first`.
User userFromRow(const SqlResult& result, std::size_t row, std::size_t first = 0);
Tweet tweetFromRow(const SqlResult& result, std::size_t row);
// Every row, in the statement's order.
std::vector<Tweet> tweetsFromRows(const SqlResult& result);
// Rows keyed by their first column (the id) put in the order of `ids`; nullopt where
// no row has that id.
std::vector<std::optional<Tweet>> tweetsInOrder(const SqlResult& result, std::span<const Id> ids);
std::vector<std::optional<User>> usersInOrder(const SqlResult& result, std::span<const Id> ids);

// A newest-first page as bound parameters: the exclusive id bound ($2 of the page
// statements; the largest id when reading from the newest) and how many rows to ask
// for (one more than the page holds, to learn whether there is more).
struct PageBounds {
  std::int64_t before;
  std::int64_t fetch;
  std::size_t limit;
};
PageBounds pageBounds(const PageRequest& page);

// The page from rows fetched with bounds.fetch: at most bounds.limit items, hasMore when
// the extra row came back.
Page<Tweet> tweetPage(const SqlResult& result, const PageBounds& bounds);
// For followers/following: rows of kUserColumns followed by the relationship's id.
Page<UserEdge> userEdgePage(const SqlResult& result, const PageBounds& bounds);

}  // namespace mt::db
