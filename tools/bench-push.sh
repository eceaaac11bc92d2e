#!/usr/bin/env bash
# Measures live updates (docs/live.md) on loopback with the load client's `live`
# scenario: what idle subscriptions cost the server, and whether they slow pushes.
#
#  1. Starts `minitwitter serve` on a free port with SQLite in a temporary folder.
#  2. Reference: a short `live` run (SUBSCRIBERS subscribers, POSTERS posters at RATE
#     posts/s) with nothing else open.
#  3. IDLE idle subscribers (`live --posters 0`, one client process) open their
#     streams; the server's `minitwitter_live_subscribers` and RSS are read before and
#     with them.
#  4. The same short run again while the idle subscribers stay open.
# It prints a markdown table: push latency p50/p99/max, deliveries against posts ×
# subscribers, and the ratio of the two runs. It builds nothing, stops by itself, and
# ends everything it started (by PID) on exit.
#
# Usage: tools/bench-push.sh
# Environment:
#   MINITWITTER_BUILD_DIR=build/release  where the server and client binaries are
#   IDLE=2000          idle subscribers held during the second run
#   SUBSCRIBERS=50     subscribers of each short run
#   POSTERS=2          posters of each short run
#   RATE=100           posts per second of each short run (open loop)
#   WARMUP=2 DURATION=8  seconds of each short run's warm-up and measured phase
#   SETUP_TIMEOUT=180  seconds allowed for the idle subscribers to sign up and subscribe
#   SUMMARY_TSV=       when set, one tab-separated line is appended to this file: idle,
#                      reference p50 and p99, loaded p50, p99 and max (ms), RSS after the
#                      reference run and with the idle subscribers (KiB), the gauge with them
#                      (tools/bench-push-figure.sh sweeps IDLE with it)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=${PWD}
readonly BUILD_DIR=${MINITWITTER_BUILD_DIR:-build/release}
readonly IDLE=${IDLE:-2000}
readonly SUBSCRIBERS=${SUBSCRIBERS:-50}
readonly POSTERS=${POSTERS:-2}
readonly RATE=${RATE:-100}
readonly WARMUP=${WARMUP:-2}
readonly DURATION=${DURATION:-8}
readonly SETUP_TIMEOUT=${SETUP_TIMEOUT:-180}

die() {
  printf 'bench-push: error: %s\n' "$*" >&2
  exit 1
}
log() { printf 'bench-push: %s\n' "$*" >&2; }

case ${1:-} in
  -h | --help)
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  "") ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac
for name in IDLE SUBSCRIBERS POSTERS RATE WARMUP DURATION SETUP_TIMEOUT; do
  [[ ${!name} =~ ^[0-9]+$ ]] || die "${name} must be a whole number, got '${!name}'"
done
((SUBSCRIBERS > 0 && POSTERS > 0 && RATE > 0 && DURATION > 0)) ||
  die "SUBSCRIBERS, POSTERS, RATE and DURATION must be positive"

