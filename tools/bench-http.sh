#!/usr/bin/env bash
# Benchmarks `minitwitter serve` against nginx serving the same static files on
# loopback, with wrk. Both servers get the same number of threads (nginx workers);
# each file x connection count is measured over several rounds that alternate the
# two servers, and the median of the rounds is reported.
#
# Usage: tools/bench-http.sh [--out PATH] [--threads N] [--no-pin]
#   --out PATH     also write the results to PATH.json and PATH.csv (a .json or .csv
#                  suffix on PATH is dropped first)
#   --threads N    server threads and nginx workers (default: the server's cores)
#   --no-pin       let the servers and wrk share every core
#
# By default the servers run on the first half of the cores and wrk on the other
# half (taskset). Unpinned on a small machine, wrk and the server preempt each other
# and the tail latency measures the scheduler's time slices more than either server;
# pinned, both servers get the same cores and wrk never steals them.
# Environment:
#   ROUNDS=3              rounds per file x connection count
#   DURATION=10s          length of one wrk run
#   CONNECTIONS="64 256"  connection counts
#   WRK_THREADS=N         wrk threads (default: one per core wrk runs on; two wrk
#                         threads time-sliced on one core add their slices to p99)
#   MINITWITTER_BIN=...   server binary (default build/release/server/app/minitwitter)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=${PWD}
readonly SITE="${ROOT}/site"
readonly FILES=(files/hello-100.txt files/asset-4k.txt)
readonly ROUNDS=${ROUNDS:-3}
readonly DURATION=${DURATION:-10s}
readonly CONNECTIONS=${CONNECTIONS:-64 256}
readonly MINITWITTER_BIN=${MINITWITTER_BIN:-${ROOT}/build/release/server/app/minitwitter}

die() {
  printf 'bench-http: error: %s\n' "$*" >&2
  exit 1
}
log() { printf 'bench-http: %s\n' "$*" >&2; }

