// GraphQL subscriptions over Server-Sent Events, the graphql-sse protocol's "distinct
// connections" mode: the subscription is POSTed to /api with Accept: text/event-stream,
// and the answer streams `event: next` (data: an execution result) per event, then
// `event: complete`. EventSource cannot POST, so this reads the stream with fetch().

import { ApiError } from './api.js';

// The event-stream format (HTML Living Standard, "Server-sent events"): lines ending
// in CR, LF or CRLF; a blank line dispatches the event; lines starting with ':' are
// comments (keep-alives).
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.resetEvent();
  }

  resetEvent() {
    this.eventType = '';
    this.dataLines = [];
  }

  push(text) {
    this.buffer += text;
    let start = 0;
    for (;;) {
      const match = /\r\n|\r|\n/g;
      match.lastIndex = start;
      const found = match.exec(this.buffer);
      // A CR at the very end may be the first half of a CRLF: wait for more.
      if (!found || (found[0] === '\r' && found.index === this.buffer.length - 1)) break;
      this.line(this.buffer.slice(start, found.index));
      start = found.index + found[0].length;
    }
    this.buffer = this.buffer.slice(start);
  }

  line(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventType = value;
    else if (field === 'data') this.dataLines.push(value);
  }

  dispatch() {
    // graphql-sse's `complete` may come without a data line; dispatch it all the same.
    if (this.dataLines.length > 0 || this.eventType !== '') {
      this.onEvent({ event: this.eventType || 'message', data: this.dataLines.join('\n') });
    }
    this.resetEvent();
  }
}

// Runs one subscription over one connection and yields its execution results until
// the server completes the stream (or it ends). When the server answers with a plain
// GraphQL result instead of a stream (a request error, not logged in), yields that
// one result. Throws ApiError when the connection fails; abort `signal` to stop.
// `onOpen` is called once the stream has started. `operationName` and extra `headers`
// (say, Authorization) are passed on as given.
export async function* subscriptionResults(query, variables = {}, { signal, onOpen, operationName, headers } = {}) {
  let response;
  try {
    response = await fetch('/api', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headers, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables, operationName }),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) return;
    throw new ApiError(`Cannot reach the server (${error.message}).`, 'NETWORK');
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.startsWith('text/event-stream')) {
    let result;
    try {
      result = await response.json();
    } catch {
      throw new ApiError(`The server answered ${response.status} ${response.statusText} instead of an event stream.`, `HTTP_${response.status}`);
    }
    yield result;
    return;
  }
  onOpen?.();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events = [];
  const parser = new SseParser((event) => events.push(event));
  try {
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) return;
        throw new ApiError(`The event stream broke off (${error.message}).`, 'NETWORK');
      }
      if (chunk.done) return;
      parser.push(chunk.value);
      while (events.length > 0) {
        const event = events.shift();
        if (event.event === 'complete') return;
        if (event.event === 'next') yield JSON.parse(event.data);
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
