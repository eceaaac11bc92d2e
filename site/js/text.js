// Tweet text: counting it the way the server does, and finding its #hashtags and
// @mentions (the rules are in docs/twitter.md and server/twitter/TweetEntities.cc).

export const TWEET_MAX_CODE_POINTS = 280;

// The server limits tweets in Unicode code points, not UTF-16 units: "😀" is one.
export function codePointLength(text) {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

// Splits `text` into pieces: {text}, {hashtag, text} and {mention, text}. Only the
// entities the server recognised (the tweet's `hashtags` and `mentions` fields) are
// linked, so the client never links what the server would not.
export function tweetSegments(text, hashtags = [], mentionedUsernames = []) {
  const tags = new Set(hashtags.map((tag) => tag.toLowerCase()));
  const users = new Set(mentionedUsernames.map((name) => name.toLowerCase()));
  const chars = [...text];
  const segments = [];
  let plain = '';
  for (let i = 0; i < chars.length; i += 1) {
    const sigil = chars[i];
    const afterWord = i > 0 && WORD_CHARACTER.test(chars[i - 1]);
    if ((sigil !== '#' && sigil !== '@') || afterWord) {
      plain += sigil;
      continue;
    }
    let end = i + 1;
    while (end < chars.length && WORD_CHARACTER.test(chars[end])) end += 1;
    const body = chars.slice(i + 1, end).join('');
    const key = body.toLowerCase();
    const linked = body !== '' && (sigil === '#' ? tags.has(key) : users.has(key));
    if (!linked) {
      plain += sigil + body;
    } else {
      if (plain) segments.push({ text: plain });
      plain = '';
      segments.push(sigil === '#' ? { hashtag: key, text: sigil + body } : { mention: body, text: sigil + body });
    }
    i = end - 1;
  }
  if (plain) segments.push({ text: plain });
  return segments;
}
