// One tweet as an <article>, its actions (reply, retweet, like, delete), and lists
// of tweets with "Load more".

import { graphql } from './api.js';
import { h, messageRegion, showMessage } from './dom.js';
import { fullTime, relativeTime } from './format.js';
import { DELETE_TWEET, TWEET_ACTION } from './queries.js';
import { tweetSegments } from './text.js';

export const userHref = (username) => `#/u/${encodeURIComponent(username)}`;
export const tweetHref = (id) => `#/t/${encodeURIComponent(id)}`;
export const tagHref = (tag) => `#/tag/${encodeURIComponent(tag)}`;

let nextId = 0;
export const uniqueId = (prefix) => `${prefix}-${(nextId += 1)}`;

function tweetText(tweet) {
  const segments = tweetSegments(
    tweet.text,
    tweet.hashtags,
    tweet.mentions.map((user) => user.username),
  );
  return segments.map((segment) => {
    if (segment.hashtag) return h('a', { href: tagHref(segment.hashtag), class: 'entity' }, segment.text);
    if (segment.mention) return h('a', { href: userHref(segment.mention), class: 'entity' }, segment.text);
    return segment.text;
  });
}

// The counters and pressed states of every copy of `tweet` on the page (the same
// tweet can be in a list and its retweet, or in a thread twice).
function refreshCopies(tweet) {
  for (const article of document.querySelectorAll(`article[data-tweet-id="${CSS.escape(tweet.id)}"]`)) {
    article.querySelector('.count-replies').textContent = String(tweet.replyCount);
    const like = article.querySelector('button.like');
    like.setAttribute('aria-pressed', String(tweet.viewerLiked));
    like.querySelector('.count').textContent = String(tweet.likeCount);
    const retweet = article.querySelector('button.retweet');
    retweet.setAttribute('aria-pressed', String(tweet.viewerRetweeted));
    retweet.querySelector('.count').textContent = String(tweet.retweetCount);
  }
}

