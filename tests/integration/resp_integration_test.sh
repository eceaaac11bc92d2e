#!/usr/bin/env bash
# End-to-end test of the second protocol: `minitwitter serve --protocol resp` driven by
# the real Redis clients. Proves the server core runs a protocol other than HTTP.
#
# Usage: resp_integration_test.sh PATH/TO/minitwitter
# Exit status: 0 pass, 1 fail, 77 skipped (redis-cli or redis-benchmark not installed).
set -euo pipefail

readonly BIN=${1:?usage: resp_integration_test.sh PATH/TO/minitwitter}
readonly REQUESTS=${RESP_TEST_REQUESTS:-20000}

fail() {
  printf 'resp_integration_test: FAIL: %s\n' "$*" >&2
  if [[ -n ${WORK:-} && -s ${WORK}/server.log ]]; then
    printf -- '--- server log (last 20 lines) ---\n' >&2
    tail -n 20 "${WORK}/server.log" >&2
  fi
  exit 1
}
pass() { printf 'resp_integration_test: ok: %s\n' "$*"; }

for tool in redis-cli redis-benchmark python3 timeout; do
  if ! command -v "${tool}" >/dev/null; then
    echo "resp_integration_test: SKIP: ${tool} not installed (tools/setup.sh installs it)"
    exit 77
  fi
done
[[ -x ${BIN} ]] || fail "server binary ${BIN} not found"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/resp-integration.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n ${server_pid} ]] && kill -0 "${server_pid}" 2>/dev/null; then
    kill -KILL "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
  fi
  rm -rf "${WORK}"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${BIN}" serve --protocol resp --bind 127.0.0.1 --port "${port}" >"${WORK}/server.log" 2>&1 &
server_pid=$!

# Wait for the port: redis-cli itself is the probe.
for ((i = 0; i < 100; i++)); do
  kill -0 "${server_pid}" 2>/dev/null || fail "the server exited during start-up"
  [[ $(timeout 2 redis-cli -p "${port}" ping 2>/dev/null || true) == PONG ]] && break
  sleep 0.1
done
((i < 100)) || fail "the server did not answer on port ${port} within 10 s"
pass "server pid ${server_pid} listening on port ${port}"

# expect_eq WHAT ACTUAL EXPECTED
expect_eq() {
  [[ $2 == "$3" ]] || fail "$1: expected '$3', got '$2'"
  pass "$1 -> $2"
}

expect_eq "redis-cli ping" "$(timeout 10 redis-cli -p "${port}" ping)" "PONG"
expect_eq "redis-cli echo hello" "$(timeout 10 redis-cli -p "${port}" echo hello)" "hello"
expect_eq "redis-cli ping 'a message'" "$(timeout 10 redis-cli -p "${port}" ping 'a message')" \
  "a message"
expect_eq "redis-cli get key" "$(timeout 10 redis-cli -p "${port}" get key 2>&1)" \
  "ERR unknown command 'get'"

# An inline command and a protocol error, over a plain socket.
inline=$(python3 - "${port}" <<'EOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"PING\r\necho 'two words'\r\n*1\r\n+oops\r\n")
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
print(repr(data))
EOF
)
expect_eq "inline PING, ECHO, then a protocol error and a close" "${inline}" \
  "b\"+PONG\\r\\n\$9\\r\\ntwo words\\r\\n-ERR Protocol error: expected '\$', got '+'\\r\\n\""

# run_benchmark LABEL ARGS... : every test must report a rate, with no warning or error.
run_benchmark() {
  local label=$1 out
  shift
  out=$(timeout 60 redis-benchmark -p "${port}" -t ping -n "${REQUESTS}" -c 50 -q "$@" 2>&1 |
    tr '\r' '\n') || fail "redis-benchmark ${label} failed or timed out:"$'\n'"${out:-}"
  if grep -qiE 'error|warning|ERR ' <<<"${out}"; then
    fail "redis-benchmark ${label} reported a problem:"$'\n'"${out}"
  fi
  local test line
  for test in PING_INLINE PING_MBULK; do
    line=$(grep -E "^${test}: [0-9.]+ requests per second" <<<"${out}" | tail -n 1) ||
      fail "redis-benchmark ${label} printed no rate for ${test}:"$'\n'"${out}"
    pass "redis-benchmark ${label}: ${line}"
  done
}
run_benchmark "-c 50"
run_benchmark "-c 50 -P 16" -P 16

# Graceful stop.
kill -TERM "${server_pid}"
status=0
timeout 15 tail --pid="${server_pid}" -f /dev/null || fail "the server did not exit within 15 s of SIGTERM"
wait "${server_pid}" || status=$?
server_pid=""
((status == 0)) || fail "the server exited with status ${status} after SIGTERM"
pass "SIGTERM: the server exited with status 0"
echo "resp_integration_test: PASS"
