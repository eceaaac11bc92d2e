// The GraphQL documents the pages send. Each tweet is fetched with TweetItem, so every
// list renders from the same shape.

const TWEET_FIELDS = `
fragment TweetFields on Tweet {
  id text createdAt isReply hashtags
  mentions { username }
  author { username displayName }
  replyTo { id author { username } }
  replyCount likeCount retweetCount viewerLiked viewerRetweeted
}
fragment TweetItem on Tweet {
  ...TweetFields
  retweetOf { ...TweetFields }
}`;

const PAGE = `nodes { ...TweetItem } pageInfo { endCursor hasNextPage }`;

export const ME = `query Me { me { username displayName } }`;

export const SIGNUP = `mutation Signup($username: String!, $password: String!, $displayName: String) {
  signup(username: $username, password: $password, displayName: $displayName) { user { username displayName } }
}`;

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { user { username displayName } }
}`;

export const LOGOUT = `mutation Logout { logout }`;

export const TIMELINE = `query Timeline($after: String) { timeline(first: 20, after: $after) { ${PAGE} } }
${TWEET_FIELDS}`;

export const MENTIONS = `query Mentions($after: String) { mentions(first: 20, after: $after) { ${PAGE} } }
${TWEET_FIELDS}`;

export const HASHTAG = `query Hashtag($tag: String!, $after: String) { hashtag(tag: $tag, first: 20, after: $after) { ${PAGE} } }
${TWEET_FIELDS}`;

const PROFILE_FIELDS = `username displayName bio createdAt tweetCount followerCount followingCount
  isViewer viewerFollows followsViewer viewerBlocks blocksViewer`;

export const PROFILE = `query Profile($username: String!, $after: String) {
  user(username: $username) { ${PROFILE_FIELDS} tweets(first: 20, after: $after) { ${PAGE} } }
}
${TWEET_FIELDS}`;

export const USER_TWEETS = `query UserTweets($username: String!, $after: String) {
  user(username: $username) { tweets(first: 20, after: $after) { ${PAGE} } }
}
${TWEET_FIELDS}`;

export const RELATIONSHIP = {
  follow: `mutation Follow($username: String!) { follow(username: $username) { ${PROFILE_FIELDS} } }`,
  unfollow: `mutation Unfollow($username: String!) { unfollow(username: $username) { ${PROFILE_FIELDS} } }`,
  block: `mutation Block($username: String!) { block(username: $username) { ${PROFILE_FIELDS} } }`,
  unblock: `mutation Unblock($username: String!) { unblock(username: $username) { ${PROFILE_FIELDS} } }`,
};

export const THREAD = `query Thread($id: ID!, $after: String) {
  tweet(id: $id) {
    ...TweetItem
    ancestors { ...TweetItem }
    replies(first: 20, after: $after) { ${PAGE} }
  }
}
${TWEET_FIELDS}`;

export const REPLIES = `query Replies($id: ID!, $after: String) {
  tweet(id: $id) { replies(first: 20, after: $after) { ${PAGE} } }
}
${TWEET_FIELDS}`;

export const POST_TWEET = `mutation PostTweet($text: String!, $replyTo: ID) {
  postTweet(text: $text, replyTo: $replyTo) { ...TweetItem }
}
${TWEET_FIELDS}`;

// like, unlike, retweet, unretweet: each returns the original tweet with new counts.
export const TWEET_ACTION = Object.fromEntries(
  ['like', 'unlike', 'retweet', 'unretweet'].map((name) => [
    name,
    `mutation ${name[0].toUpperCase()}${name.slice(1)}($id: ID!) { ${name}(id: $id) { ...TweetFields } }
${TWEET_FIELDS.split('fragment TweetItem')[0]}`,
  ]),
);

export const DELETE_TWEET = `mutation DeleteTweet($id: ID!) { deleteTweet(id: $id) }`;

export const LIVE_TIMELINE = `subscription LiveTimeline { timelineTweet { ...TweetItem } }
${TWEET_FIELDS}`;

export const LIVE_MENTIONS = `subscription LiveMentions { mentioned { id } }`;