function toggleButton(kind, label, tweet, pressed, count, message) {
  const button = h(
    'button',
    { type: 'button', class: `action ${kind}`, 'aria-pressed': String(pressed) },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, kind === 'like' ? '♥' : '↻'),
    ` ${label} `,
    h('span', { class: 'count' }, String(count)),
  );
  button.addEventListener('click', async () => {
    const on = button.getAttribute('aria-pressed') === 'true';
    const action = on ? (kind === 'like' ? 'unlike' : 'unretweet') : kind;
    button.disabled = true;
    showMessage(message, '');
    try {
      const data = await graphql(TWEET_ACTION[action], { id: tweet.id });
      refreshCopies(data[action]);
    } catch (error) {
      showMessage(message, error.message);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

// item: a Tweet from the API (TweetItem). A retweet shows its original with a note.
// session.username: the viewer (null when logged out). onDeleted(item) after a delete.
export function renderTweet(item, { session, onDeleted } = {}) {
  const tweet = item.retweetOf ?? item;
  const message = messageRegion(uniqueId('tweet-message'));
  const author = tweet.author;
  const headingId = uniqueId('tweet-author');
  const article = h('article', {
    class: 'tweet',
    'aria-labelledby': headingId,
    dataset: { tweetId: tweet.id, itemId: item.id },
  });
  if (item.retweetOf) {
    article.append(
      h('p', { class: 'tweet-note' }, h('span', { 'aria-hidden': 'true' }, '↻ '),
        h('a', { href: userHref(item.author.username) }, item.author.displayName), ' retweeted'),
    );
  }
  article.append(
    h('header', { class: 'tweet-head' },
      h('a', { href: userHref(author.username), class: 'name', id: headingId }, author.displayName),
      ' ',
      h('span', { class: 'handle' }, `@${author.username}`),
      h('span', { 'aria-hidden': 'true' }, ' · '),
      h('a', { href: tweetHref(tweet.id), class: 'time', title: fullTime(tweet.createdAt) },
        h('time', { datetime: tweet.createdAt }, relativeTime(tweet.createdAt)))),
  );
  if (tweet.isReply) {
    article.append(
      h('p', { class: 'tweet-note' }, 'Replying to ',
        tweet.replyTo
          ? h('a', { href: tweetHref(tweet.replyTo.id) }, `@${tweet.replyTo.author.username}`)
          : 'a deleted tweet'),
    );
  }
  article.append(h('p', { class: 'tweet-text' }, tweetText(tweet)));

  const actions = h('div', { class: 'tweet-actions' },
    h('a', { href: tweetHref(tweet.id), class: 'action reply' },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, '↩'), ' Reply ',
      h('span', { class: 'count count-replies' }, String(tweet.replyCount))),
    toggleButton('retweet', 'Retweet', tweet, tweet.viewerRetweeted, tweet.retweetCount, message),
    toggleButton('like', 'Like', tweet, tweet.viewerLiked, tweet.likeCount, message));
  if (session?.username && session.username.toLowerCase() === author.username.toLowerCase()) {
    const remove = h('button', { type: 'button', class: 'action delete' }, 'Delete');
    remove.addEventListener('click', async () => {
      if (!window.confirm('Delete this tweet?')) return;
      remove.disabled = true;
      try {
        await graphql(DELETE_TWEET, { id: tweet.id });
        for (const copy of document.querySelectorAll(`article[data-tweet-id="${CSS.escape(tweet.id)}"]`)) {
          copy.closest('li')?.remove();
        }
        onDeleted?.(item);
      } catch (error) {
        showMessage(message, error.message);
        remove.disabled = false;
      }
    });
    actions.append(remove);
  }
  article.append(actions, message);
  return article;
}

// A list of tweets fed page by page: fetchPage(after) resolves to a TweetConnection.
export class TweetList {
  constructor({ label, fetchPage, emptyText, session }) {
    this.fetchPage = fetchPage;
    this.emptyText = emptyText;
    this.session = session;
    this.cursor = null;
    this.list = h('ol', { class: 'tweets', 'aria-label': label });
    this.empty = h('p', { class: 'empty', hidden: true }, emptyText);
    this.message = messageRegion(uniqueId('list-message'));
    this.moreButton = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => this.loadMore() }, 'Load more');
    this.element = h('section', { class: 'tweet-list' }, this.list, this.empty, this.moreButton, this.message);
  }

  has(itemId) {
    return this.list.querySelector(`article[data-item-id="${CSS.escape(itemId)}"]`) !== null;
  }

  item(tweet) {
    return h('li', {}, renderTweet(tweet, { session: this.session, onDeleted: () => this.updateEmpty() }));
  }

  updateEmpty() {
    this.empty.hidden = this.list.childElementCount > 0;
  }

  // (Re)loads the first page, replacing what is shown.
  async load() {
    showMessage(this.message, 'Loading…', 'info');
    try {
      const page = await this.fetchPage(null);
      // Tweets pushed live while the page was in flight may be newer than it: keep them.
      const fetched = new Set(page.nodes.map((tweet) => tweet.id));
      const pushed = [...this.list.querySelectorAll(':scope > li.fresh')]
        .filter((item) => !fetched.has(item.querySelector('article').dataset.itemId));
      this.list.replaceChildren(...pushed, ...page.nodes.map((tweet) => this.item(tweet)));
      this.setPageInfo(page.pageInfo);
      showMessage(this.message, '');
    } catch (error) {
      showMessage(this.message, error.message);
    }
    this.updateEmpty();
  }

  async loadMore() {
    this.moreButton.disabled = true;
    try {
      const page = await this.fetchPage(this.cursor);
      for (const tweet of page.nodes) if (!this.has(tweet.id)) this.list.append(this.item(tweet));
      this.setPageInfo(page.pageInfo);
      showMessage(this.message, '');
    } catch (error) {
      showMessage(this.message, error.message);
    } finally {
      this.moreButton.disabled = false;
    }
    this.updateEmpty();
  }

  setPageInfo(pageInfo) {
    this.cursor = pageInfo.endCursor;
    this.moreButton.hidden = !pageInfo.hasNextPage;
  }

  // A new tweet (posted here, or pushed live) goes on top, once.
  prepend(tweet) {
    if (this.has(tweet.id)) return;
    const item = this.item(tweet);
    item.classList.add('fresh');
    this.list.prepend(item);
    this.updateEmpty();
  }
}
