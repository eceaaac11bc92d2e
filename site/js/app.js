// The single-page app: who is logged in, the navigation bar, and hash routing (#/,
// #/u/<name>, #/t/<id>, #/tag/<tag>, #/mentions, #/login, #/signup), so the server
// only ever serves this one index.html.

import { graphql } from './api.js';
import { h } from './dom.js';
import {
  hashtagPage, homePage, loginPage, mentionsPage, notFoundPage, profilePage, signupPage, threadPage,
} from './pages.js';
import { LOGOUT, ME } from './queries.js';
import { userHref } from './tweets.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const notice = document.getElementById('app-notice');

let session = null; // {username, displayName} or null
let cleanup = null;
let generation = 0;
let firstRoute = true;

const ROUTES = [
  [/^\/?$/, (ctx) => homePage(ctx)],
  [/^\/login$/, (ctx) => loginPage(ctx)],
  [/^\/signup$/, (ctx) => signupPage(ctx)],
  [/^\/mentions$/, (ctx) => mentionsPage(ctx)],
  [/^\/u\/([^/]+)$/, (ctx, name) => profilePage(ctx, name)],
  [/^\/t\/([^/]+)$/, (ctx, id) => threadPage(ctx, id)],
  [/^\/tag\/([^/]+)$/, (ctx, tag) => hashtagPage(ctx, tag)],
];

function currentPath() {
  return window.location.hash.replace(/^#/, '') || '/';
}

function renderNav() {
  const path = currentPath();
  const link = (href, text) => h('a', { href, 'aria-current': `#${path}` === href || (href === '#/' && path === '/') ? 'page' : null }, text);
  const items = session
    ? [
      link('#/', 'Home'),
      link('#/mentions', 'Mentions'),
      link(userHref(session.username), 'Profile'),
      h('button', { type: 'button', class: 'link', onclick: logout }, 'Log out'),
    ]
    : [link('#/login', 'Log in'), link('#/signup', 'Sign up')];
  nav.replaceChildren(h('ul', {}, items.map((item) => h('li', {}, item))));
}

async function logout() {
  try {
    await graphql(LOGOUT);
  } catch (error) {
    notice.textContent = error.message;
    return;
  }
  setSession(null, '#/');
  notice.textContent = 'You are logged out.';
}

// After login, signup or logout: the whole page depends on who is looking.
function setSession(user, goTo) {
  session = user ? { username: user.username, displayName: user.displayName } : null;
  notice.textContent = '';
  if (goTo && window.location.hash !== goTo) window.location.hash = goTo; // hashchange routes
  else route();
}

async function route() {
  cleanup?.();
  cleanup = null;
  generation += 1;
  const mine = generation;
  renderNav();
  const path = currentPath();
  const ctx = { main, session, setSession, alive: () => mine === generation };
  let found = false;
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    found = true;
    let args;
    try {
      args = match.slice(1).map(decodeURIComponent);
    } catch {
      break;
    }
    const result = page(ctx, ...args);
    if (typeof result === 'function') cleanup = result;
    else if (result instanceof Promise) await result;
    break;
  }
  if (!found) notFoundPage(ctx);
  if (mine !== generation) return;
  // Move focus to the new page's heading so keyboard and screen reader users start
  // there (not on the first load: the browser starts at the top anyway).
  if (!firstRoute) main.querySelector('h1')?.focus();
  firstRoute = false;
}

async function start() {
  // "#main" would be a route: the skip link moves focus itself.
  document.querySelector('a.skip')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  try {
    session = (await graphql(ME)).me;
  } catch (error) {
    notice.textContent = `Cannot tell whether you are logged in: ${error.message}`;
  }
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

start();
