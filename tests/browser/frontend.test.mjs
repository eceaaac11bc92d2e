// Browser tests of the web front end (site/) and GraphiQL (/graphiql), driving Debian's
// Chromium with playwright-core against the real server binary on a temporary SQLite
// database.
//
//   node frontend.test.mjs <minitwitter binary> <site folder> <artifacts folder>
//
// Exits 77 (ctest's SKIP_RETURN_CODE) when Chromium or playwright-core is missing;
// tools/setup.sh and tools/setup-node.sh install both.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.MINITWITTER_CHROMIUM ?? '/usr/bin/chromium';
const [binary, siteDir, artifactsDir] = process.argv.slice(2);
if (!binary || !siteDir || !artifactsDir) {
  console.error('usage: node frontend.test.mjs <minitwitter binary> <site folder> <artifacts folder>');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.log(`SKIP: no Chromium at ${CHROMIUM} (install Debian's chromium package: tools/setup.sh)`);
  process.exit(77);
}
if (!existsSync(path.join(HERE, 'node_modules', 'playwright-core'))) {
  console.log('SKIP: tests/browser/node_modules is missing (run tools/setup-node.sh)');
  process.exit(77);
}
const { chromium } = await import('playwright-core');

// How long any one thing may take before the test says what it was waiting for.
const WAIT_MS = 10_000;

let server;
let browser;
let dataDir;
const contexts = {}; // alice, bob: one browser context (one cookie jar) each
const pages = {};
const pageErrors = [];

async function openUser(name) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
  contexts[name] = context;
  pages[name] = page;
  return page;
}

// A fresh page load of a route (going to the same URL with only another hash would
// not reload, and would keep whatever the last test left in the forms).
async function gotoRoute(page, hash) {
  await page.goto('about:blank');
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector('body[data-ready="true"]');
}

async function shot(page, name) {
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The first error message the server gives for a GraphQL request (made outside the
// browser), so the UI can be checked to show the server's own words.
async function serverError(query, variables, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}/api`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  assert.ok(body.errors?.length, `expected an error from ${query}, got ${JSON.stringify(body)}`);
  return body.errors[0].message;
}

// The text of `locator` once it is not empty.
async function messageOf(locator) {
  await locator.filter({ hasText: /\S/ }).waitFor();
  return (await locator.textContent()).trim();
}

before(async () => {
  await mkdir(artifactsDir, { recursive: true });
  dataDir = await mkdtemp(path.join(tmpdir(), 'minitwitter-browser-'));
  server = await startServer({ binary, siteDir, dataDir });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Containers often have a small /dev/shm; Chromium then crashes without this.
      '--disable-dev-shm-usage',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (server) console.log(`server log:\n${server.log().slice(-2000)}`);
});

test('two users sign up in the UI', async () => {
  for (const name of ['alice', 'bob']) {
    const page = await openUser(name);
    await gotoRoute(page, '#/signup');
    await page.getByLabel('Username').fill(name);
    await page.getByLabel('Password').fill(`${name}-password`);
    await page.getByLabel('Display name (optional)').fill(name === 'alice' ? 'Alice A.' : 'Bob B.');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Log out' }).waitFor();
  }
});

test('alice follows bob on his profile page', async () => {
  const page = pages.alice;
  await gotoRoute(page, '#/u/bob');
  await page.getByRole('heading', { level: 1, name: 'Bob B.' }).waitFor();
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await page.getByRole('button', { name: 'Unfollow' }).waitFor();
  await page.getByText('1 follower', { exact: true }).waitFor();
});

// Whether alice's live subscription was up when bob posted, and its status line.
let liveBeforePost = { connected: false, status: '' };

test('bob posts a tweet while alice watches her home timeline', async () => {
  const alice = pages.alice;
  await gotoRoute(alice, '#/');
  // A marker that a reload would wipe out.
  await alice.evaluate(() => { window.stillTheSamePage = true; });
  // Bob posts either way, so that the tests after this one have his tweet.
  try {
    await alice.locator('.live-status[data-state="live"]').waitFor();
    liveBeforePost = { connected: true, status: await alice.locator('.live-status').textContent() };
  } catch {
    liveBeforePost = { connected: false, status: await alice.locator('.live-status').textContent() };
  }
  const bob = pages.bob;
  await gotoRoute(bob, '#/');
  await bob.getByLabel('What’s happening?').fill('Hello from bob to @alice about #minitwitter');
  await bob.getByRole('button', { name: 'Tweet', exact: true }).click();
  await bob.getByText('Tweet posted.').waitFor();
  await bob.locator('article.tweet', { hasText: 'Hello from bob' }).waitFor();
});

test("bob's tweet appears on alice's home timeline live, without a reload", async () => {
  const alice = pages.alice;
  assert.ok(liveBeforePost.connected,
    `alice's live subscription did not connect within ${WAIT_MS} ms; status: "${liveBeforePost.status}"`);
  const tweet = alice.locator('article.tweet', { hasText: 'Hello from bob' });
  await tweet.waitFor();
  assert.equal(await alice.evaluate(() => window.stillTheSamePage), true, 'the page was reloaded');
  await shot(alice, 'live-timeline');
});

