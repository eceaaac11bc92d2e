#!/usr/bin/env node
// graphql-js's side of the execution benchmark: the same schema, query, variables and
// in-memory data as the C++ graphql_execution_benchmark, so the two throughputs can
// be set side by side.
//
//   node bench-graphqljs.mjs DIR [--seconds N] [--warmup N] [--json] [--phases] [--print-result]
//
// DIR holds schema.graphql, query.graphql, data.json and, optionally, variables.json
// (tests/benchmarks/graphql). It times the cases of graphql_execution_benchmark.cc
// under the same names: ParseValidateExecute (parse + validate + execute with
// synchronous in-memory resolvers) and ParseValidateExecuteToJson (the same and the
// response's JSON); with --phases also Parse, Validate, Execute and ResponseToJson
// alone. Each case: --warmup seconds (default 2), then --seconds (default 5) of
// operations, one thread, reported as operations per second (the C++ side's
// items_per_second).
//   --json          print one JSON object instead of text: {"opsPerSec" (of
//                   ParseValidateExecute), "benchmarks": {name: {opsPerSec, meanMicros,
//                   iterations, seconds}}, ...}
//   --print-result  print the execution result (JSON) once and exit: for checking
//                   that both engines compute the same response
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, execute, parse, validate, version as graphqlVersion } from 'graphql';

import { parseArgs } from './lib.mjs';

let args;
try {
  args = parseArgs(process.argv.slice(2), {
    options: ['seconds', 'warmup'],
    flags: ['json', 'phases', 'print-result'],
  });
  if (args.positional.length !== 1) throw new Error('expected one directory');
} catch (error) {
  console.error(`bench-graphqljs: ${error.message}`);
  console.error('usage: node bench-graphqljs.mjs DIR [--seconds N] [--warmup N] [--json] [--phases] [--print-result]');
  process.exit(2);
}
const [dir] = args.positional;
const seconds = Number(args.opts.seconds ?? 5);
const warmup = Number(args.opts.warmup ?? 2);

function read(name, optional = false) {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch (error) {
    if (optional && error.code === 'ENOENT') return undefined;
    console.error(`bench-graphqljs: cannot read ${join(dir, name)}: ${error.message}`);
    process.exit(2);
  }
}

const schema = buildSchema(read('schema.graphql'));
const query = read('query.graphql');
const variablesText = read('variables.json', true);
const variableValues = variablesText === undefined ? {} : JSON.parse(variablesText);
const data = JSON.parse(read('data.json'));

// --- in-memory resolvers, mirroring graphql_execution_benchmark.cc ---------------------
// As tests/benchmarks/graphql/README.md specifies them. The data: { viewerId, users,
// tweets with authorId, mentionIds, inReplyToId }. The id and username indexes are
// built once, outside the timed loop, as the C++ fixture does; the timeline's order is
// made per call, as the C++ resolver makes it.
const usersById = new Map(data.users.map((u) => [u.id, u]));
const usersByName = new Map(data.users.map((u) => [u.username, u]));
const tweetsById = new Map(data.tweets.map((t) => [t.id, t]));
const lookup = (index, id) => (typeof id === 'string' ? index.get(id) ?? null : null);

