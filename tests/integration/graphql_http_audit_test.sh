#!/usr/bin/env bash
# The GraphQL-over-HTTP peer audit (graphql-http's auditServer) against a live
# `minitwitter serve`: every `error` result fails the test; warnings are printed and
# explained in docs/api.md.
#
# Usage: graphql_http_audit_test.sh PATH/TO/minitwitter
set -euo pipefail

readonly BIN=${1:?usage: graphql_http_audit_test.sh PATH/TO/minitwitter}
readonly ORACLE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../api/oracle" && pwd)"

fail() {
  printf 'graphql_http_audit_test: FAIL: %s\n' "$*" >&2
  [[ -s ${WORK:-/nonexistent}/server.log ]] && tail -n 20 "${WORK}/server.log" >&2
  exit 1
}
command -v node >/dev/null || fail "node not found (tools/setup.sh installs it)"
[[ -d ${ORACLE}/node_modules/graphql-http ]] ||
  fail "graphql-http not installed in tests/api/oracle (tools/setup.sh runs npm ci there)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/graphql-audit.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n ${server_pid} ]] && kill -0 "${server_pid}" 2>/dev/null; then
    kill -TERM "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
  fi
  rm -rf "${WORK}"
}
trap cleanup EXIT

"${BIN}" serve --bind 127.0.0.1 --port 0 --data-dir "${WORK}/data" >"${WORK}/server.log" 2>&1 &
server_pid=$!
port=""
for ((i = 0; i < 600; i++)); do # up to 30 s: a loaded CI machine, a first migration
  kill -0 "${server_pid}" 2>/dev/null || fail "the server exited during start-up"
  port=$(sed -n 's/.*listening on [^ ]*:\([0-9][0-9]*\).*/\1/p' "${WORK}/server.log" | head -n 1)
  [[ -n ${port} ]] && break
  sleep 0.05
done
[[ -n ${port} ]] || fail "the server did not announce its port"

for path in /api /graphql; do
  node "${ORACLE}/audit-server.mjs" "http://127.0.0.1:${port}${path}" --out "${WORK}/audit.json" ||
    fail "auditServer reported errors for ${path}"
done
