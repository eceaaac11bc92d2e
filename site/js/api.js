// The GraphQL API at /api. The session is the HttpOnly cookie the server sets at login,
// so requests only need to send cookies (same origin).

export class ApiError extends Error {
  // code: extensions.code (BAD_USER_INPUT, UNAUTHENTICATED, ...), or NETWORK / HTTP_<status>
  // field: extensions.field for BAD_USER_INPUT (the argument that was wrong)
  constructor(message, code = null, field = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

const ACCEPT_RESULT = 'application/graphql-response+json, application/json;q=0.9';

// Runs a query or mutation; resolves to `data`, or rejects with an ApiError carrying
// the first error's message and code (the server's own words, shown to the user).
export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/api', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: ACCEPT_RESULT },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(`Cannot reach the server (${error.message}).`, 'NETWORK');
  }
  let result;
  try {
    result = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText}.`, `HTTP_${response.status}`);
  }
  if (Array.isArray(result.errors) && result.errors.length > 0) {
    const [first] = result.errors;
    throw new ApiError(first.message, first.extensions?.code ?? null, first.extensions?.field ?? null);
  }
  if (!response.ok || !result.data) {
    throw new ApiError(`The server answered ${response.status} ${response.statusText}.`, `HTTP_${response.status}`);
  }
  return result.data;
}
