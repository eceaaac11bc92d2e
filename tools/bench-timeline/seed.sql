-- The data set of tools/bench-timeline.sh, written straight into a freshly migrated
-- (empty) PostgreSQL database: much faster than signing up and posting through the API,
-- and deterministic, so every viewer's timeline costs the same.
--
--   :users users, ids 1..:users, named benchNNNN; a password hash no login can match.
--   Each user i follows the :follows users after it (i+1 .. i+:follows, wrapping at
--   :users), so everyone also has :follows followers.
--   :tweets tweets per user, interleaved: tweet id r*:users + i is user i's tweet of
--   round r, so the newest page of any timeline mixes all its authors.
--   Each user liked the newest tweet of each of the first :likes users it follows, so
--   viewerLiked is sometimes true and like_count is not always 0.
--   One session per user, token 'bench-token-' || user id zero-padded to 43
--   characters (the server's token shape: 43 base64url characters), stored as the
--   lower-case hex SHA-256 of the token as the server does, expiring in 2100.
--   Every counter (tweet_count, follower_count, following_count, like_count) agrees
--   with the rows.
--
-- psql -v users=1000 -v follows=50 -v tweets=20 -v likes=5 -f seed.sql
\set ON_ERROR_STOP on

BEGIN;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM tweets) THEN
    RAISE EXCEPTION 'bench-timeline seed: the database is not empty';
  END IF;
END
$$;

-- 2026-01-01T00:00:00Z, in milliseconds: the base of every created_at.
\set epoch 1767225600000

INSERT INTO users (id, username, username_key, display_name, bio, password_hash, created_at,
                   tweet_count, follower_count, following_count)
OVERRIDING SYSTEM VALUE
SELECT i, 'bench' || lpad(i::text, 4, '0'), 'bench' || lpad(i::text, 4, '0'),
       'Bench User ' || i, 'A generated user of the timeline benchmark.', '!bench-no-login',
       :epoch + i, 0, 0, 0
FROM generate_series(1, :users) AS i;

INSERT INTO follows (follower_id, followee_id, created_at)
SELECT i, (i - 1 + k) % :users + 1, :epoch + 1000000 + i * 100 + k
FROM generate_series(1, :users) AS i, generate_series(1, :follows) AS k;

INSERT INTO tweets (id, author_id, body, created_at)
OVERRIDING SYSTEM VALUE
SELECT r * :users + i, i,
       'Tweet ' || (r + 1) || ' of bench' || lpad(i::text, 4, '0') ||
         ': a few words of ordinary text, so a body is about as long as a real one.',
       :epoch + 2000000 + (r * :users + i) * 1000
FROM generate_series(0, :tweets - 1) AS r, generate_series(1, :users) AS i;

INSERT INTO likes (user_id, tweet_id, created_at)
SELECT i, (:tweets - 1) * :users + ((i - 1 + k) % :users + 1), :epoch + 90000000 + i * 100 + k
FROM generate_series(1, :users) AS i, generate_series(1, :likes) AS k;

INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
SELECT encode(sha256(convert_to('bench-token-' || lpad(i::text, 31, '0'), 'UTF8')), 'hex'), i,
       :epoch, 4102444800000
FROM generate_series(1, :users) AS i;

-- Counters, from the rows (what the store keeps up to date on every change).
UPDATE users u SET
  tweet_count = (SELECT count(*) FROM tweets t WHERE t.author_id = u.id),
  follower_count = (SELECT count(*) FROM follows f WHERE f.followee_id = u.id),
  following_count = (SELECT count(*) FROM follows f WHERE f.follower_id = u.id);
UPDATE tweets t SET like_count = l.n
FROM (SELECT tweet_id, count(*) AS n FROM likes GROUP BY tweet_id) l
WHERE l.tweet_id = t.id;

-- Identity columns continue after the explicit ids, as if the rows had been inserted
-- one by one.
\o /dev/null
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('tweets', 'id'), (SELECT max(id) FROM tweets));
\o

COMMIT;

-- The counter updates left a dead version of every user and liked tweet: vacuum them
-- away (and set the visibility map) so the first measured seconds do not pay for it,
-- and give the planner statistics.
VACUUM (ANALYZE) users, follows, blocks, tweets, likes, sessions, tweet_hashtags, tweet_mentions;
