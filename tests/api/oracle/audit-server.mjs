#!/usr/bin/env node
// Runs graphql-http's GraphQL-over-HTTP conformance audit against a live server.
//
//   node audit-server.mjs URL [--out FILE] [--timeout SECONDS]
//
// URL is the GraphQL endpoint, e.g. http://127.0.0.1:8080/graphql. Every audit result
// is printed (status ok/notice/warn/error, id, name and, when not ok, the reason and
// the response's status and content type). --out FILE also writes them as JSON:
//   [ { "id", "name", "status", "reason"?, "response"?: { "status", "contentType", "body" } } ]
// Each request gives up after --timeout seconds (default 10). Exits 1 if any result
// is an error (a MUST of the convention not met), 2 on a usage error; warnings and
// notices do not fail.
import { writeFileSync } from 'node:fs';

import { auditServer } from 'graphql-http';

import { parseArgs } from './lib.mjs';

let args;
try {
  args = parseArgs(process.argv.slice(2), { options: ['out', 'timeout'] });
  if (args.positional.length !== 1) throw new Error('expected one URL');
  new URL(args.positional[0]);
} catch (error) {
  console.error(`audit-server: ${error.message}`);
  console.error('usage: node audit-server.mjs URL [--out FILE] [--timeout SECONDS]');
  process.exit(2);
}
const [url] = args.positional;
const timeoutMs = Number(args.opts.timeout ?? 10) * 1000;

const fetchFn = (input, init = {}) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });

let results;
try {
  results = await auditServer({ url, fetchFn });
} catch (error) {
  console.error(`audit-server: the audit could not run against ${url}: ${error.message}`);
  process.exit(1);
}

async function describeResponse(response) {
  if (!response || typeof response.status !== 'number') return undefined;
  let body;
  try {
    if (!response.bodyUsed) body = (await response.clone().text()).slice(0, 2000);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers?.get('content-type') ?? null, body };
}

const order = { error: 0, warn: 1, notice: 2, ok: 3 };
const records = [];
for (const result of results) {
  const record = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    record.reason = result.reason;
    const response = await describeResponse(result.response);
    if (response) record.response = response;
  }
  records.push(record);
}

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const r of [...records].sort((a, b) => order[a.status] - order[b.status])) {
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  let line = `${r.status.padEnd(6)} ${r.id}  ${r.name}`;
  if (r.status !== 'ok') {
    line += `\n         reason: ${r.reason}`;
    if (r.response) line += `\n         response: ${r.response.status} ${r.response.contentType ?? '(no content-type)'}`;
  }
  console.log(line);
}
if (args.opts.out) writeFileSync(args.opts.out, `${JSON.stringify(records, null, 2)}\n`);
console.log(
  `audit-server: ${records.length} audits against ${url}: ${counts.ok} ok, ${counts.notice} notice, ` +
    `${counts.warn} warn, ${counts.error} error${args.opts.out ? ` (written to ${args.opts.out})` : ''}`,
);
process.exit(counts.error ? 1 : 0);