build=${BUILD_DIR}
[[ ${build} == /* ]] || build=${ROOT}/${build}
readonly SERVER_BIN=${build}/server/app/minitwitter
readonly CLIENT_BIN=${build}/client/cli/minitwitter-client
for bin in "${SERVER_BIN}" "${CLIENT_BIN}"; do
  [[ -x ${bin} ]] || die "${bin} not found; build it (cmake --build --preset release) or set MINITWITTER_BUILD_DIR"
done
command -v python3 >/dev/null || die "python3 not found; run tools/setup.sh as root"
command -v curl >/dev/null || die "curl not found; run tools/setup.sh as root"

# The server and the idle client each hold one descriptor per subscriber.
needed=$((IDLE + SUBSCRIBERS + POSTERS + 1024))
hard=$(ulimit -Hn)
if [[ ${hard} != unlimited ]] && ((hard < needed)); then
  if ((EUID != 0)) || ! ulimit -Hn "${needed}" 2>/dev/null; then
    die "open-file hard limit ${hard} is below the ${needed} needed; run as root or lower IDLE"
  fi
fi
ulimit -n "${needed}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-push.XXXXXX")
readonly WORK
server_pid=""
idle_pid=""
stop_pid() {
  local pid=$1
  [[ -n ${pid} ]] && kill -0 "${pid}" 2>/dev/null || return 0
  kill -TERM "${pid}" 2>/dev/null || true
  for _ in {1..50}; do
    kill -0 "${pid}" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "${pid}" 2>/dev/null || true
}
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  stop_pid "${idle_pid}"
  stop_pid "${server_pid}"
  rm -rf "${WORK}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
readonly URL=http://127.0.0.1:${port}
"${SERVER_BIN}" serve --bind 127.0.0.1 --port "${port}" --database "${WORK}/minitwitter.db" \
  --data-dir "${WORK}" --password-cost cheap --allow-cheap-passwords \
  --max-connections "$((needed - 256))" --idle-timeout 600 >"${WORK}/server.log" 2>&1 &
server_pid=$!

for ((i = 0; i < 100; i++)); do
  kill -0 "${server_pid}" 2>/dev/null || {
    cat "${WORK}/server.log" >&2
    die "the server exited during start-up"
  }
  curl -fsS -o /dev/null "${URL}/metrics" 2>/dev/null && break
  sleep 0.1
done
((i < 100)) || die "the server did not answer on port ${port} within 10 s"
log "server pid ${server_pid} on ${URL}, SQLite in ${WORK}"

live_subscribers() {
  curl -fsS "${URL}/metrics" | awk '$1 == "minitwitter_live_subscribers" { print $2 + 0 }'
}
server_rss_kib() {
  awk '$1 == "VmRSS:" { print $2 }' "/proc/${server_pid}/status"
}

# One short live run with users <prefix>0…; its results go to ${WORK}/<prefix>.json.
short_run() {
  local prefix=$1
  log "short run '${prefix}': ${POSTERS} posters at ${RATE}/s, ${SUBSCRIBERS} subscribers, ${WARMUP}+${DURATION} s"
  "${CLIENT_BIN}" --server "${URL}" load --scenario live --users "$((POSTERS + SUBSCRIBERS))" \
    --posters "${POSTERS}" --connections "${POSTERS}" --rate "${RATE}" --user-prefix "${prefix}" \
    --warmup "${WARMUP}s" --duration "${DURATION}s" --no-progress \
    --output "${WORK}/${prefix}.json" >"${WORK}/${prefix}.out" 2>&1 ||
    {
      cat "${WORK}/${prefix}.out" >&2
      die "the short run '${prefix}' failed"
    }
}

rss_before=$(server_rss_kib)
gauge_before=$(live_subscribers)

short_run reference
rss_reference=$(server_rss_kib)

# The idle subscribers: signed up, then each holds a stream until SIGTERM (the client
# keeps what it measured and exits 0); the duration only caps a run that went wrong.
idle_cap=$((SETUP_TIMEOUT + WARMUP + DURATION + 120))
if ((IDLE > 0)); then
  log "opening ${IDLE} idle subscriptions"
  setup_start=$(date +%s%N)
  "${CLIENT_BIN}" --server "${URL}" load --scenario live --posters 0 --users "${IDLE}" \
    --connections 16 --user-prefix idle --duration "${idle_cap}s" --no-progress \
    --output "${WORK}/idle.json" >"${WORK}/idle.out" 2>&1 &
  idle_pid=$!
  while (($(live_subscribers) < IDLE)); do
    kill -0 "${idle_pid}" 2>/dev/null || {
      cat "${WORK}/idle.out" >&2
      die "the idle subscribers' client exited before all ${IDLE} subscribed"
    }
    (($(date +%s%N) - setup_start < SETUP_TIMEOUT * 1000000000)) ||
      die "only $(live_subscribers) of ${IDLE} subscribed within ${SETUP_TIMEOUT} s; lower IDLE"
    sleep 0.5
  done
  setup_ms=$((($(date +%s%N) - setup_start) / 1000000))
  log "${IDLE} idle subscriptions open after ${setup_ms} ms (sign-ups included)"
  sleep 1 # let the server settle before reading its memory
fi
rss_idle=$(server_rss_kib)
gauge_idle=$(live_subscribers)

short_run loaded
gauge_after=$(live_subscribers)

idle_status=0
if [[ -n ${idle_pid} ]]; then
  kill -TERM "${idle_pid}"
  wait "${idle_pid}" || idle_status=$?
  idle_pid=""
  ((idle_status == 0)) || {
    cat "${WORK}/idle.out" >&2
    die "the idle subscribers' client exited with status ${idle_status}"
  }
fi

python3 - "${WORK}" "${IDLE}" "${SUBSCRIBERS}" "${POSTERS}" "${RATE}" "${DURATION}" \
  "${rss_before}" "${gauge_before}" "${rss_reference}" "${rss_idle}" "${gauge_idle}" \
  "${gauge_after}" "${SUMMARY_TSV:-}" <<'EOF'
import json, os, sys

work, idle, subscribers, posters, rate, duration = sys.argv[1], *map(int, sys.argv[2:7])
rss_before, gauge_before, rss_reference, rss_idle, gauge_idle, gauge_after = map(
    float, sys.argv[7:13])
summary_tsv = sys.argv[13]


def load(name):
    with open(os.path.join(work, name + ".json")) as f:
        return json.load(f)


def ms(ns):
    return f"{ns / 1e6:.2f} ms"


def errors(push):
    return ", ".join(f"{k} {v}" for k, v in sorted(push["streamErrors"].items())) or "none"


print(f"## Push latency on loopback: {posters} posters at {rate}/s, {subscribers} subscribers, "
      f"{duration} s measured\n")
print("| run | idle subscribers | posts | deliveries | posts × subscribers "
      "| push p50 | push p99 | push max | stream errors |")
print("|---|---|---|---|---|---|---|---|---|")
rows = {}
for name, held in (("reference", 0), ("loaded", idle)):
    doc = load(name)
    assert doc["schema"] == "minitwitter-load-results/2", doc["schema"]
    push = doc["push"]
    posts = doc["operations"].get("post", {"count": 0})["count"]
    s = push["deliveries"]["summary"]
    rows[name] = s
    print(f"| {name} | {held} | {posts} | {push['deliveries']['count']} | "
          f"{posts * push['subscribers']} | {ms(s['p50Ns'])} | {ms(s['p99Ns'])} | "
          f"{ms(s['maxNs'])} | {errors(push)} |")
ref, hot = rows["reference"], rows["loaded"]


def ratio(key):
    return f"{hot[key] / ref[key]:.2f}×" if ref[key] else "n/a"


print(f"| ratio loaded / reference | | | | | {ratio('p50Ns')} | {ratio('p99Ns')} | "
      f"{ratio('maxNs')} | |")
if summary_tsv:
    with open(summary_tsv, "a") as f:
        f.write("\t".join(str(v) for v in (
            idle, ref["p50Ns"] / 1e6, ref["p99Ns"] / 1e6, hot["p50Ns"] / 1e6, hot["p99Ns"] / 1e6,
            hot["maxNs"] / 1e6, int(rss_reference), int(rss_idle), int(gauge_idle))) + "\n")

print("\n## What idle subscriptions cost the server\n")
print("| | `minitwitter_live_subscribers` | server RSS |")
print("|---|---|---|")
print(f"| at start | {gauge_before:.0f} | {rss_before / 1024:.1f} MiB |")
print(f"| after the reference run | | {rss_reference / 1024:.1f} MiB |")
print(f"| with {idle} idle subscribers | {gauge_idle:.0f} | {rss_idle / 1024:.1f} MiB |")
print(f"| after the loaded run (idle still open) | {gauge_after:.0f} | |")
if idle:
    per = (rss_idle - rss_reference) / idle
    print(f"\nRSS growth per idle subscriber (after the reference run to with them): "
          f"{per:.1f} KiB, sign-ups and sessions included")
    push = load("idle")["push"]
    print(f"Idle client: {push['subscribers']} subscribers, peak {push['subscribersPeak']}, "
          f"at end {push['subscribersAtEnd']}, stream errors: {errors(push)}")
EOF