out=""
threads=""
pin=1
while (($# > 0)); do
  case $1 in
    --out)
      (($# >= 2)) || die "--out needs a path"
      out=$2
      shift 2
      ;;
    --threads)
      (($# >= 2)) || die "--threads needs a number"
      threads=$2
      shift 2
      ;;
    --no-pin)
      pin=0
      shift
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
cores=$(nproc)
server_pin=()
wrk_pin=()
if ((pin && cores >= 2)); then
  command -v taskset >/dev/null || die "taskset not found (util-linux); or pass --no-pin"
  half=$((cores / 2))
  server_pin=(taskset -c "0-$((half - 1))")
  wrk_pin=(taskset -c "${half}-$((cores - 1))")
  threads=${threads:-${half}}
  WRK_THREADS=${WRK_THREADS:-$((cores - half))}
else
  pin=0
  threads=${threads:-${cores}}
  WRK_THREADS=${WRK_THREADS:-2}
fi
readonly WRK_THREADS
[[ ${WRK_THREADS} =~ ^[1-9][0-9]*$ ]] || die "WRK_THREADS must be a positive integer"
[[ ${threads} =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive integer, got '${threads}'"
[[ ${ROUNDS} =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, got '${ROUNDS}'"
for c in ${CONNECTIONS}; do
  [[ ${c} =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be positive integers, got '${c}'"
done

for tool in wrk nginx curl python3; do
  command -v "${tool}" >/dev/null || die "${tool} not found; run tools/setup.sh as root"
done
NGINX=$(command -v nginx)
[[ -x ${MINITWITTER_BIN} ]] ||
  die "server binary ${MINITWITTER_BIN} not found; build it (cmake --preset release && cmake --build --preset release) or set MINITWITTER_BIN"
declare -A file_size
for f in "${FILES[@]}"; do
  [[ -f "${SITE}/${f}" ]] || die "site/${f} is missing (the benchmark's fixture files live in site/files/)"
  file_size[${f}]=$(stat -c %s "${SITE}/${f}")
done

# Both servers and wrk hold a descriptor per connection.
hard=$(ulimit -Hn)
if [[ ${hard} == unlimited ]] || ((hard >= 65536)); then
  ulimit -n 65536
else
  ulimit -n "${hard}"
fi
needed=$((4 * $(tr ' ' '\n' <<<"${CONNECTIONS}" | sort -n | tail -n 1) + 256))
(($(ulimit -n) >= needed)) ||
  log "warning: open-file limit $(ulimit -n) is below the ${needed} this run may need"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-http.XXXXXX")
readonly WORK
pids=()
declare -A server_pid
keep_logs=0

# Stops every process this script started (TERM, then KILL after 5 s).
cleanup() {
  local pid i
  for pid in "${pids[@]}"; do
    kill -TERM "${pid}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for ((i = 0; i < 50; i++)); do
      kill -0 "${pid}" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "${pid}" 2>/dev/null; then
      log "process ${pid} ignored SIGTERM; killing it"
      kill -KILL "${pid}" 2>/dev/null || true
    fi
    wait "${pid}" 2>/dev/null || true
  done
  if ((keep_logs)); then
    log "logs kept in ${WORK}"
  else
    rm -rf "${WORK}"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_ready NAME PID PORT : waits until the server answers the first fixture file
# with the right number of bytes.
wait_ready() {
  local name=$1 pid=$2 port=$3 path=${FILES[0]} i got
  for ((i = 0; i < 100; i++)); do
    if ! kill -0 "${pid}" 2>/dev/null; then
      keep_logs=1
      die "${name} exited during start-up; its log is in ${WORK}/${name}.log"
    fi
    if got=$(curl -fsS -o /dev/null -w '%{size_download}' "http://127.0.0.1:${port}/${path}" 2>/dev/null); then
      [[ ${got} == "${file_size[${path}]}" ]] ||
        die "${name} served ${got} bytes for /${path}, expected ${file_size[${path}]}"
      return 0
    fi
    sleep 0.1
  done
  keep_logs=1
  die "${name} did not answer on port ${port} within 10 s; its log is in ${WORK}/${name}.log"
}

start_nginx() {
  local port=$1 user_line=""
  # As root, nginx's workers would switch to 'nobody'; keep the caller's user so the
  # site folder is readable whatever its permissions.
  ((EUID == 0)) && user_line="user $(id -un) $(id -gn);"
  mkdir -p "${WORK}/nginx"
  cat >"${WORK}/nginx/nginx.conf" <<EOF
${user_line}
worker_processes ${threads};
worker_rlimit_nofile $(ulimit -n);
daemon off;
pid ${WORK}/nginx/nginx.pid;
error_log ${WORK}/nginx.log notice;
events {
  worker_connections 16384;
  use epoll;
}
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  types { text/plain txt; }
  default_type application/octet-stream;
  client_body_temp_path ${WORK}/nginx/body;
  proxy_temp_path ${WORK}/nginx/proxy;
  fastcgi_temp_path ${WORK}/nginx/fastcgi;
  uwsgi_temp_path ${WORK}/nginx/uwsgi;
  scgi_temp_path ${WORK}/nginx/scgi;
  server {
    listen 127.0.0.1:${port} backlog=4096;
    root ${SITE};
  }
}
EOF
  "${server_pin[@]}" "${NGINX}" -p "${WORK}/nginx" -e "${WORK}/nginx.log" -c "${WORK}/nginx/nginx.conf" \
    >"${WORK}/nginx.out" 2>&1 &
  pids+=("$!")
  server_pid[nginx]=$!
  wait_ready nginx "$!" "${port}"
}

start_minitwitter() {
  local port=$1
  "${server_pin[@]}" "${MINITWITTER_BIN}" serve --bind 127.0.0.1 --port "${port}" --threads "${threads}" \
    --static-dir "${SITE}" >"${WORK}/minitwitter.log" 2>&1 &
  pids+=("$!")
  server_pid[minitwitter]=$!
  wait_ready minitwitter "$!" "${port}"
}

# run_wrk SERVER PORT FILE CONNECTIONS ROUND : one measurement, appended to runs.tsv.
run_wrk() {
  local server=$1 port=$2 file=$3 conns=$4 round=$5 log
  log="${WORK}/wrk-${server}-$(basename "${file}")-c${conns}-r${round}.txt"
  local status=0
  "${wrk_pin[@]}" wrk -t"${WRK_THREADS}" -c"${conns}" -d"${DURATION}" --latency \
    "http://127.0.0.1:${port}/${file}" >"${log}" 2>&1 || status=$?
  if ! kill -0 "${server_pid[${server}]}" 2>/dev/null; then
    keep_logs=1
    tail -n 20 "${WORK}/${server}.log" >&2
    die "${server} (pid ${server_pid[${server}]}) died during the run; its log is in ${WORK}/${server}.log"
  fi
  if ((status != 0)); then
    keep_logs=1
    cat "${log}" >&2
    die "wrk failed against ${server} (exit ${status})"
  fi
  python3 - "${log}" "${server}" "${file}" "${conns}" "${round}" >>"${WORK}/runs.tsv" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
if not rps or not p99:
    sys.exit(f"bench-http: cannot parse wrk output:\n{text}")
scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
errors = 0
m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
if m:
    errors += int(m.group(1))
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
if m:
    errors += sum(int(g) for g in m.groups())
print("\t".join([*sys.argv[2:6], rps.group(1), f"{float(p99.group(1)) * scale:.3f}", str(errors)]))
EOF
  tail -n 1 "${WORK}/runs.tsv" | awk -F'\t' '{printf "bench-http:   %-11s %8.0f req/s  p99 %7.2f ms  errors %d\n", $1, $5, $6, $7}' >&2
}

nginx_port=$(free_port)
start_nginx "${nginx_port}"
mt_port=$(free_port)
while [[ ${mt_port} == "${nginx_port}" ]]; do mt_port=$(free_port); done
start_minitwitter "${mt_port}"
log "nginx on port ${nginx_port}, minitwitter on port ${mt_port}, ${threads} thread(s) each"
if ((pin)); then
  log "servers pinned to cores ${server_pin[2]}, wrk to cores ${wrk_pin[2]}"
else
  log "not pinned: servers and wrk share all ${cores} cores"
fi
log "${ROUNDS} round(s) of ${DURATION} per server, wrk -t${WRK_THREADS}, connections: ${CONNECTIONS}"

: >"${WORK}/runs.tsv"
for file in "${FILES[@]}"; do
  for conns in ${CONNECTIONS}; do
    log "/${file} (${file_size[${file}]} bytes), ${conns} connections"
    for ((round = 1; round <= ROUNDS; round++)); do
      # Alternate which server goes first, so neither always runs on a warmer machine.
      if ((round % 2)); then order=(nginx minitwitter); else order=(minitwitter nginx); fi
      for server in "${order[@]}"; do
        if [[ ${server} == nginx ]]; then port=${nginx_port}; else port=${mt_port}; fi
        run_wrk "${server}" "${port}" "${file}" "${conns}" "${round}"
      done
    done
  done
done

# Summarise: medians per file x connections, printed as a table and written as JSON/CSV.
python3 - "${WORK}/runs.tsv" "${out}" "${threads}" "${DURATION}" "${ROUNDS}" "${WRK_THREADS}" \
  "$("${NGINX}" -v 2>&1)" "${MINITWITTER_BIN}" "${server_pin[2]:-all}" "${wrk_pin[2]:-all}" <<'EOF'
import csv, json, os, platform, statistics, sys, time
(runs_path, out, threads, duration, rounds, wrk_threads, nginx_version, minitwitter_bin,
 server_cores, wrk_cores) = sys.argv[1:11]
runs = []
with open(runs_path) as f:
    for server, file, conns, rnd, rps, p99, errors in csv.reader(f, delimiter="\t"):
        runs.append(dict(server=server, file=file, connections=int(conns), round=int(rnd),
                         requests_per_second=float(rps), p99_ms=float(p99), errors=int(errors)))
rows = []
keys = []
for r in runs:
    if (r["file"], r["connections"]) not in keys:
        keys.append((r["file"], r["connections"]))
for file, conns in keys:
    def med(server, field):
        return statistics.median(r[field] for r in runs
                                 if r["server"] == server and r["file"] == file
                                 and r["connections"] == conns)
    def errs(server):
        return sum(r["errors"] for r in runs if r["server"] == server and r["file"] == file
                   and r["connections"] == conns)
    n, m = med("nginx", "requests_per_second"), med("minitwitter", "requests_per_second")
    rows.append(dict(file=file, connections=conns, nginx_rps=round(n, 1), minitwitter_rps=round(m, 1),
                     ratio=round(m / n, 3) if n else None,
                     nginx_p99_ms=round(med("nginx", "p99_ms"), 3),
                     minitwitter_p99_ms=round(med("minitwitter", "p99_ms"), 3),
                     nginx_errors=errs("nginx"), minitwitter_errors=errs("minitwitter")))

header = f"{'file':<22} {'conns':>5} {'nginx req/s':>12} {'minitwitter req/s':>18} {'ratio':>6} {'nginx p99':>10} {'mt p99':>10}"
print()
print(header)
print("-" * len(header))
for r in rows:
    print(f"{r['file']:<22} {r['connections']:>5} {r['nginx_rps']:>12.0f} {r['minitwitter_rps']:>18.0f} "
          f"{r['ratio']:>6.2f} {r['nginx_p99_ms']:>8.2f}ms {r['minitwitter_p99_ms']:>8.2f}ms")
total_errors = sum(r["nginx_errors"] + r["minitwitter_errors"] for r in rows)
if total_errors:
    print(f"\nwarning: {total_errors} failed requests (non-2xx or socket errors); see the JSON")
print(f"\nmedians of {rounds} round(s) of {duration}, {threads} server thread(s) on cores {server_cores}, "
      f"wrk -t{wrk_threads} on cores {wrk_cores}")

if out:
    base = out[:-5] if out.endswith(".json") else out[:-4] if out.endswith(".csv") else out
    os.makedirs(os.path.dirname(os.path.abspath(base)), exist_ok=True)
    doc = dict(benchmark="bench-http", version=1,
               time=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
               environment=dict(kernel=platform.release(), cpus=os.cpu_count(), host=platform.node(),
                                nginx=nginx_version, minitwitter=minitwitter_bin),
               parameters=dict(server_threads=int(threads), duration=duration, rounds=int(rounds),
                               wrk_threads=int(wrk_threads), server_cores=server_cores,
                               wrk_cores=wrk_cores),
               summary=rows, runs=runs)
    with open(base + ".json", "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    with open(base + ".csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {base}.json and {base}.csv")
EOF
