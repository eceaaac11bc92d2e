#!/usr/bin/env bash
# Measures what idle keep-alive connections cost the server: starts the release
# `minitwitter serve` with room for them, holds N idle connections open with
# tools/idle-connections.py, and prints the server's memory before, with all open,
# and at the end. Fails if any connection was refused or closed.
#
# Usage: tools/bench-idle.sh [--out PATH.json]
# Environment:
#   CONNECTIONS=10000     idle connections to hold
#   HOLD=30               seconds to hold them
#   MINITWITTER_BIN=...   server binary (default build/release/server/app/minitwitter)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=${PWD}
readonly CONNECTIONS=${CONNECTIONS:-10000}
readonly HOLD=${HOLD:-30}
readonly MINITWITTER_BIN=${MINITWITTER_BIN:-${ROOT}/build/release/server/app/minitwitter}

die() {
  printf 'bench-idle: error: %s\n' "$*" >&2
  exit 1
}
log() { printf 'bench-idle: %s\n' "$*"; }

out=""
while (($# > 0)); do
  case $1 in
    --out)
      (($# >= 2)) || die "--out needs a path"
      out=$2
      shift 2
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ ${CONNECTIONS} =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be a positive integer"
[[ ${HOLD} =~ ^[0-9]+$ ]] || die "HOLD must be a whole number of seconds"
[[ -x ${MINITWITTER_BIN} ]] ||
  die "server binary ${MINITWITTER_BIN} not found; build it (cmake --preset release && cmake --build --preset release) or set MINITWITTER_BIN"
command -v python3 >/dev/null || die "python3 not found; run tools/setup.sh as root"

# The server and the client each hold one descriptor per connection; both inherit this.
needed=$((CONNECTIONS + 1024))
hard=$(ulimit -Hn)
if [[ ${hard} != unlimited ]] && ((hard < needed)); then
  if ((EUID != 0)) || ! ulimit -Hn "${needed}" 2>/dev/null; then
    die "open-file hard limit ${hard} is below the ${needed} needed; run as root or lower CONNECTIONS"
  fi
fi
ulimit -n "${needed}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-idle.XXXXXX")
readonly WORK
server_pid=""
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  if [[ -n ${server_pid} ]] && kill -0 "${server_pid}" 2>/dev/null; then
    kill -TERM "${server_pid}" 2>/dev/null || true
    for _ in {1..50}; do
      kill -0 "${server_pid}" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "${server_pid}" 2>/dev/null || true
  fi
  rm -rf "${WORK}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Idle timeout well past the hold, so only a fault closes a connection.
"${MINITWITTER_BIN}" serve --bind 127.0.0.1 --port "${port}" \
  --max-connections "$((CONNECTIONS + 512))" --idle-timeout "$((HOLD + 120))" \
  >"${WORK}/server.log" 2>&1 &
server_pid=$!

for ((i = 0; i < 100; i++)); do
  kill -0 "${server_pid}" 2>/dev/null || {
    cat "${WORK}/server.log" >&2
    die "the server exited during start-up"
  }
  if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then break; fi
  sleep 0.1
done
((i < 100)) || die "the server did not listen on port ${port} within 10 s"
log "server pid ${server_pid} on port ${port}; ${CONNECTIONS} connections held ${HOLD} s"

status=0
python3 "${ROOT}/tools/idle-connections.py" --port "${port}" --pid "${server_pid}" \
  --connections "${CONNECTIONS}" --hold "${HOLD}" ${out:+--json "${out}"} || status=$?

kill -TERM "${server_pid}"
server_status=0
wait "${server_pid}" || server_status=$?
server_pid=""
if ((server_status != 0)); then
  tail -n 20 "${WORK}/server.log" >&2
  die "the server exited with status ${server_status} after SIGTERM"
fi
log "server stopped cleanly"
exit "${status}"
