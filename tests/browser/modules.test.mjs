// Unit tests of the front end's pure modules (site/js), in Node.js: no browser needed.
//
//   node modules.test.mjs

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { operationType } from '../../site/graphiql/operation-type.js';
import { SseParser } from '../../site/js/sse.js';
import { codePointLength, tweetSegments } from '../../site/js/text.js';

function parse(chunks) {
  const events = [];
  const parser = new SseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

test('SSE: events end at a blank line; comments and unknown fields are ignored', () => {
  assert.deepEqual(parse([': keep-alive\n\nevent: next\nid: 1\ndata: {"data":1}\n\nevent: complete\n\n']), [
    { event: 'next', data: '{"data":1}' },
    { event: 'complete', data: '' },
  ]);
});

test('SSE: data lines join with newlines; one leading space is dropped', () => {
  assert.deepEqual(parse(['data:a\ndata:  b\n\n']), [{ event: 'message', data: 'a\n b' }]);
});

test('SSE: any line ending, split anywhere across chunks (a CRLF too)', () => {
  const whole = 'event: next\r\ndata: {"x":"é"}\r\n\r\nevent: next\rdata: 2\r\revent: next\ndata: 3\n\n';
  const expected = [
    { event: 'next', data: '{"x":"é"}' },
    { event: 'next', data: '2' },
    { event: 'next', data: '3' },
  ];
  for (let cut = 0; cut <= whole.length; cut += 1) {
    assert.deepEqual(parse([whole.slice(0, cut), whole.slice(cut)]), expected, `cut at ${cut}`);
  }
  assert.deepEqual(parse([...whole]), expected, 'one character at a time');
});

test('SSE: an event without its blank line is not dispatched yet', () => {
  assert.deepEqual(parse(['event: next\ndata: 1\n']), []);
});

test('code points, not UTF-16 units, as the server counts', () => {
  assert.equal(codePointLength(''), 0);
  assert.equal(codePointLength('abc'), 3);
  assert.equal(codePointLength('😀😀'), 2);
  assert.equal(codePointLength('é'), 1);
});

test('only the hashtags and mentions the server recognised are linked', () => {
  assert.deepEqual(tweetSegments('hi @Bob and @carol, see #News #1 a#b', ['news'], ['bob']), [
    { text: 'hi ' },
    { mention: 'Bob', text: '@Bob' },
    { text: ' and @carol, see ' },
    { hashtag: 'news', text: '#News' },
    { text: ' #1 a#b' },
  ]);
});

test('hashtags end at the first non-word character, letters of any script included', () => {
  assert.deepEqual(tweetSegments('#café! #日本語', ['café', '日本語'], []), [
    { hashtag: 'café', text: '#café' },
    { text: '! ' },
    { hashtag: '日本語', text: '#日本語' },
  ]);
});

test('text without entities is one segment, and markup stays text', () => {
  assert.deepEqual(tweetSegments('<b>hi</b> & bye', [], []), [{ text: '<b>hi</b> & bye' }]);
});

test("GraphiQL's fetcher tells subscriptions from queries and mutations", () => {
  assert.equal(operationType('{ version }'), 'query');
  assert.equal(operationType('subscription { timelineTweet { text } }'), 'subscription');
  assert.equal(operationType('# subscription { x }\nmutation M { echo(message: "subscription {") }'), 'mutation');
  assert.equal(operationType('fragment F on Tweet { id }\nsubscription S { timelineTweet { ...F } }'), 'subscription');
  const two = 'query Q { version }\nsubscription S { mentioned { id } }';
  assert.equal(operationType(two), 'query');
  assert.equal(operationType(two, 'S'), 'subscription');
  assert.equal(operationType('query Q($i: In = {a: 1}) { x }\nsubscription S { y }', 'S'), 'subscription');
  assert.equal(operationType('{ a }\nsubscription S { b }', 'S'), 'subscription');
  assert.equal(operationType(''), 'query');
});
