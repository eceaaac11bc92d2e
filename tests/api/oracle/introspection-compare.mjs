#!/usr/bin/env node
// Checks an engine's introspection answer against graphql-js's own reading of the
// same SDL.
//
//   node introspection-compare.mjs SDL_FILE INTROSPECTION_JSON_FILE
//
// INTROSPECTION_JSON_FILE holds the result of executing the query that
// print-introspection-query.mjs prints: either the whole response
// ({"data": {"__schema": ...}, "errors": ...}) or its "data" ({"__schema": ...}).
// It goes through graphql-js's buildClientSchema (which rejects a malformed answer),
// and printSchema(lexicographicSortSchema(...)) of that must equal the same print of
// buildSchema(SDL). Exits 0 when they are equal, 1 with a unified diff (--- from the
// SDL, +++ from the introspection answer) when they differ or the answer is not
// usable, 2 on a usage error or an unreadable SDL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Source, buildClientSchema, buildSchema, lexicographicSortSchema, printSchema } from 'graphql';

import { parseArgs } from './lib.mjs';

let args;
try {
  args = parseArgs(process.argv.slice(2));
  if (args.positional.length !== 2) throw new Error('expected two files');
} catch (error) {
  console.error(`introspection-compare: ${error.message}`);
  console.error('usage: node introspection-compare.mjs SDL_FILE INTROSPECTION_JSON_FILE');
  process.exit(2);
}
const [sdlPath, introspectionPath] = args.positional;

let expected;
try {
  expected = printSchema(lexicographicSortSchema(buildSchema(new Source(readFileSync(sdlPath, 'utf8'), sdlPath))));
} catch (error) {
  console.error(`introspection-compare: ${sdlPath}: ${error.message}`);
  process.exit(2);
}

function fail(message) {
  console.error(`introspection-compare: ${introspectionPath}: ${message}`);
  process.exit(1);
}

let response;
try {
  response = JSON.parse(readFileSync(introspectionPath, 'utf8'));
} catch (error) {
  fail(`not readable JSON: ${error.message}`);
}
if (response === null || typeof response !== 'object') fail('expected a JSON object');
let data = response;
if (!('__schema' in response)) {
  if (Array.isArray(response.errors) && response.errors.length) {
    fail(`the response has errors: ${response.errors.map((e) => e?.message).join('; ')}`);
  }
  if (response.data === null || typeof response.data !== 'object' || !('__schema' in response.data)) {
    fail('neither {"__schema": ...} nor {"data": {"__schema": ...}}');
  }
  data = response.data;
}

let actual;
try {
  actual = printSchema(lexicographicSortSchema(buildClientSchema(data)));
} catch (error) {
  fail(`buildClientSchema rejected the introspection result: ${error.message}`);
}

if (actual === expected) {
  const types = Object.keys(buildSchema(readFileSync(sdlPath, 'utf8')).getTypeMap()).length;
  console.log(`introspection-compare: equal (${types} types, ${expected.split('\n').length} lines of printed schema)`);
  process.exit(0);
}

// Differ: show a unified diff. diffutils is an essential Debian package; should it be
// missing, print both schemas instead.
const dir = mkdtempSync(join(tmpdir(), 'introspection-compare-'));
try {
  const a = join(dir, 'expected.graphql');
  const b = join(dir, 'actual.graphql');
  writeFileSync(a, `${expected}\n`);
  writeFileSync(b, `${actual}\n`);
  const diff = spawnSync('diff', ['-u', '--label', `${sdlPath} (buildSchema)`, '--label', `${introspectionPath} (buildClientSchema)`, a, b], {
    encoding: 'utf8',
  });
  if (diff.error || diff.status === 2) {
    console.log(`--- ${sdlPath} (buildSchema)\n${expected}\n+++ ${introspectionPath} (buildClientSchema)\n${actual}`);
  } else {
    process.stdout.write(diff.stdout);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.error('introspection-compare: the printed schemas differ');
process.exit(1);
