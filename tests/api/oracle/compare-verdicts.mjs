#!/usr/bin/env node
// Compares two sets of verdicts on the validation corpus, as validate-corpus.mjs
// writes them: { "<file>": { "valid": bool, "errors": [ {message, locations} ] } }.
//
//   node compare-verdicts.mjs EXPECTED.json ACTUAL.json [--show N] [--quiet]
//
// EXPECTED is graphql-js's (validate-corpus.mjs), ACTUAL the engine under test's.
// Every document must have the same verdict (valid or invalid) in both, and every
// document must be in both: each disagreement is listed and the exit status is 1.
// Differences in the errors themselves (how many, their messages, their locations)
// are counted and a few shown (--show N, default 10) but do not fail.
import { readFileSync } from 'node:fs';

import { parseArgs } from './lib.mjs';

let args;
try {
  args = parseArgs(process.argv.slice(2), { options: ['show'], flags: ['quiet'] });
  if (args.positional.length !== 2) throw new Error('expected two files');
} catch (error) {
  console.error(`compare-verdicts: ${error.message}`);
  console.error('usage: node compare-verdicts.mjs EXPECTED.json ACTUAL.json [--show N] [--quiet]');
  process.exit(2);
}
const [expectedPath, actualPath] = args.positional;
const show = Number(args.opts.show ?? 10);

function load(path) {
  let data;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`compare-verdicts: cannot read ${path}: ${error.message}`);
    process.exit(2);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    console.error(`compare-verdicts: ${path}: expected a JSON object keyed by document file name`);
    process.exit(2);
  }
  for (const [file, verdict] of Object.entries(data)) {
    if (typeof verdict?.valid !== 'boolean' || (verdict.errors !== undefined && !Array.isArray(verdict.errors))) {
      console.error(`compare-verdicts: ${path}: "${file}" has no boolean "valid" (or a non-array "errors")`);
      process.exit(2);
    }
  }
  return data;
}

const expected = load(expectedPath);
const actual = load(actualPath);

const missing = Object.keys(expected).filter((f) => !(f in actual)).sort();
const extra = Object.keys(actual).filter((f) => !(f in expected)).sort();
const disagreements = [];
const messageDiffs = [];
const locationDiffs = [];
const countDiffs = [];
let agreeValid = 0;
let agreeInvalid = 0;

const messages = (v) => (v.errors ?? []).map((e) => String(e?.message ?? '')).sort();
const locations = (v) =>
  (v.errors ?? [])
    .map((e) => (e?.locations ?? []).map((l) => `${l.line}:${l.column}`).join(','))
    .sort()
    .join(' | ');
const firstMessages = (v, n = 3) => (v.errors ?? []).slice(0, n).map((e) => e?.message);

for (const file of Object.keys(expected).sort()) {
  if (!(file in actual)) continue;
  const e = expected[file];
  const a = actual[file];
  if (e.valid !== a.valid) {
    disagreements.push({ file, e, a });
    continue;
  }
  if (e.valid) {
    agreeValid++;
    continue;
  }
  agreeInvalid++;
  const em = messages(e);
  const am = messages(a);
  if (em.length !== am.length) countDiffs.push({ file, e, a });
  if (em.join('\n') !== am.join('\n')) messageDiffs.push({ file, e, a });
  else if (locations(e) !== locations(a)) locationDiffs.push({ file, e, a });
}

const out = [];
const total = Object.keys(expected).length;
if (!args.opts.quiet || disagreements.length || missing.length || extra.length) {
  for (const { file, e, a } of disagreements) {
    out.push(`DISAGREE ${file}: expected ${e.valid ? 'valid' : 'invalid'}, actual ${a.valid ? 'valid' : 'invalid'}`);
    for (const m of firstMessages(e)) out.push(`    expected error: ${m}`);
    for (const m of firstMessages(a)) out.push(`    actual error:   ${m}`);
  }
  for (const file of missing) out.push(`MISSING  ${file}: in ${expectedPath} but not in ${actualPath}`);
  for (const file of extra) out.push(`EXTRA    ${file}: in ${actualPath} but not in ${expectedPath}`);
}
out.push(
  `compare-verdicts: ${total} documents: ${agreeValid + agreeInvalid} agree (${agreeValid} valid, ${agreeInvalid} invalid), ` +
    `${disagreements.length} disagree, ${missing.length} missing, ${extra.length} extra`,
);
out.push(
  `compare-verdicts: of the ${agreeInvalid} agreed invalid: ${messageDiffs.length} with different error messages ` +
    `(${countDiffs.length} with a different number of errors), ${locationDiffs.length} more with only different locations (not a failure)`,
);
if (!args.opts.quiet) {
  for (const { file, e, a } of messageDiffs.slice(0, show)) {
    out.push(`  messages differ: ${file}`);
    for (const m of firstMessages(e, 2)) out.push(`    graphql-js: ${m}`);
    for (const m of firstMessages(a, 2)) out.push(`    actual:     ${m}`);
  }
  for (const { file, e, a } of locationDiffs.slice(0, Math.max(0, show - messageDiffs.length))) {
    out.push(`  locations differ: ${file}: graphql-js ${locations(e)}; actual ${locations(a)}`);
  }
}
console.log(out.join('\n'));
const failed = disagreements.length + missing.length + extra.length;
console.log(failed ? `compare-verdicts: FAIL (${failed} problems)` : 'compare-verdicts: OK');
process.exit(failed ? 1 : 0);
