// Which kind of operation a GraphQL document runs, read from its text: GraphiQL's
// parsed document can lag behind the editor, and the fetcher must know before it
// sends whether to ask for an event stream.

const KEYWORDS = new Set(['query', 'mutation', 'subscription', 'fragment']);

// 'query', 'mutation' or 'subscription': the type of the operation named
// `operationName`, else of the first operation ('query' when there is none).
export function operationType(query, operationName = null) {
  // Strings and comments hold no braces or keywords that count.
  const text = query.replace(/"""[\s\S]*?"""|"(?:\\.|[^"\\\n\r])*"|#[^\n\r]*/g, ' ');
  const definitions = [];
  let braces = 0;
  let parens = 0; // variable defaults may hold object values: { } inside ( )
  const token = /[{}()]|[_A-Za-z][_0-9A-Za-z]*/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const word = match[0];
    if (word === '(') parens += 1;
    else if (word === ')') parens = Math.max(0, parens - 1);
    else if (parens > 0) continue;
    else if (word === '{') {
      if (braces === 0) {
        const last = definitions.at(-1);
        if (last && !last.open) last.open = true;
        else definitions.push({ type: 'query', name: null, open: true }); // the { } shorthand
      }
      braces += 1;
    } else if (word === '}') {
      braces = Math.max(0, braces - 1);
    } else if (braces === 0 && KEYWORDS.has(word)) {
      const name = /^\s*([_A-Za-z][_0-9A-Za-z]*)/.exec(text.slice(token.lastIndex));
      definitions.push({ type: word, name: name?.[1] ?? null, open: false });
    }
  }
  const operations = definitions.filter((definition) => definition.type !== 'fragment');
  const chosen = operationName
    ? operations.find((operation) => operation.name === operationName)
    : operations[0];
  return chosen?.type ?? 'query';
}