const resolvers = {
  Query: {
    viewer: () => lookup(usersById, data.viewerId),
    user: (_, { username }) => usersByName.get(username) ?? null,
    timeline: (_, { first, after, order }) => {
      const tweets = data.tweets.slice();
      // Array.prototype.sort is stable: ties stay in file order.
      if (order === 'TOP') tweets.sort((a, b) => b.likeCount - a.likeCount);
      let start = 0;
      if (typeof after === 'string') {
        for (let i = 0; i < tweets.length; i++) if (tweets[i].id === after) start = i + 1;
      }
      return tweets.slice(start, start + Math.max(0, first));
    },
    node: (_, { id }) => lookup(usersById, id) ?? lookup(tweetsById, id),
  },
  User: {
    tweets: (user, { first }) => {
      const own = [];
      for (const tweet of data.tweets) {
        if (own.length >= first) break;
        if (tweet.authorId === user.id) own.push(tweet);
      }
      return own;
    },
  },
  Tweet: {
    author: (tweet) => lookup(usersById, tweet.authorId),
    mentions: (tweet) => tweet.mentionIds.map((id) => lookup(usersById, id)),
    inReplyTo: (tweet) => lookup(tweetsById, tweet.inReplyToId),
  },
};
// Attached to the schema built from the SDL, graphql-js's own way for SDL schemas.
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName);
  if (!type) throw new Error(`bench-graphqljs: resolvers for ${typeName}, which the schema does not define`);
  const defs = type.getFields();
  for (const [fieldName, resolve] of Object.entries(fields)) {
    if (!defs[fieldName]) throw new Error(`bench-graphqljs: resolver for ${typeName}.${fieldName}, not in the schema`);
    defs[fieldName].resolve = resolve;
  }
}
const nodeType = schema.getType('Node');
if (nodeType) nodeType.resolveType = (value) => (value && 'username' in value ? 'User' : 'Tweet');

// --- the measured operations: the C++ benchmark's cases, by the same names -------------
const run = (document) => {
  const result = execute({ schema, document, variableValues });
  if (typeof result?.then === 'function') throw new Error('execution went asynchronous');
  return result;
};
function parseValidateExecute() {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(`validation failed: ${errors[0].message}`);
  return run(document);
}

const firstResult = parseValidateExecute();
if (firstResult.errors?.length || !firstResult.data) {
  console.error(`bench-graphqljs: the request failed: ${JSON.stringify(firstResult).slice(0, 500)}`);
  process.exit(1);
}
const responseBytes = Buffer.byteLength(JSON.stringify(firstResult));
if (args.opts['print-result']) {
  process.stdout.write(`${JSON.stringify(firstResult, null, 2)}\n`);
  process.exit(0);
}

const parsed = parse(query);
const cases = {
  ParseValidateExecute: parseValidateExecute,
  ParseValidateExecuteToJson: () => JSON.stringify(parseValidateExecute()),
};
if (args.opts.phases) {
  Object.assign(cases, {
    Parse: () => parse(query),
    Validate: () => validate(schema, parsed),
    Execute: () => run(parsed),
    ResponseToJson: () => JSON.stringify(firstResult),
  });
}

let sink = 0;
function measure(fn, durationSeconds) {
  const limit = BigInt(Math.round(durationSeconds * 1e9));
  const start = process.hrtime.bigint();
  let iterations = 0;
  let elapsed = 0n;
  let batch = 1;
  while (elapsed < limit) {
    for (let i = 0; i < batch; i++) if (fn()) sink++;
    iterations += batch;
    elapsed = process.hrtime.bigint() - start;
    if (elapsed < 20_000_000n) batch *= 2;
  }
  const taken = Number(elapsed) / 1e9;
  return { opsPerSec: iterations / taken, meanMicros: (taken * 1e6) / iterations, iterations, seconds: taken };
}

const benchmarks = {};
for (const [name, fn] of Object.entries(cases)) {
  measure(fn, warmup);
  benchmarks[name] = measure(fn, seconds);
}

if (args.opts.json) {
  console.log(JSON.stringify({
    engine: 'graphql-js',
    graphqlVersion,
    node: process.version,
    dir,
    responseBytes,
    opsPerSec: benchmarks.ParseValidateExecute.opsPerSec,
    benchmarks,
  }));
} else {
  console.log(`graphql-js ${graphqlVersion} on Node ${process.version}, ${dir} (response ${responseBytes} bytes, ` +
    `${warmup} s warm-up and ${seconds} s per case)`);
  for (const [name, b] of Object.entries(benchmarks)) {
    console.log(`${name.padEnd(28)} ${b.opsPerSec.toFixed(0).padStart(8)} ops/s ${b.meanMicros.toFixed(2).padStart(10)} µs/op ` +
      `(${b.iterations} in ${b.seconds.toFixed(2)} s)`);
  }
}
if (sink < 0) console.log(sink);
