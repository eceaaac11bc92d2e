// The pages of the hash routes. Each renders into ctx.main and may return a cleanup
// function that runs when the route changes (stopping live updates).
// ctx: { main, session (null or {username, displayName}), setSession(user), alive() }

import { graphql } from './api.js';
import { authForm } from './auth.js';
import { composeForm } from './compose.js';
import { h, messageRegion, showMessage } from './dom.js';
import { plural } from './format.js';
import { LiveSubscription } from './live.js';
import {
  HASHTAG, LIVE_TIMELINE, MENTIONS, PROFILE, RELATIONSHIP, REPLIES, THREAD, TIMELINE, USER_TWEETS,
} from './queries.js';
import { TweetList, renderTweet, uniqueId } from './tweets.js';

const heading = (text) => h('h1', { tabindex: '-1' }, text);

function needLogin(ctx, what) {
  ctx.main.replaceChildren(
    heading(what),
    h('p', {}, 'You need to ', h('a', { href: '#/login' }, 'log in'), ' or ',
      h('a', { href: '#/signup' }, 'sign up'), ' to see this.'),
  );
}

const LIVE_STATUS_TEXT = {
  connecting: 'Connecting to live updates…',
  live: 'Live: new tweets appear here as they are posted.',
  reconnecting: 'Live updates interrupted; reconnecting…',
  off: 'Live updates are off.',
};

export function homePage(ctx) {
  if (!ctx.session) return welcomePage(ctx);
  const list = new TweetList({
    label: 'Home timeline',
    session: ctx.session,
    emptyText: 'No tweets yet. Post one, or follow someone.',
    fetchPage: async (after) => (await graphql(TIMELINE, { after })).timeline,
  });
  const status = h('p', { class: 'live-status', role: 'status' });
  ctx.main.replaceChildren(
    heading('Home'),
    composeForm({ onPosted: (tweet) => list.prepend(tweet) }),
    status,
    list.element,
  );
  // Subscribe first, then load: a tweet posted in between shows up either way.
  const live = new LiveSubscription(LIVE_TIMELINE, {}, {
    onData: (data) => list.prepend(data.timelineTweet),
    onStatus: (state) => {
      status.textContent = LIVE_STATUS_TEXT[state];
      status.dataset.state = state;
    },
    // Events are best effort: what was posted while disconnected comes from a refetch.
    onReconnect: () => list.load(),
  }).start();
  list.load();
  return () => live.stop();
}

function welcomePage(ctx) {
  ctx.main.replaceChildren(
    heading('Welcome to minitwitter'),
    h('p', { class: 'lead' },
      'A small Twitter served by a layered C++ HTTP server: a testbed for studying how a web service behaves on a network.'),
    h('h2', {}, 'Log in'),
    authForm('login', (user) => ctx.setSession(user, '#/')),
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account'), '.'),
  );
}

export function loginPage(ctx) {
  ctx.main.replaceChildren(
    heading('Log in'),
    authForm('login', (user) => ctx.setSession(user, '#/')),
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account'), '.'),
  );
}

export function signupPage(ctx) {
  ctx.main.replaceChildren(
    heading('Sign up'),
    authForm('signup', (user) => ctx.setSession(user, '#/')),
    h('p', {}, 'Have an account? ', h('a', { href: '#/login' }, 'Log in'), '.'),
  );
}

export function mentionsPage(ctx) {
  if (!ctx.session) return needLogin(ctx, 'Mentions');
  const list = new TweetList({
    label: 'Tweets that mention you',
    session: ctx.session,
    emptyText: 'Nobody has mentioned you yet.',
    fetchPage: async (after) => (await graphql(MENTIONS, { after })).mentions,
  });
  ctx.main.replaceChildren(heading('Mentions'), list.element);
  list.load();
}

export function hashtagPage(ctx, tag) {
  const list = new TweetList({
    label: `Tweets tagged #${tag}`,
    session: ctx.session,
    emptyText: `No tweets tagged #${tag} yet.`,
    fetchPage: async (after) => (await graphql(HASHTAG, { tag, after })).hashtag,
  });
  ctx.main.replaceChildren(heading(`#${tag}`), list.element);
  list.load();
}

