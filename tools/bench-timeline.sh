#!/usr/bin/env bash
# Timeline reads through the whole server (HTTP, GraphQL, store, PostgreSQL) against
# PostgreSQL alone running the same statements (pgbench), on the same database, in one
# invocation. The ratio server req/s / pgbench tps says how much of the database's own
# ceiling the HTTP and GraphQL layers cost; the target is a ratio of at least 0.8. The
# summary also gives the same ratio from CPU time per operation ("cpu ratio"), which
# does not depend on how much of the cores other processes on the machine took.
#
# Usage: tools/bench-timeline.sh [--quick] [--out DIR] [--no-pin] [--perf] [--keep]
#   --quick     a smoke run: 3 s per side, one round
#   --out DIR   write the raw output there (wrk and pgbench logs, /metrics, the
#               rendered pgbench script, summary.json, summary.csv, console.txt)
#   --no-pin    let every process share every core
#   --perf      after the rounds, profile the server's cores (perf record -a -g)
#               during one more wrk run at the largest connection count
#   --keep      keep the work folder (logs, per-transaction pgbench logs)
#
# What runs:
#   1. A private PostgreSQL 15 (tools/postgres-cluster.sh) in a fresh folder, migrated
#      by `minitwitter migrate`, seeded in SQL (tools/bench-timeline/seed.sql): 1,000
#      users each following the next 50, 20 tweets each, 5 likes each, one session per
#      user with a known token; counters consistent with the rows; VACUUM ANALYZE.
#   2. For each wrk connection count C, the server with one event loop and W workers,
#      W = min(C, 16), so its pool has W database connections; then ROUNDS rounds, each
#      one wrk run and one pgbench run, alternating which goes first.
#      - wrk: POST /api with the timeline query (20 tweets with author and counts,
#        tools/bench-timeline/timeline-request.json), `Authorization: Bearer` with one
#        of the 1,000 users' tokens drawn at random, keep-alive, one thread;
#        tools/bench-timeline/timeline.lua checks every response (200, "data", no
#        "errors", a non-empty page). /metrics before and after gives the statements
#        per request and checks that every connection was served once.
#      - pgbench -M prepared -c W -j 1: one transaction = the statements the server
#        runs for one timeline request, rendered from `timeline_sql` (the store's own
#        Statement constants) with tools/bench-timeline/timeline.pgbench.in: a session
#        lookup, then the page for a viewer drawn at random among the 1,000 (see the
#        template for why the session looked up is always the same one). Throughput
#        and latency (p99 from the per-transaction log) count only the transactions
#        after PG_WARMUP seconds: pgbench's connections are new each run and pay for
#        logging in, preparing and the first (custom) plans of each statement, which
#        the server's warm pool has already paid.
#      Before the rounds, the server's backends' last statements (pg_stat_activity)
#      must be timeline_sql's: a server binary built from another tree stops the run.
#
# Why this is a fair comparison:
#   - The same number of database connections on both sides (W): pgbench -c W against
#     a pool of W. wrk's C HTTP connections share those W (with C = 64, 48 requests
#     wait in the worker queue: latency, not throughput).
#   - W = min(C, 16): beyond that, more backends on one core only add context switches,
#     to both sides alike.
#   - Pinned (the default, with 2+ cores): PostgreSQL and the server on the first half
#     of the cores, wrk and pgbench (one thread each) on the other half; the same for
#     both sides. pgbench then measures what PostgreSQL alone does with those cores,
#     and wrk what PostgreSQL plus the server do with the same cores. When they are
#     saturated, ratio = t_db / (t_db + t_server) for the CPU time per request of each,
#     so a ratio of 0.8 means the server's own work is at most a quarter of the
#     database's, a fifth of the whole. The load generators' own cost (HTTP and JSON
#     parsing in wrk's Lua, libpq in pgbench) stays on the other cores; the summary
#     reports how much of their core they used. Both sides talk to PostgreSQL the same
#     way: TCP on loopback, SCRAM login, extended protocol with named prepared
#     statements (two per connection), text parameters and results.
#   - The same access pattern: viewers in random order on both sides (in id order,
#     consecutive viewers read nearly the same tweets and the database runs faster).
#   - Per-round ratios of neighbouring runs, and their median, because this shared
#     machine's speed drifts from minute to minute.
#
# Environment:
#   ROUNDS=3 DURATION=10 (s per run) WARMUP=2 (s of wrk before the rounds, per C)
#   PG_WARMUP=3 (s of each pgbench run not measured) CONNECTIONS="8 64"
#   MAX_WORKERS=16
#   MINITWITTER_BIN (default build/release/server/app/minitwitter)
#   TIMELINE_SQL_BIN (default build/release/tests/benchmarks/timeline_sql)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=${PWD}
readonly HERE="${ROOT}/tools/bench-timeline"
readonly USERS=1000 FOLLOWS=50 TWEETS=20 LIKES=5 PAGE=20

