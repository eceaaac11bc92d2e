#include "TweetRows.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "ViewFragments.h"

namespace mt::db {

User userFromRow(const SqlResult& result, std::size_t row, std::size_t first) {
  User user;
  user.id = result.integer(row, first);
  user.username = result.text(row, first + 1);
  user.displayName = result.text(row, first + 2);
  user.bio = result.text(row, first + 3);
  user.createdAt = result.integer(row, first + 4);
  user.tweetCount = result.integer(row, first + 5);
  user.followerCount = result.integer(row, first + 6);
  user.followingCount = result.integer(row, first + 7);
  return user;
}

Tweet tweetFromRow(const SqlResult& result, std::size_t row) {
  Tweet tweet;
  tweet.id = result.integer(row, 0);
  tweet.authorId = result.integer(row, 1);
  tweet.text = result.text(row, 2);
  tweet.createdAt = result.integer(row, 3);
  tweet.replyToId = result.optionalInteger(row, 4);
  tweet.retweetOfId = result.optionalInteger(row, 5);
  tweet.conversationId = result.integer(row, 6);
  tweet.replyCount = result.integer(row, 7);
  tweet.likeCount = result.integer(row, 8);
  tweet.retweetCount = result.integer(row, 9);
  tweet.viewerLiked = result.boolean(row, 10);
  tweet.viewerRetweeted = result.boolean(row, 11);
  tweet.author = userFromRow(result, row, kTweetColumnCount - kUserColumnCount);
  return tweet;
}

std::vector<Tweet> tweetsFromRows(const SqlResult& result) {
  std::vector<Tweet> tweets;
  tweets.reserve(result.size());
  for (std::size_t row = 0; row < result.size(); ++row)
    tweets.push_back(tweetFromRow(result, row));
  return tweets;
}

namespace {

template <class T, class FromRow>
std::vector<std::optional<T>> inOrder(const SqlResult& result, std::span<const Id> ids,
                                      FromRow fromRow) {
  std::unordered_map<Id, std::size_t> rowOf;
  for (std::size_t row = 0; row < result.size(); ++row)
    rowOf[result.integer(row, 0)] = row;
  std::vector<std::optional<T>> ordered;
  ordered.reserve(ids.size());
  for (Id id : ids) {
    auto found = rowOf.find(id);
    if (found == rowOf.end()) {
      ordered.emplace_back(std::nullopt);
    } else {
      ordered.emplace_back(fromRow(result, found->second));
    }
  }
  return ordered;
}

}  // namespace

std::vector<std::optional<Tweet>> tweetsInOrder(const SqlResult& result, std::span<const Id> ids) {
  return inOrder<Tweet>(result, ids, tweetFromRow);
}

std::vector<std::optional<User>> usersInOrder(const SqlResult& result, std::span<const Id> ids) {
  return inOrder<User>(result, ids,
                       [](const SqlResult& r, std::size_t row) { return userFromRow(r, row); });
}

PageBounds pageBounds(const PageRequest& page) {
  auto limit = static_cast<std::size_t>(std::max(page.limit, 0));
  return PageBounds{page.before.value_or(std::numeric_limits<std::int64_t>::max()),
                    static_cast<std::int64_t>(limit) + 1, limit};
}

Page<Tweet> tweetPage(const SqlResult& result, const PageBounds& bounds) {
  Page<Tweet> page;
  page.hasMore = result.size() > bounds.limit;
  std::size_t count = std::min(result.size(), bounds.limit);
  page.items.reserve(count);
  for (std::size_t row = 0; row < count; ++row)
    page.items.push_back(tweetFromRow(result, row));
  return page;
}

Page<UserEdge> userEdgePage(const SqlResult& result, const PageBounds& bounds) {
  Page<UserEdge> page;
  page.hasMore = result.size() > bounds.limit;
  std::size_t count = std::min(result.size(), bounds.limit);
  page.items.reserve(count);
  for (std::size_t row = 0; row < count; ++row) {
    page.items.push_back(UserEdge{userFromRow(result, row), result.integer(row, kUserColumnCount)});
  }
  return page;
}

}  // namespace mt::db
