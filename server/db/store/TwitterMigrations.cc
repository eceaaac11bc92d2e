#include "TwitterMigrations.h"

#include <array>

namespace mt::db {
namespace {

// Version 1: the Twitter's tables. Timestamps are BIGINT milliseconds since the epoch
// (UTC). Counters live in the rows they count and are kept by the store in the
// transaction that changes what they count. Ids never repeat (identity columns;
// AUTOINCREMENT on SQLite), because they are the pagination cursors.
//
// Indexes, each for a statement that needs it:
//   users.username_key           login and profile lookups, case-insensitive uniqueness
//   sessions.expires_at          deleting expired sessions
//   follows (followee_id, id)    followers pages; (follower_id, id) following pages;
//                                UNIQUE (follower_id, followee_id) the timeline's authors
//   blocks UNIQUE pair           the block filter in every tweet read; (blocked_id,
//                                blocker_id) who blocked the viewer, when hashed
//   tweets (author_id, id DESC)  user pages and the timeline
//   tweets (reply_to_id, id)     reply pages; (retweet_of_id) deleting an original
//   tweets UNIQUE (author_id, retweet_of_id)  one retweet per user, viewer_retweeted
//   likes (tweet_id, user_id)    viewer_liked; (user_id, tweet_id) a user's likes
//   tweet_hashtags (tag, tweet_id)  hashtag pages; (tweet_id, position) hashtagsOf
//   tweet_mentions (user_id, tweet_id)  mention pages; (tweet_id, user_id) mentionsOf
//
// reply_to_id has no foreign key: a reply outlives the tweet it answered.
// retweet_of_id cascades: retweets go with their original.
constexpr std::string_view kSchemaPostgres = R"sql(
CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username TEXT NOT NULL,
  username_key TEXT NOT NULL,
  display_name TEXT NOT NULL,
  bio TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  tweet_count BIGINT NOT NULL DEFAULT 0,
  follower_count BIGINT NOT NULL DEFAULT 0,
  following_count BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT users_username_key_unique UNIQUE (username_key)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
CREATE TABLE follows (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  follower_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followee_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  CONSTRAINT follows_pair_unique UNIQUE (follower_id, followee_id),
  CONSTRAINT follows_not_self CHECK (follower_id <> followee_id)
);
CREATE INDEX follows_followee_idx ON follows (followee_id, id);
CREATE INDEX follows_follower_idx ON follows (follower_id, id);
CREATE TABLE blocks (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  blocker_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  blocked_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  CONSTRAINT blocks_pair_unique UNIQUE (blocker_id, blocked_id),
  CONSTRAINT blocks_not_self CHECK (blocker_id <> blocked_id)
);
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id);
CREATE TABLE tweets (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  reply_to_id BIGINT,
  retweet_of_id BIGINT REFERENCES tweets (id) ON DELETE CASCADE,
  conversation_id BIGINT,
  reply_count BIGINT NOT NULL DEFAULT 0,
  like_count BIGINT NOT NULL DEFAULT 0,
  retweet_count BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tweets_one_retweet_per_user ON tweets (author_id, retweet_of_id)
  WHERE retweet_of_id IS NOT NULL;
CREATE INDEX tweets_author_idx ON tweets (author_id, id DESC);
CREATE INDEX tweets_reply_to_idx ON tweets (reply_to_id, id) WHERE reply_to_id IS NOT NULL;
CREATE INDEX tweets_retweet_of_idx ON tweets (retweet_of_id) WHERE retweet_of_id IS NOT NULL;
CREATE TABLE likes (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tweet_id BIGINT NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tweet_id, user_id)
);
CREATE INDEX likes_user_idx ON likes (user_id, tweet_id);
CREATE TABLE tweet_hashtags (
  tweet_id BIGINT NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (tag, tweet_id)
);
CREATE INDEX tweet_hashtags_tweet_idx ON tweet_hashtags (tweet_id, position);
CREATE TABLE tweet_mentions (
  tweet_id BIGINT NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (tweet_id, user_id)
);
CREATE INDEX tweet_mentions_user_idx ON tweet_mentions (user_id, tweet_id);
)sql";

// The same schema in SQLite's words: INTEGER PRIMARY KEY AUTOINCREMENT for identity
// (never reusing the id of a deleted newest row), INTEGER for BIGINT.
constexpr std::string_view kSchemaSqlite = R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL,
  username_key TEXT NOT NULL,
  display_name TEXT NOT NULL,
  bio TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  tweet_count INTEGER NOT NULL DEFAULT 0,
  follower_count INTEGER NOT NULL DEFAULT 0,
  following_count INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT users_username_key_unique UNIQUE (username_key)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
CREATE TABLE follows (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  follower_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followee_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  CONSTRAINT follows_pair_unique UNIQUE (follower_id, followee_id),
  CONSTRAINT follows_not_self CHECK (follower_id <> followee_id)
);
CREATE INDEX follows_followee_idx ON follows (followee_id, id);
CREATE INDEX follows_follower_idx ON follows (follower_id, id);
CREATE TABLE blocks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  blocker_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  blocked_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  CONSTRAINT blocks_pair_unique UNIQUE (blocker_id, blocked_id),
  CONSTRAINT blocks_not_self CHECK (blocker_id <> blocked_id)
);
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id);
CREATE TABLE tweets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  reply_to_id INTEGER,
  retweet_of_id INTEGER REFERENCES tweets (id) ON DELETE CASCADE,
  conversation_id INTEGER,
  reply_count INTEGER NOT NULL DEFAULT 0,
  like_count INTEGER NOT NULL DEFAULT 0,
  retweet_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tweets_one_retweet_per_user ON tweets (author_id, retweet_of_id)
  WHERE retweet_of_id IS NOT NULL;
CREATE INDEX tweets_author_idx ON tweets (author_id, id DESC);
CREATE INDEX tweets_reply_to_idx ON tweets (reply_to_id, id) WHERE reply_to_id IS NOT NULL;
CREATE INDEX tweets_retweet_of_idx ON tweets (retweet_of_id) WHERE retweet_of_id IS NOT NULL;
CREATE TABLE likes (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tweet_id INTEGER NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tweet_id, user_id)
) WITHOUT ROWID;
CREATE INDEX likes_user_idx ON likes (user_id, tweet_id);
CREATE TABLE tweet_hashtags (
  tweet_id INTEGER NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (tag, tweet_id)
) WITHOUT ROWID;
CREATE INDEX tweet_hashtags_tweet_idx ON tweet_hashtags (tweet_id, position);
CREATE TABLE tweet_mentions (
  tweet_id INTEGER NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (tweet_id, user_id)
) WITHOUT ROWID;
CREATE INDEX tweet_mentions_user_idx ON tweet_mentions (user_id, tweet_id);
)sql";

constexpr std::array kMigrations{
    Migration{1, "twitter_schema", kSchemaPostgres, kSchemaSqlite},
};

}  // namespace

std::span<const Migration> twitterMigrations() {
  return kMigrations;
}

}  // namespace mt::db
