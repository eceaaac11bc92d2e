#!/usr/bin/env node
// Prints the introspection query that introspection-compare.mjs expects an answer
// to: graphql-js's getIntrospectionQuery with every option the engine supports.
//
//   node print-introspection-query.mjs          the query text
//   node print-introspection-query.mjs --json   a GraphQL-over-HTTP request body,
//                                               {"query": ..., "operationName": "IntrospectionQuery"}
import { getIntrospectionQuery } from 'graphql';

import { INTROSPECTION_OPTIONS, parseArgs } from './lib.mjs';

let args;
try {
  args = parseArgs(process.argv.slice(2), { flags: ['json'] });
  if (args.positional.length) throw new Error(`unexpected argument ${args.positional[0]}`);
} catch (error) {
  console.error(`print-introspection-query: ${error.message}`);
  console.error('usage: node print-introspection-query.mjs [--json]');
  process.exit(2);
}
const query = getIntrospectionQuery(INTROSPECTION_OPTIONS);
if (args.opts.json) {
  process.stdout.write(`${JSON.stringify({ query, operationName: 'IntrospectionQuery' })}\n`);
} else {
  process.stdout.write(query.endsWith('\n') ? query : `${query}\n`);
}
