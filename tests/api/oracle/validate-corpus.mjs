#!/usr/bin/env node
// graphql-js's verdicts on the validation corpus.
//
//   node validate-corpus.mjs [--schema FILE] [--documents DIR] [--out FILE]
//
// Parses and validates every DIR/*.graphql (default corpus/documents) against the
// schema (default corpus/schema.graphql) with graphql-js's `validate` and its default
// rules, and prints (or writes to --out) one JSON object, keys sorted:
//
//   { "<file name>": { "valid": bool, "errors": [ { "message": "...",
//                      "locations": [ { "line": 1, "column": 3 } ] } ] } }
//
// A syntax error makes a document invalid, with the parser's error as its one error.
// A summary goes to standard error. Exits 2 on a usage error or a bad schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_DOCUMENTS, DEFAULT_SCHEMA, listDocuments, loadSchema, parseArgs, verdict } from './lib.mjs';

let args;
try {
  args = parseArgs(process.argv.slice(2), { options: ['schema', 'documents', 'out'] });
  if (args.positional.length) throw new Error(`unexpected argument ${args.positional[0]}`);
} catch (error) {
  console.error(`validate-corpus: ${error.message}`);
  console.error('usage: node validate-corpus.mjs [--schema FILE] [--documents DIR] [--out FILE]');
  process.exit(2);
}
const schemaPath = args.opts.schema ?? DEFAULT_SCHEMA;
const documentsDir = args.opts.documents ?? DEFAULT_DOCUMENTS;

let schema;
try {
  schema = loadSchema(schemaPath);
} catch (error) {
  console.error(`validate-corpus: ${schemaPath}: ${error.message}`);
  process.exit(2);
}

const results = {};
let valid = 0;
let syntax = 0;
const crashed = [];
const files = listDocuments(documentsDir);
for (const file of files) {
  const result = verdict(schema, readFileSync(join(documentsDir, file), 'utf8'), file);
  if (result.crashed) crashed.push(file);
  delete result.crashed;
  results[file] = result;
  if (result.valid) valid++;
  else if (result.errors[0]?.message.startsWith('Syntax Error')) syntax++;
}

const json = `${JSON.stringify(results, null, 2)}\n`;
if (args.opts.out) writeFileSync(args.opts.out, json);
else process.stdout.write(json);

console.error(`validate-corpus: ${files.length} documents: ${valid} valid, ${files.length - valid} invalid ` +
  `(${syntax} with a syntax error)`);
for (const file of crashed) console.error(`validate-corpus: warning: graphql-js threw while validating ${file}`);