function profileHeader(ctx, user, onChange) {
  const message = messageRegion(uniqueId('profile-message'));
  const stats = h('p', { class: 'stats' },
    h('span', {}, plural(user.tweetCount, 'tweet')), ' · ',
    h('span', {}, plural(user.followerCount, 'follower')), ' · ',
    h('span', {}, `${user.followingCount} following`));
  const badges = [];
  if (user.followsViewer) badges.push(h('span', { class: 'badge' }, 'Follows you'));
  if (user.viewerBlocks) badges.push(h('span', { class: 'badge warn' }, 'Blocked'));
  const buttons = [];
  const act = (mutation, label, extraClass = '') => {
    const button = h('button', { type: 'button', class: extraClass }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      showMessage(message, '');
      try {
        const data = await graphql(RELATIONSHIP[mutation], { username: user.username });
        onChange(data[mutation], mutation);
      } catch (error) {
        showMessage(message, error.message);
        button.disabled = false;
      }
    });
    return button;
  };
  if (ctx.session && !user.isViewer) {
    if (!user.viewerBlocks && !user.blocksViewer) {
      buttons.push(user.viewerFollows ? act('unfollow', 'Unfollow') : act('follow', 'Follow', 'primary'));
    }
    buttons.push(user.viewerBlocks ? act('unblock', 'Unblock') : act('block', 'Block', 'danger'));
  }
  return h('section', { class: 'profile', 'aria-label': 'Profile' },
    h('h1', { tabindex: '-1' }, user.displayName),
    h('p', { class: 'handle' }, `@${user.username}`, ' ', badges),
    user.bio ? h('p', { class: 'bio' }, user.bio) : null,
    stats,
    buttons.length ? h('div', { class: 'buttons' }, buttons) : null,
    user.blocksViewer ? h('p', { class: 'notice' }, `@${user.username} has blocked you.`) : null,
    message);
}

export async function profilePage(ctx, username) {
  ctx.main.replaceChildren(heading(`@${username}`), h('p', {}, 'Loading…'));
  let data;
  try {
    data = await graphql(PROFILE, { username });
  } catch (error) {
    if (ctx.alive()) ctx.main.replaceChildren(heading(`@${username}`), h('p', { class: 'message', dataset: { kind: 'error' } }, error.message));
    return;
  }
  if (!ctx.alive()) return;
  const user = data.user;
  if (!user) {
    ctx.main.replaceChildren(heading(`@${username}`), h('p', {}, 'There is no such user.'));
    return;
  }
  const list = new TweetList({
    label: `Tweets by @${user.username}`,
    session: ctx.session,
    emptyText: user.blocksViewer ? 'No tweets to show.' : `@${user.username} has not tweeted yet.`,
    fetchPage: async (after) => {
      if (after === null && data) {
        const first = data.user.tweets;
        data = null;
        return first;
      }
      return (await graphql(USER_TWEETS, { username: user.username, after })).user.tweets;
    },
  });
  let header;
  const showHeader = (current, changed) => {
    const fresh = profileHeader(ctx, current, showHeader);
    if (header) header.replaceWith(fresh);
    header = fresh;
    // Keep keyboard focus on the button that took the place of the one pressed.
    if (changed) {
      const again = { follow: 'Unfollow', unfollow: 'Follow', block: 'Unblock', unblock: 'Block' }[changed];
      [...header.querySelectorAll('button')].find((b) => b.textContent === again)?.focus();
      if (changed === 'block' || changed === 'unblock') list.load();
    }
  };
  showHeader(user, null);
  ctx.main.replaceChildren(header, h('h2', {}, 'Tweets'), list.element);
  list.load();
}

export async function threadPage(ctx, id) {
  ctx.main.replaceChildren(heading('Tweet'), h('p', {}, 'Loading…'));
  let tweet;
  try {
    tweet = (await graphql(THREAD, { id })).tweet;
  } catch (error) {
    if (ctx.alive()) ctx.main.replaceChildren(heading('Tweet'), h('p', { class: 'message', dataset: { kind: 'error' } }, error.message));
    return;
  }
  if (!ctx.alive()) return;
  if (!tweet) {
    ctx.main.replaceChildren(heading('Tweet'), h('p', {}, 'This tweet does not exist, or you cannot see it.'));
    return;
  }
  const original = tweet.retweetOf ?? tweet;
  const replies = new TweetList({
    label: 'Replies',
    session: ctx.session,
    emptyText: 'No replies yet.',
    fetchPage: async (after) => (await graphql(REPLIES, { id: original.id, after })).tweet?.replies
      ?? { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } },
  });
  const ancestors = tweet.ancestors.length
    ? h('ol', { class: 'tweets ancestors', 'aria-label': 'Earlier in the thread' },
      tweet.ancestors.map((item) => h('li', {}, renderTweet(item, { session: ctx.session }))))
    : null;
  const focal = renderTweet(tweet, { session: ctx.session, onDeleted: () => { window.location.hash = '#/'; } });
  focal.classList.add('focal');
  ctx.main.replaceChildren(
    heading('Tweet'),
    ancestors,
    focal,
    ctx.session
      ? composeForm({
        label: `Reply to @${original.author.username}`,
        submitLabel: 'Reply',
        replyTo: original.id,
        onPosted: (reply) => replies.prepend(reply),
      })
      : h('p', {}, h('a', { href: '#/login' }, 'Log in'), ' to reply.'),
    h('h2', {}, 'Replies'),
    replies.element,
  );
  replies.load();
}

export function notFoundPage(ctx) {
  ctx.main.replaceChildren(heading('Not found'), h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, 'Go home'), '.'));
}