die() {
  printf 'bench-timeline: error: %s\n' "$*" >&2
  exit 1
}

quick=0
out=""
pin=1
perf_run=0
keep=0
while (($# > 0)); do
  case $1 in
    --quick)
      quick=1
      shift
      ;;
    --out)
      (($# >= 2)) || die "--out needs a folder"
      out=$2
      shift 2
      ;;
    --no-pin)
      pin=0
      shift
      ;;
    --perf)
      perf_run=1
      shift
      ;;
    --keep)
      keep=1
      shift
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done

if ((quick)); then
  ROUNDS=${ROUNDS:-1} DURATION=${DURATION:-3} WARMUP=${WARMUP:-1} PG_WARMUP=${PG_WARMUP:-2}
fi
readonly ROUNDS=${ROUNDS:-3} DURATION=${DURATION:-10} WARMUP=${WARMUP:-2}
readonly PG_WARMUP=${PG_WARMUP:-3} CONNECTIONS=${CONNECTIONS:-8 64} MAX_WORKERS=${MAX_WORKERS:-16}
readonly MINITWITTER_BIN=${MINITWITTER_BIN:-${ROOT}/build/release/server/app/minitwitter}
readonly TIMELINE_SQL_BIN=${TIMELINE_SQL_BIN:-${ROOT}/build/release/tests/benchmarks/timeline_sql}

for value in "${ROUNDS}" "${DURATION}" "${WARMUP}" "${MAX_WORKERS}"; do
  [[ ${value} =~ ^[1-9][0-9]*$ ]] || die "ROUNDS, DURATION, WARMUP and MAX_WORKERS must be positive integers"