test('hashtags and mentions are links to their pages, which list the tweet', async () => {
  const alice = pages.alice;
  await gotoRoute(alice, '#/');
  const tweet = alice.locator('article.tweet', { hasText: 'Hello from bob' });
  assert.equal(await tweet.getByRole('link', { name: '#minitwitter' }).getAttribute('href'), '#/tag/minitwitter');
  assert.equal(await tweet.getByRole('link', { name: '@alice' }).getAttribute('href'), '#/u/alice');
  await gotoRoute(alice, '#/tag/minitwitter');
  await alice.getByRole('heading', { level: 1, name: '#minitwitter' }).waitFor();
  await alice.locator('article.tweet', { hasText: 'Hello from bob' }).waitFor();
  await gotoRoute(alice, '#/mentions');
  await alice.locator('article.tweet', { hasText: 'Hello from bob' }).waitFor();
});

test("a wrong password shows the server's message next to the login form", async () => {
  const expected = await serverError(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: 'alice', p: 'not-the-password' },
  );
  const page = await openUser('stranger');
  await gotoRoute(page, '#/login');
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  const region = page.locator('form.auth [role="status"]');
  assert.equal(await messageOf(region), expected);
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
  await shot(page, 'login-wrong-password');
});

test("a tweet over 280 characters shows the server's message", async () => {
  const text = 'x'.repeat(281);
  const token = await fetch(`${server.url}/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signup(username: "carol", password: "carol-password") { token } }' }),
  }).then((response) => response.json()).then((body) => body.data.signup.token);
  const expected = await serverError('mutation($t: String!) { postTweet(text: $t) { id } }', { t: text }, token);

  const page = pages.alice;
  await gotoRoute(page, '#/');
  const box = page.getByLabel('What’s happening?');
  await box.fill(text);
  const counter = page.locator('form.compose .counter');
  assert.match(await counter.textContent(), /^281\/280/);
  assert.equal(await counter.evaluate((element) => element.classList.contains('over')), true);
  await page.getByRole('button', { name: 'Tweet', exact: true }).click();
  assert.equal(await messageOf(page.locator('form.compose [role="status"]')), expected);
  assert.equal(await box.inputValue(), text, 'the text must stay for the user to shorten');
  assert.equal(await page.locator('article.tweet', { hasText: 'xxxxxxxxxx' }).count(), 0);
});

test('keyboard only: Tab to the post box, type, Ctrl+Enter posts; Enter likes', async () => {
  const page = pages.alice;
  await gotoRoute(page, '#/');
  const box = page.getByLabel('What’s happening?');
  let reached = false;
  for (let presses = 0; presses < 25 && !reached; presses += 1) {
    await page.keyboard.press('Tab');
    reached = await box.evaluate((element) => element === document.activeElement);
  }
  assert.ok(reached, 'Tab never reached the post box');
  const outline = await box.evaluate((element) => getComputedStyle(element).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused post box shows no focus outline');
  await page.keyboard.type('Typed with the keyboard alone');
  await page.keyboard.press('Control+Enter');
  const mine = page.locator('article.tweet', { hasText: 'Typed with the keyboard alone' });
  await mine.waitFor();
  // The pushed tweet can arrive before the post's own answer clears the box.
  await page.waitForFunction((element) => element.value === '', await box.elementHandle(), {
    timeout: WAIT_MS,
  }).catch(() => {});
  assert.equal(await box.inputValue(), '');

  // Tab on to the like button of bob's tweet and press Enter.
  const bobsTweet = page.locator('article.tweet', { hasText: 'Hello from bob' });
  const like = bobsTweet.getByRole('button', { name: /Like/ });
  reached = false;
  for (let presses = 0; presses < 40 && !reached; presses += 1) {
    await page.keyboard.press('Tab');
    reached = await like.evaluate((element) => element === document.activeElement);
  }
  assert.ok(reached, "Tab never reached the like button of bob's tweet");
  await page.keyboard.press('Enter');
  await bobsTweet.locator('button.like[aria-pressed="true"]').waitFor();
  assert.equal(await bobsTweet.locator('button.like .count').textContent(), '1');
});

test('retweets, and replies in the thread view', async () => {
  const page = pages.alice;
  await gotoRoute(page, '#/');
  const bobsTweet = page.locator('article.tweet', { hasText: 'Hello from bob' }).first();
  await bobsTweet.getByRole('button', { name: /Retweet/ }).click();
  await bobsTweet.locator('button.retweet[aria-pressed="true"]').waitFor();
  await bobsTweet.getByRole('link', { name: /Reply/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Tweet' }).waitFor();
  await page.locator('article.tweet.focal', { hasText: 'Hello from bob' }).waitFor();
  await page.getByLabel('Reply to @bob').fill('A reply from alice');
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  const reply = page.locator('ol[aria-label="Replies"] article.tweet', { hasText: 'A reply from alice' });
  await reply.waitFor();
  // The reply's own thread shows bob's tweet above it.
  await reply.getByRole('link', { name: /Reply/ }).click();
  await page.locator('ol.ancestors article.tweet', { hasText: 'Hello from bob' }).waitFor();
  await page.locator('article.tweet.focal', { hasText: 'A reply from alice' }).waitFor();
  await shot(page, 'thread');
});

test('bob blocks and unblocks alice on her profile', async () => {
  const page = pages.bob;
  await gotoRoute(page, '#/u/alice');
  await page.getByText('Follows you').waitFor();
  await page.getByRole('button', { name: 'Block', exact: true }).click();
  await page.getByRole('button', { name: 'Unblock' }).waitFor();
  await page.getByText('Blocked', { exact: true }).waitFor();
  assert.equal(await page.getByText('Follows you').count(), 0, 'a block removes follows both ways');
  await page.getByRole('button', { name: 'Unblock' }).click();
  await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
});

test('on a 360x740 screen nothing overflows sideways', async () => {
  const page = pages.alice;
  await page.setViewportSize({ width: 360, height: 740 });
  await gotoRoute(page, '#/');
  await page.locator('article.tweet').first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width}px wide at a 360px viewport`);
  await page.screenshot({ path: path.join(artifactsDir, 'home-360x740.png') });
  await gotoRoute(page, '#/u/bob');
  await page.getByRole('heading', { level: 1, name: 'Bob B.' }).waitFor();
  await page.locator('article.tweet').first().waitFor();
  await page.screenshot({ path: path.join(artifactsDir, 'profile-360x740.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoRoute(page, '#/');
  await page.locator('article.tweet').first().waitFor();
  await page.screenshot({ path: path.join(artifactsDir, 'home-360x740-dark.png') });
  await page.emulateMedia({ colorScheme: null });
});

test('logging out shows the login form again', async () => {
  const page = pages.bob;
  await gotoRoute(page, '#/');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome to minitwitter' }).waitFor();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
});

test('GraphiQL loads and runs { version }', async () => {
  const expected = await fetch(`${server.url}/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ version }' }),
  }).then((response) => response.json()).then((body) => body.data.version);
  const page = await openUser('graphiql');
  await page.goto(`${server.url}/graphiql/`);
  const missing = page.locator('#missing:not([hidden])');
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await Promise.race([editor.waitFor(), missing.waitFor()]);
  assert.equal(await missing.count(), 0, 'GraphiQL says it is not installed (site/graphiql/vendor/ is missing)');
  await editor.evaluate((element) => element.CodeMirror.setValue('{ version }'));
  await page.getByRole('button', { name: /Execute query/ }).click();
  const result = page.locator('.result-window');
  await result.filter({ hasText: expected }).waitFor();
  const shown = await result.locator('.CodeMirror').evaluate((element) => element.CodeMirror.getValue());
  assert.deepEqual(JSON.parse(shown), { data: { version: expected } });
  await shot(page, 'graphiql');
});

test('GraphiQL streams a subscription over Server-Sent Events', async () => {
  const page = pages.graphiql;
  const context = contexts.graphiql;
  // The request API shares the context's cookies: this logs the GraphiQL page in.
  const api = (query) => context.request.post(`${server.url}/api`, { data: { query } }).then((response) => response.json());
  const login = await api('mutation { login(username: "carol", password: "carol-password") { token } }');
  assert.ok(login.data?.login?.token, `login failed: ${JSON.stringify(login)}`);
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.evaluate((element) => element.CodeMirror.setValue('subscription { timelineTweet { text } }'));
  await page.getByRole('button', { name: /Execute query/ }).click();
  const result = page.locator('.result-window');
  const shownResult = () => result.locator('.CodeMirror').evaluate((element) => element.CodeMirror.getValue());
  // The stream is up once GraphiQL shows the stop button (a stream that failed ends).
  try {
    await page.getByRole('button', { name: /Stop query/ }).waitFor();
  } catch {
    assert.fail(`the subscription did not start in GraphiQL; it shows: ${await shownResult()}`);
  }
  const posted = await api('mutation { postTweet(text: "Streamed to GraphiQL") { id } }');
  assert.ok(posted.data?.postTweet?.id, `posting failed: ${JSON.stringify(posted)}`);
  try {
    await result.filter({ hasText: 'Streamed to GraphiQL' }).waitFor();
  } catch {
    assert.fail(`GraphiQL did not show the event; it shows: ${await shownResult()}`);
  }
  await shot(page, 'graphiql-subscription');
  await page.getByRole('button', { name: /Stop query/ }).click();
});

test('after the stream drops, the timeline reconnects and fetches what it missed', async () => {
  const alice = pages.alice;
  await gotoRoute(alice, '#/');
  await alice.evaluate(() => { window.stillTheSamePage = true; });
  await alice.locator('.live-status[data-state="live"]').waitFor();
  // Keep alice's page from subscribing again until her tweet is in, so that only the
  // refetch on reconnecting can show it.
  const refuseStreams = (route) => (route.request().headers().accept === 'text/event-stream' ? route.abort() : route.continue());
  await alice.route('**/api', refuseStreams);
  await server.stop();
  await alice.locator('.live-status[data-state="reconnecting"]').waitFor();
  server = await startServer({ binary, siteDir, dataDir, port: server.port });
  // Posted outside the page, with alice's session cookie (sessions outlive a restart).
  const posted = await contexts.alice.request.post(`${server.url}/api`, {
    data: { query: 'mutation { postTweet(text: "Posted while the stream was down") { id } }' },
  }).then((response) => response.json());
  assert.ok(posted.data?.postTweet?.id, `posting failed: ${JSON.stringify(posted)}`);
  const missed = alice.locator('article.tweet', { hasText: 'Posted while the stream was down' });
  assert.equal(await missed.count(), 0);
  await alice.unroute('**/api', refuseStreams);
  // The backoff grows while the server is down (1, 2, 4, 8, 16 s ceilings with jitter);
  // on a loaded machine the restart can take long enough for the next attempt to be
  // up to 16 s away.
  await missed.waitFor({ timeout: 4 * WAIT_MS });
  await alice.locator('.live-status[data-state="live"]').waitFor();
  assert.equal(await alice.evaluate(() => window.stillTheSamePage), true, 'the page was reloaded');
});

test('no page threw an uncaught error', () => {
  assert.deepEqual(pageErrors, []);
});
