// A subscription that stays up: reconnects with exponential backoff (1 s doubling to
// 30 s, with jitter) whenever the stream ends or fails, and tells the page when it
// came back so that the page can refetch what it missed (events are best effort).

import { subscriptionResults } from './sse.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
// A stream open this long counts as having worked.
const HEALTHY_STREAM_MS = 10000;

export class LiveSubscription {
  // onData(data): each event's data; onStatus(state): 'connecting' | 'live' |
  // 'reconnecting' | 'off'; onReconnect(): the stream is back after a gap.
  constructor(query, variables, { onData, onStatus = () => {}, onReconnect = () => {} }) {
    this.query = query;
    this.variables = variables;
    this.onData = onData;
    this.onStatus = onStatus;
    this.onReconnect = onReconnect;
    this.controller = new AbortController();
    this.stopped = false;
  }

  start() {
    this.run();
    return this;
  }

  stop() {
    this.stopped = true;
    this.controller.abort();
  }

  async run() {
    let failures = 0;
    let hadGap = false;
    while (!this.stopped) {
      this.onStatus(hadGap ? 'reconnecting' : 'connecting');
      let gaveUp = false;
      let openedAt = null;
      let delivered = false;
      try {
        const results = subscriptionResults(this.query, this.variables, {
          signal: this.controller.signal,
          onOpen: () => {
            openedAt = Date.now();
            this.onStatus('live');
            if (hadGap) this.onReconnect();
          },
        });
        for await (const result of results) {
          if (this.stopped) return;
          if (result.data) {
            delivered = true;
            this.onData(result.data);
          }
          const code = result.errors?.[0]?.extensions?.code;
          // Not logged in (or the session ended): retrying cannot help.
          if (code === 'UNAUTHENTICATED') gaveUp = true;
        }
      } catch (error) {
        if (this.stopped) return;
        console.warn('live updates:', error.message);
      }
      if (this.stopped) return;
      if (gaveUp) {
        this.onStatus('off');
        return;
      }
      // A stream that worked for a while starts the backoff afresh; one the server
      // ends at once (an error) keeps backing off.
      if (delivered || (openedAt !== null && Date.now() - openedAt > HEALTHY_STREAM_MS)) failures = 0;
      hadGap = true;
      failures += 1;
      const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
      this.onStatus('reconnecting');
      await this.sleep(ceiling / 2 + (Math.random() * ceiling) / 2);
    }
  }

  sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.controller.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