done
[[ ${PG_WARMUP} =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "PG_WARMUP must be a number of seconds"
for c in ${CONNECTIONS}; do
  [[ ${c} =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be positive integers, got '${c}'"
done
for tool in wrk pgbench psql curl python3; do
  command -v "${tool}" >/dev/null || die "${tool} not found; run tools/setup.sh as root"
done
((perf_run == 0)) || command -v perf >/dev/null || die "--perf needs perf (linux-perf)"
[[ -x ${MINITWITTER_BIN} ]] ||
  die "server binary ${MINITWITTER_BIN} not found; build it (cmake --preset release && cmake --build --preset release) or set MINITWITTER_BIN"
[[ -x ${TIMELINE_SQL_BIN} ]] ||
  die "${TIMELINE_SQL_BIN} not found; build the timeline_sql target or set TIMELINE_SQL_BIN"

cores=$(nproc)
server_pin=()
client_pin=()
if ((pin && cores >= 2)); then
  command -v taskset >/dev/null || die "taskset not found (util-linux); or pass --no-pin"
  half=$((cores / 2))
  server_cores="0-$((half - 1))"
  client_cores="${half}-$((cores - 1))"
  server_pin=(taskset -c "${server_cores}")
  client_pin=(taskset -c "${client_cores}")
else
  pin=0
  server_cores=all
  client_cores=all
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-timeline.XXXXXX")
readonly WORK
# PostgreSQL runs as the postgres user when we are root: its folder must be reachable.
chmod 755 "${WORK}"
readonly PGDIR="${WORK}/pg"
server_pid=""
cluster_started=0
failed_checks=0

log() { printf 'bench-timeline: %s\n' "$*" | tee -a "${WORK}/console.txt" >&2; }

stop_server() {
  [[ -n ${server_pid} ]] || return 0
  local i
  kill -TERM "${server_pid}" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "${server_pid}" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "${server_pid}" 2>/dev/null || true
  wait "${server_pid}" 2>/dev/null || true
  server_pid=""
}

cleanup() {
  local status=$?
  stop_server
  if ((cluster_started)); then
    bash "${ROOT}/tools/postgres-cluster.sh" destroy "${PGDIR}" >/dev/null 2>&1 || true
  fi
  if ((keep || status != 0)); then
    printf 'bench-timeline: work folder kept: %s\n' "${WORK}" >&2
  else
    rm -rf "${WORK}"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Pins the postmaster and every process it has started; backends forked later inherit
# its affinity.
pin_postgres() {
  local postmaster=$1 child
  taskset -a -p -c "${server_cores}" "${postmaster}" >/dev/null
  for child in $(ps --ppid "${postmaster}" -o pid=); do
    taskset -a -p -c "${server_cores}" "${child}" >/dev/null 2>&1 || true
  done
}

snapshot() {
  "${client_pin[@]}" python3 "${HERE}/snapshot.py" --postmaster-pid "${postmaster_pid}" "$@"
}

# --- the database -------------------------------------------------------------------
log "work folder ${WORK}; $(nproc) cores; server and PostgreSQL on cores ${server_cores}, wrk and pgbench on cores ${client_cores}"
log "load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
cluster_started=1
URL=$(bash "${ROOT}/tools/postgres-cluster.sh" start "${PGDIR}")
# pg_stat_activity shows each backend's last statement, cut at this many bytes: long
# enough for the timeline's, so the server's statements can be compared with
# timeline_sql's in full (check_server_statements).
echo "track_activity_query_size = 16384" >>"${PGDIR}/data/postgresql.conf"
bash "${ROOT}/tools/postgres-cluster.sh" restart "${PGDIR}"
postmaster_pid=$(head -n 1 "${PGDIR}/data/postmaster.pid")
((pin)) && pin_postgres "${postmaster_pid}"
"${MINITWITTER_BIN}" migrate --database "${URL}" >"${WORK}/migrate.txt" 2>&1 ||
  die "minitwitter migrate failed: $(cat "${WORK}/migrate.txt")"
seed_start=${SECONDS}
psql "${URL}" -q -X -v users="${USERS}" -v follows="${FOLLOWS}" -v tweets="${TWEETS}" \
  -v likes="${LIKES}" -f "${HERE}/seed.sql" >"${WORK}/seed.txt" 2>&1 ||
  die "seeding failed: $(tail -n 5 "${WORK}/seed.txt")"
log "seeded ${USERS} users, $((USERS * FOLLOWS)) follows, $((USERS * TWEETS)) tweets, $((USERS * LIKES)) likes, ${USERS} sessions in $((SECONDS - seed_start)) s"

# --- the pgbench scripts, from the server's own statements ---------------------------
"${TIMELINE_SQL_BIN}" >"${WORK}/statements.tsv" || die "timeline_sql failed"
python3 "${HERE}/render_pgbench.py" "${WORK}/statements.tsv" "${HERE}/timeline.pgbench.in" \
  "${WORK}/pgbench" --users "${USERS}" --fetch $((PAGE + 1))
pgbench_args=(-f "${WORK}/pgbench/timeline.sql")
while read -r define; do
  pgbench_args+=(-D "${define}")
done <"${WORK}/pgbench/defines"
log "statements per timeline request (timeline_sql): $(cut -f1 "${WORK}/statements.tsv" | paste -sd' ')"
# A few transactions first: a wrong token hash or statement aborts the client here.
pgbench -M prepared -n -c 1 -t 10 "${pgbench_args[@]}" "${URL}" \
  >"${WORK}/pgbench-check.txt" 2>&1 || die "the pgbench script fails: $(tail -n 5 "${WORK}/pgbench-check.txt")"

# --- the server -----------------------------------------------------------------------
start_server() {
  local workers=$1 i
  port=$(free_port)
  "${server_pin[@]}" "${MINITWITTER_BIN}" serve --bind 127.0.0.1 --port "${port}" --threads 1 \
    --workers "${workers}" --database "${URL}" >>"${WORK}/server.log" 2>&1 &
  server_pid=$!
  for ((i = 0; i < 100; i++)); do
    kill -0 "${server_pid}" 2>/dev/null || die "the server exited at start-up: $(tail -n 5 "${WORK}/server.log")"
    curl -fsS -o /dev/null "http://127.0.0.1:${port}/metrics" 2>/dev/null && break
    sleep 0.1
  done
  ((i < 100)) || die "the server did not answer within 10 s"
  # One request by hand: a full page for user 1 proves the seed, the token and the query.
  curl -fsS -H 'Content-Type: application/json' \
    -H "Authorization: Bearer bench-token-$(printf '%031d' 1)" -d "@${HERE}/timeline-request.json" \
    "http://127.0.0.1:${port}/api" >"${WORK}/first-response.json" ||
    die "the first timeline request failed"
  python3 - "${WORK}/first-response.json" "${PAGE}" <<'EOF' || die "the first timeline response is wrong: $(head -c 400 "${WORK}/first-response.json")"
import json, sys
doc = json.load(open(sys.argv[1]))
page = doc["data"]["timeline"]
assert "errors" not in doc and len(page["nodes"]) == int(sys.argv[2]) and page["pageInfo"]["hasNextPage"]
EOF
}

# The server must run exactly the statements the pgbench script was rendered from (a
# server binary older than timeline_sql would not): after the warm-up, each idle
# backend's last statement must be one of timeline_sql's, or not a SELECT at all (the
# expired-session sweep at start-up), and the timeline's must be among them.
check_server_statements() {
  psql "${URL}" -X -A -t -0 -c "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()" \
    >"${WORK}/server-statements.bin"
  python3 - "${WORK}/server-statements.bin" "${WORK}/statements.tsv" <<'EOF' || die "the server does not run the statements timeline_sql prints (rebuild both from the same tree)"
import sys
seen = [q for q in open(sys.argv[1], "rb").read().decode().split("\0") if q.strip()]
expected = dict(line.rstrip("\n").split("\t", 1) for line in open(sys.argv[2]) if line.strip())
texts = set(expected.values())
foreign = [q for q in seen if q.lstrip().upper().startswith("SELECT") and q not in texts]
for q in sorted(set(foreign)):
    print(f"bench-timeline: the server ran: {q[:300]}", file=sys.stderr)
if foreign or list(expected.values())[-1] not in seen:
    sys.exit(1)
EOF
}

check_alive() {
  kill -0 "${server_pid}" 2>/dev/null ||
    die "the server died during the run: $(tail -n 5 "${WORK}/server.log")"
}

record() {
  local status=0 cpus=()
  ((pin)) && cpus=(--server-cpus "${server_cores}")
  python3 "${HERE}/parse_run.py" "$@" "${cpus[@]}" >>"${WORK}/runs.jsonl" 2>"${WORK}/record.txt" || status=$?
  tee -a "${WORK}/console.txt" <"${WORK}/record.txt" >&2
  ((status == 0 || status == 3)) || die "cannot read a run's output ($*)"
  ((status == 0)) || failed_checks=$((failed_checks + 1))
}

# run_wrk C W ROUND SECONDS [NAME]
run_wrk() {
  local conns=$1 workers=$2 round=$3 seconds=$4 name=${5:-wrk-c$1-r$3}
  local metrics="http://127.0.0.1:${port}/metrics" status=0
  snapshot --server-pid "${server_pid}" --metrics "${metrics}" >"${WORK}/${name}.before.json"
  "${client_pin[@]}" python3 "${HERE}/cputime.py" "${WORK}/${name}.client.json" -- \
    wrk -t1 -c"${conns}" -d"${seconds}s" --timeout 5s --latency \
    -s "${HERE}/timeline.lua" "http://127.0.0.1:${port}/api" >"${WORK}/${name}.txt" 2>&1 || status=$?
  snapshot --server-pid "${server_pid}" --metrics "${metrics}" >"${WORK}/${name}.after.json"
  check_alive
  ((status == 0)) || die "wrk failed (exit ${status}): $(tail -n 5 "${WORK}/${name}.txt")"
  curl -fsS "${metrics}" >"${WORK}/${name}.metrics.txt"
  [[ ${name} == warmup* ]] && return 0
  record wrk "${WORK}/${name}.txt" "${WORK}/${name}.before.json" "${WORK}/${name}.after.json" \
    --client-cpu "${WORK}/${name}.client.json" --connections "${conns}" --db-connections "${workers}" --round "${round}"
}

# run_pgbench C W ROUND
run_pgbench() {
  local conns=$1 workers=$2 round=$3 name=pgbench-c$1-r$3 pid status=0
  local total
  total=$(python3 -c "import math; print(math.ceil(${PG_WARMUP} + ${DURATION}))")
  mkdir -p "${WORK}/pgbench-logs/${name}"
  "${client_pin[@]}" python3 "${HERE}/cputime.py" "${WORK}/${name}.client.json" -- \
    pgbench -M prepared -n -c "${workers}" -j 1 -T "${total}" -l \
    --log-prefix="${WORK}/pgbench-logs/${name}/tx" "${pgbench_args[@]}" "${URL}" \
    >"${WORK}/${name}.txt" 2>&1 &
  pid=$!
  sleep "${PG_WARMUP}"
  snapshot >"${WORK}/${name}.before.json"
  wait "${pid}" || status=$?
  snapshot >"${WORK}/${name}.after.json"
  ((status == 0)) || log "pgbench exited with ${status}: $(tail -n 3 "${WORK}/${name}.txt")"
  record pgbench "${WORK}/${name}.txt" "${WORK}/${name}.before.json" "${WORK}/${name}.after.json" \
    --log-prefix "${WORK}/pgbench-logs/${name}/tx" --client-cpu "${WORK}/${name}.client.json" \
    --connections "${conns}" --db-connections "${workers}" --round "${round}"
}

: >"${WORK}/runs.jsonl"
log "${ROUNDS} round(s) of ${DURATION} s per side; connections: ${CONNECTIONS}; pgbench warm-up ${PG_WARMUP} s"
largest=$(tr ' ' '\n' <<<"${CONNECTIONS}" | sort -n | tail -n 1)
for conns in ${CONNECTIONS}; do
  workers=$((conns < MAX_WORKERS ? conns : MAX_WORKERS))
  start_server "${workers}"
  log "${conns} connections: server with 1 event loop and ${workers} workers (pool ${workers}), pgbench -c ${workers}"
  run_wrk "${conns}" "${workers}" 0 "${WARMUP}" "warmup-c${conns}"
  check_server_statements
  for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2)); then
      run_wrk "${conns}" "${workers}" "${round}" "${DURATION}"
      run_pgbench "${conns}" "${workers}" "${round}"
    else
      run_pgbench "${conns}" "${workers}" "${round}"
      run_wrk "${conns}" "${workers}" "${round}" "${DURATION}"
    fi
  done
  if ((perf_run && conns == largest)); then
    log "profiling cores ${server_cores} during one more ${DURATION} s wrk run"
    perf_cpus=(-a)
    ((pin)) && perf_cpus=(-a -C "${server_cores}")
    perf record -o "${WORK}/perf.data" -g "${perf_cpus[@]}" -- sleep "${DURATION}" \
      >"${WORK}/perf-record.txt" 2>&1 &
    perf_pid=$!
    "${client_pin[@]}" wrk -t1 -c"${conns}" -d"${DURATION}s" --timeout 5s -s "${HERE}/timeline.lua" \
      "http://127.0.0.1:${port}/api" >"${WORK}/wrk-perf.txt" 2>&1 || true
    wait "${perf_pid}" || true
    perf report -i "${WORK}/perf.data" --no-children --sort comm,dso --stdio -g none 2>/dev/null |
      grep -v '^#' | grep -v '^$' | head -n 40 >"${WORK}/perf-by-dso.txt" || true
    # Shares of the server's own samples, by function.
    perf report -i "${WORK}/perf.data" --no-children --comm minitwitter --percentage relative \
      --sort dso,sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | cut -c1-160 |
      head -n 60 >"${WORK}/perf-server-symbols.txt" || true
  fi
  stop_server
done

parameters=$(python3 -c '
import json, os, platform, sys
keys = ["rounds", "duration_s", "warmup_s", "pg_warmup_s", "max_workers",
        "server_cores", "client_cores", "users", "follows", "tweets_per_user", "page"]
values = sys.argv[1:12]
doc = {k: int(v) if v.isdigit() else v for k, v in zip(keys, values)}
doc.update(kernel=platform.release(), cpus=os.cpu_count(), minitwitter=sys.argv[12],
           postgres=sys.argv[13], wrk=sys.argv[14])
print(json.dumps(doc))' "${ROUNDS}" "${DURATION}" "${WARMUP}" "${PG_WARMUP}" "${MAX_WORKERS}" \
  "${server_cores}" "${client_cores}" "${USERS}" "${FOLLOWS}" "${TWEETS}" \
  "${PAGE}" "${MINITWITTER_BIN}" "$(psql "${URL}" -X -Atc 'SHOW server_version')" \
  "$(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)")
summary_out=()
[[ -n ${out} ]] && summary_out=(--out "${out}")
python3 "${HERE}/summarise.py" "${WORK}/runs.jsonl" "${summary_out[@]}" --parameters "${parameters}" |
  tee -a "${WORK}/console.txt"
log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
((failed_checks == 0)) || log "warning: ${failed_checks} run(s) failed their checks (see the lines above)"

if [[ -n ${out} ]]; then
  mkdir -p "${out}"
  cp "${WORK}"/console.txt "${WORK}"/runs.jsonl "${WORK}"/statements.tsv "${WORK}"/server.log \
    "${WORK}"/seed.txt "${WORK}"/first-response.json "${out}/"
  cp "${WORK}"/wrk-*.txt "${WORK}"/warmup-*.txt "${WORK}"/pgbench-c*.txt "${out}/"
  cp "${WORK}/pgbench/timeline.sql" "${out}/pgbench-timeline.sql"
  cp "${WORK}"/perf-*.txt "${out}/" 2>/dev/null || true
  log "raw output in ${out}"
fi
((failed_checks == 0))
