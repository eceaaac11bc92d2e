// GraphiQL on minitwitter's /api: queries and mutations are POSTed as JSON with the
// session cookie; subscriptions stream over Server-Sent Events (graphql-sse, distinct
// connections), which GraphiQL shows result by result from an async iterator.

import { subscriptionResults } from '/js/sse.js';
import { operationType } from './operation-type.js';

const DEFAULT_QUERY = `# minitwitter's GraphQL API at /api.
# Queries act as the user logged in on the
# main page (its session cookie is sent),
# or log in here with the login mutation.
#
# Live updates stream, for example:
# subscription { timelineTweet { text } }

{
  version
  serverTime
  me { username displayName }
}
`;

// An async iterator GraphiQL can stop at any moment (return() aborts the connection,
// even while it waits for the next event).
function subscription(params, headers) {
  const controller = new AbortController();
  const results = subscriptionResults(params.query, params.variables ?? {}, {
    signal: controller.signal,
    operationName: params.operationName ?? undefined,
    headers,
  });
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => results.next(),
    return: async () => {
      controller.abort();
      return { done: true, value: undefined };
    },
  };
}

async function fetcher(params, options = {}) {
  const headers = options.headers ?? {};
  if (operationType(params.query, params.operationName) === 'subscription') return subscription(params, headers);
  const response = await fetch('/api', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json;q=0.9' },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `The server answered ${response.status} ${response.statusText}: ${text.slice(0, 200)}` }] };
  }
}

if (window.React && window.ReactDOM && window.GraphiQL) {
  const root = window.ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(window.React.createElement(window.GraphiQL, {
    fetcher,
    defaultQuery: DEFAULT_QUERY,
    defaultEditorToolsVisibility: false,
  }));
} else {
  document.getElementById('graphiql').hidden = true;
  document.getElementById('missing').hidden = false;
}
