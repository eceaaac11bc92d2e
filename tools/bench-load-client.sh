#!/usr/bin/env bash
# Measures the load client (`minitwitter-client load --scenario static`) against wrk,
# the reference HTTP load generator (Debian's wrk 4.1), on loopback: both drive the
# same static file (/files/hello-100.txt from site/) on the same `minitwitter serve`,
# with the same number of connections. Issue 5 asks the load client to drive at least
# 90% of wrk's throughput, with a p50 and a p99 within 20% of wrk's.
#
# Usage: tools/bench-load-client.sh [--out PATH] [--raw DIR] [--check] [--no-pin]
#                                   [--server-threads N] [--realtime]
#   --out PATH           also write the results to PATH.json and PATH.csv (a .json or
#                        .csv suffix on PATH is dropped first)
#   --raw DIR            copy every raw output into DIR: wrk's output, the load
#                        client's results documents (gzipped) and summaries, each
#                        generator's CPU time (.time: user, system, elapsed seconds)
#   --check              exit 3 if a connection count fails a threshold (default:
#                        exit 0 whatever the verdict; 1 means the bench itself failed)
#   --no-pin             let the server and the load generators share every core
#   --server-threads N   server event loops (default: the server's cores)
#   --realtime           run the server and the generators under SCHED_FIFO (chrt -f
#                        10, as root): on a machine busy with other work they then
#                        get their cores, and throughput and p50 become repeatable.
#                        Not for p99: the kernel still stops real-time tasks for
#                        50 ms of every second (sched_rt_runtime_us), and wrk's
#                        correction (below) turns each such stall into a p99 of tens
#                        of ms. Other processes on those cores nearly stop meanwhile.
#
# Why the comparison is fair:
# - Same work. Both generators run one thread (wrk -t1, load --threads 1), pinned with
#   taskset to the same single core, while the server runs on the first half of the
#   cores (on 2 cores: server on core 0, generator on core 1), so neither generator
#   competes with the server and each meets the same server. Both use the same
#   connection count, closed loop (each connection sends its next request as soon as
#   the response is in, no think time), HTTP/1.1 keep-alive, and send the very same
#   bytes: "GET /files/hello-100.txt HTTP/1.1", "Host: 127.0.0.1:PORT", nothing else.
# - Same measurement. wrk starts a request's clock just before writing it, on its
#   event loop's next pass after the previous response was read; the load client at
#   the moment the request was due, which in a closed loop without think time is the
#   end of the event-loop pass that read the previous response, just before the write.
#   So neither counts its own work on other connections between reading a response and
#   sending the next request. Both stop the clock when the whole response has been read.
#   Percentiles are nearest-rank (wrk: 1 µs buckets; the load client: log-linear
#   buckets within 0.39%). Throughput is the requests completed in the measured period
#   divided by its length.
# - wrk 4.1 does not print the latencies it measured. It first corrects them for
#   coordinated omission (stats_correct in its stats.c: with interval = run time /
#   (requests / connections), each latency n >= 2 * interval adds synthetic samples
#   n - interval, n - 2 * interval, ... while > interval), which raises its tail, often
#   by orders of magnitude, as soon as a few requests took more than twice the mean
#   (one scheduler stall is enough). The load client reports what it measured. The
#   script also applies wrk's correction to the load client's histogram (in its
#   results document) and shows both; it judges on the load client's own figures by
#   default, because the correction multiplies the few samples above twice the cycle
#   time and so swings from run to run with a handful of stalls
#   (LATENCY_BASIS=corrected judges on the corrected ones).
# - Same warm-up. wrk has no warm-up option, so a 1 s wrk pass is run first and its
#   figures discarded; the load client gets --warmup 1s (its connections stay open
#   into the measured period, wrk's measured pass opens fresh ones: one connect per
#   connection in 10 s, far below the noise).
# - Same conditions. Rounds alternate which generator goes first, so neither always
#   meets a warmer machine, and the median of the rounds is reported for each.
# Also reported, to explain a difference rather than to judge: each generator's CPU
# µs per request (GNU time: which generator is cheaper, even when the server limits
# the throughput), the server's CPU µs per request (the same for both if both ask for
# the same work; for the load client its warm-up is estimated at the measured rate),
# and the share of the server's cores and of the generator's core that other
# processes took during each run (/proc/stat): above a few percent the figures
# measure the machine more than the tools.
# Environment:
#   ROUNDS=3                 rounds per connection count
#   DURATION=10s             measured period of each run (whole seconds: 10, 10s, 2m)
#   CONNECTIONS="16 64"      connection counts
#   MIN_THROUGHPUT_RATIO=0.90  load/wrk throughput must be at least this
#   MAX_LATENCY_DIFF=0.20    |load/wrk - 1| for p50 and p99 must be at most this
#   LATENCY_BASIS=own        judge the load client's percentiles as it reports them
#                            (default), or 'corrected': corrected as wrk corrects its
#                            own
#   MINITWITTER_BIN=...      server (default build/release/server/app/minitwitter)
#   LOAD_CLIENT_BIN=...      load client (default build/release/client/cli/minitwitter-client)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=${PWD}
readonly SITE="${ROOT}/site"
readonly FILE=files/hello-100.txt
readonly ROUNDS=${ROUNDS:-3}
readonly DURATION=${DURATION:-10s}
readonly CONNECTIONS=${CONNECTIONS:-16 64}
readonly MIN_THROUGHPUT_RATIO=${MIN_THROUGHPUT_RATIO:-0.90}
readonly MAX_LATENCY_DIFF=${MAX_LATENCY_DIFF:-0.20}
readonly MINITWITTER_BIN=${MINITWITTER_BIN:-${ROOT}/build/release/server/app/minitwitter}
readonly LOAD_CLIENT_BIN=${LOAD_CLIENT_BIN:-${ROOT}/build/release/client/cli/minitwitter-client}
readonly WARMUP_SECONDS=1

die() {
  printf 'bench-load-client: error: %s\n' "$*" >&2
  exit 1
}
log() { printf 'bench-load-client: %s\n' "$*" >&2; }

out=""
raw=""
check=0
pin=1
server_threads=""
realtime=0
while (($# > 0)); do
  case $1 in
    --out)
      (($# >= 2)) || die "--out needs a path"
      out=$2
      shift 2
      ;;
    --raw)
      (($# >= 2)) || die "--raw needs a folder"
      raw=$2
      shift 2
      ;;
    --check)
      check=1
      shift
      ;;
    --no-pin)
      pin=0
      shift
      ;;
    --realtime)
      realtime=1
      shift
      ;;
    --server-threads)
      (($# >= 2)) || die "--server-threads needs a number"
      server_threads=$2
      shift 2
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done

# Both tools take the duration in their own syntax; whole seconds are common to both.
[[ ${DURATION} =~ ^([0-9]+)(s|m)?$ ]] ||
  die "DURATION must be whole seconds or minutes (10, 10s, 2m), got '${DURATION}'"
duration_s=$((10#${BASH_REMATCH[1]}))
[[ ${BASH_REMATCH[2]} == m ]] && duration_s=$((duration_s * 60))
((duration_s >= 1)) || die "DURATION must be at least 1 s"
readonly duration_s
[[ ${ROUNDS} =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, got '${ROUNDS}'"
for c in ${CONNECTIONS}; do
  [[ ${c} =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be positive integers, got '${c}'"
done
case ${LATENCY_BASIS:=own} in
  corrected | own) export LATENCY_BASIS ;;
  *) die "LATENCY_BASIS must be 'corrected' or 'own', got '${LATENCY_BASIS}'" ;;
esac
[[ ${MIN_THROUGHPUT_RATIO} =~ ^[0-9]*\.?[0-9]+$ ]] || die "MIN_THROUGHPUT_RATIO must be a number"
[[ ${MAX_LATENCY_DIFF} =~ ^[0-9]*\.?[0-9]+$ ]] || die "MAX_LATENCY_DIFF must be a number"

cores=$(nproc)
server_pin=()
gen_pin=()
server_cores_label=all
gen_cores_label=all
server_cores_list=$(seq -s ' ' 0 $((cores - 1)))
gen_cores_list=${server_cores_list}
if ((pin && cores >= 2)); then
  command -v taskset >/dev/null || die "taskset not found (util-linux); or pass --no-pin"
  half=$((cores / 2))
  server_cores=0
  ((half > 1)) && server_cores="0-$((half - 1))"
  server_pin=(taskset -c "${server_cores}")
  server_cores_list=$(seq -s ' ' 0 $((half - 1)))
  gen_cores_list=${half}
  # One generator thread: pin it to one core, so both generators run on the very same.
  gen_pin=(taskset -c "${half}")
  server_cores_label=${server_cores}
  gen_cores_label=${half}
  server_threads=${server_threads:-${half}}
else
  pin=0
  server_threads=${server_threads:-${cores}}
fi
if ((realtime)); then
  command -v chrt >/dev/null || die "chrt not found (util-linux)"
  chrt -f 10 true 2>/dev/null || die "cannot use SCHED_FIFO here (chrt -f 10 failed: not root?)"
  server_pin=(chrt -f 10 "${server_pin[@]}")
  gen_pin=(chrt -f 10 "${gen_pin[@]}")
fi
[[ ${server_threads} =~ ^[1-9][0-9]*$ ]] ||
  die "--server-threads must be a positive integer, got '${server_threads}'"

for tool in wrk curl python3; do
  command -v "${tool}" >/dev/null || die "${tool} not found; run tools/setup.sh as root"
done
[[ -x ${MINITWITTER_BIN} ]] ||
  die "server binary ${MINITWITTER_BIN} not found; build it (cmake --preset release && cmake --build --preset release) or set MINITWITTER_BIN"
[[ -x ${LOAD_CLIENT_BIN} ]] ||
  die "load client ${LOAD_CLIENT_BIN} not found; build it (cmake --preset release && cmake --build --preset release) or set LOAD_CLIENT_BIN"
[[ -f "${SITE}/${FILE}" ]] || die "site/${FILE} is missing (the benchmark's fixture files live in site/files/)"
file_size=$(stat -c %s "${SITE}/${FILE}")
readonly file_size
# GNU time gives each generator's CPU time; without it the CPU columns stay empty.
time_bin=""
[[ -x /usr/bin/time ]] && time_bin=/usr/bin/time

# The server and the generators hold a descriptor per connection.
hard=$(ulimit -Hn)
if [[ ${hard} == unlimited ]] || ((hard >= 65536)); then
  ulimit -n 65536
else
  ulimit -n "${hard}"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-load-client.XXXXXX")
readonly WORK
server_pid=""
keep_logs=0
# The machine's 1-minute load average when a measured run starts: a busy machine
# (another build) explains a noisy round.
loadavg=""

# shellcheck disable=SC2317  # run by the EXIT trap
# Stops the server (TERM, then KILL after 5 s) and keeps or removes the work folder.
cleanup() {
  local i
  if [[ -n ${server_pid} ]]; then
    kill -TERM "${server_pid}" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "${server_pid}" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "${server_pid}" 2>/dev/null; then
      log "server ${server_pid} ignored SIGTERM; killing it"
      kill -KILL "${server_pid}" 2>/dev/null || true
    fi
    wait "${server_pid}" 2>/dev/null || true
  fi
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

# Waits until the server answers the file with the right number of bytes.
wait_ready() {
  local port=$1 i got
  for ((i = 0; i < 100; i++)); do
    if ! kill -0 "${server_pid}" 2>/dev/null; then
      keep_logs=1
      die "the server exited during start-up; its log is in ${WORK}/minitwitter.log"
    fi
    if got=$(curl -fsS -o /dev/null -w '%{size_download}' "http://127.0.0.1:${port}/${FILE}" 2>/dev/null); then
      [[ ${got} == "${file_size}" ]] || die "the server sent ${got} bytes for /${FILE}, expected ${file_size}"
      return 0
    fi
    sleep 0.1
  done
  keep_logs=1
  die "the server did not answer on port ${port} within 10 s; its log is in ${WORK}/minitwitter.log"
}

check_server_alive() {
  if ! kill -0 "${server_pid}" 2>/dev/null; then
    keep_logs=1
    tail -n 20 "${WORK}/minitwitter.log" >&2
    die "the server (pid ${server_pid}) died during the $1 run; its log is in ${WORK}/minitwitter.log"
  fi
}

# Prints "SERVER BUSY TOTAL GEN_BUSY GEN_TOTAL" in clock ticks: the server's CPU time
# (utime + stime), the busy and total time of the server's cores and of the
# generator's core (/proc/stat). Between two snapshots, BUSY - SERVER is what other
# processes (builds...) took from the server's cores, GEN_BUSY minus the generator's
# CPU time what they took from the generator's: the noise of that run.
snapshot() {
  local stat
  stat=$(<"/proc/${server_pid}/stat")
  stat=${stat##*) }
  # After "pid (comm) ", utime and stime are the 12th and 13th fields.
  awk -v cores="${server_cores_list}" -v gen="${gen_cores_list}" -v stat="${stat}" '
    BEGIN { split(stat, f, " "); server = f[12] + f[13]
            n = split(cores, c, " "); for (i = 1; i <= n; i++) mine["cpu" c[i]] = 1
            n = split(gen, c, " "); for (i = 1; i <= n; i++) theirs["cpu" c[i]] = 1 }
    /^cpu[0-9]/ { idle = $5 + $6; all = 0; for (i = 2; i <= 9; i++) all += $i
                  if ($1 in mine) { busy += all - idle; total += all }
                  if ($1 in theirs) { gbusy += all - idle; gtotal += all } }
    END { print server, busy, total, gbusy, gtotal }' /proc/stat
}

# run_gen NAME LOG CMD... : runs a generator pinned to its core, under GNU time if
# present; its CPU seconds and wall time land in LOG.time. Returns its exit status.
run_gen() {
  local name=$1 log=$2 status=0
  shift 2
  if [[ -n ${time_bin} ]]; then
    "${gen_pin[@]}" "${time_bin}" -f '%U %S %e' -o "${log}.time" "$@" >"${log}" 2>"${log}.err" || status=$?
  else
    "${gen_pin[@]}" "$@" >"${log}" 2>"${log}.err" || status=$?
  fi
  check_server_alive "${name}"
  return "${status}"
}

# run_wrk CONNECTIONS ROUND : a discarded 1 s pass, then the measured one.
run_wrk() {
  local conns=$1 round=$2 url="http://127.0.0.1:${port}/${FILE}" base status=0 t0 t1
  base="${WORK}/wrk-c${conns}-r${round}"
  run_gen wrk "${base}-warmup.txt" wrk -t1 -c"${conns}" -d"${WARMUP_SECONDS}s" "${url}" || status=$?
  if ((status == 0)); then
    read -r loadavg _ </proc/loadavg
    t0=$(snapshot)
    run_gen wrk "${base}.txt" wrk -t1 -c"${conns}" -d"${duration_s}s" --latency "${url}" || status=$?
    t1=$(snapshot)
  fi
  if ((status != 0)); then
    keep_logs=1
    cat "${base}"*.txt "${base}"*.err >&2 2>/dev/null || true
    die "wrk failed (exit ${status})"
  fi
  record wrk "${conns}" "${round}" "${base}.txt" "${t0}" "${t1}"
}

# run_load CONNECTIONS ROUND : the load client with a 1 s warm-up.
run_load() {
  local conns=$1 round=$2 base status=0 t0 t1
  base="${WORK}/load-c${conns}-r${round}"
  read -r loadavg _ </proc/loadavg
  t0=$(snapshot)
  run_gen load "${base}.txt" "${LOAD_CLIENT_BIN}" load --target "http://127.0.0.1:${port}" \
    --scenario static --path "/${FILE}" --connections "${conns}" --threads 1 \
    --warmup "${WARMUP_SECONDS}s" --duration "${duration_s}s" --no-progress \
    --output "${base}.json" || status=$?
  t1=$(snapshot)
  if ((status != 0)); then
    keep_logs=1
    cat "${base}.txt" "${base}.txt.err" >&2 2>/dev/null || true
    die "the load client failed (exit ${status})"
  fi
  record load "${conns}" "${round}" "${base}.json" "${t0}" "${t1}"
}

# record TOOL CONNECTIONS ROUND OUTPUT SNAPSHOT_BEFORE SNAPSHOT_AFTER : parses one
# run's output into a line of runs.tsv (throughput, p50/p90/p99 in ms, errors, CPU,
# noise) and logs it.
record() {
  local tool=$1 conns=$2 round=$3 output=$4 before=$5 after=$6
  python3 - "${tool}" "${conns}" "${round}" "${output}" "${before}" "${after}" "$(getconf CLK_TCK)" \
    "${loadavg}" "${pin}" "${WARMUP_SECONDS}" "${duration_s}" >>"${WORK}/runs.tsv" <<'EOF'
import json, os, re, sys
tool, conns, rnd, output, before, after, clk_tck, loadavg, pinned, warmup_s, duration_s = sys.argv[1:12]
server_ticks, busy_ticks, total_ticks, gen_busy_ticks, gen_total_ticks = (
    int(a) - int(b) for a, b in zip(after.split(), before.split()))

def fail(message):
    sys.exit(f"bench-load-client: {message}")

if tool == "wrk":
    text = open(output).read()
    unit_ms = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
    def pct(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        if not m:
            fail(f"cannot parse wrk's {p}% line in {output}:\n{text}")
        return float(m.group(1)) * unit_ms[m.group(2)]
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    done = re.search(r"^\s+(\d+) requests in ([\d.]+)(us|ms|s|m)", text, re.M)
    if not rps or not done:
        fail(f"cannot parse wrk's output {output}:\n{text}")
    count, rps = int(done.group(1)), float(rps.group(1))
    p50, p90, p99 = pct(50), pct(90), pct(99)
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(g) for g in m.groups())
    corrected = (None, None, None)
else:
    try:
        doc = json.load(open(output))
        totals = doc["totals"]
        summary = totals["summary"]
        count = int(totals["count"])
        duration_ns = int(doc["metadata"]["durationNs"])
        rps = count / (duration_ns / 1e9)
        p50, p90, p99 = (summary[k] / 1e6 for k in ("p50Ns", "p90Ns", "p99Ns"))
        errors = sum(totals.get("errors", {}).values())
        histogram = totals["latency"]
        bits = int(histogram["layout"]["subBucketBits"])
        buckets = [(int(i), int(n)) for i, n in histogram["buckets"]]
        connections = int(doc["metadata"]["connections"])
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError) as e:
        fail(f"cannot read the load client's results {output}: {e!r}")
    # wrk 4.1 does not print the latencies it measured: before printing, it corrects
    # them for coordinated omission (stats_correct in its stats.c). With
    # interval = run time / (requests / connections), the mean time between two
    # requests of one connection, each latency n >= 2 * interval adds the synthetic
    # samples n - interval, n - 2 * interval, ... while > interval. It then reports
    # percentile p as the smallest n whose cumulative count reaches
    # round(p/100 * count + 0.5). The same, applied to the load client's histogram
    # (each bucket at its middle, in whole µs as wrk records), gives percentiles of the
    # same statistic as wrk's, reported beside the load client's own.
    data = {}
    for index, n in buckets:
        shift = 0 if index < (2 << bits) else (index >> bits) - 1
        lower = (index - (shift << bits)) << shift
        us = int((lower + (1 << shift) / 2) // 1000)
        data[us] = data.get(us, 0) + n
    total = sum(data.values())
    per_connection = count // connections
    if per_connection > 0 and data:
        interval = (duration_ns // 1000) // per_connection
        dense = [0] * (max(data) + 1)
        for us, n in data.items():
            dense[us] = n
        for n in range(2 * interval, len(dense)):
            k, m = dense[n], n - interval
            while k and m > interval:
                dense[m] += k
                total += k
                m -= interval
        data = {us: n for us, n in enumerate(dense) if n}
    def wrk_percentile(p):
        rank = round(p / 100 * total + 0.5)
        seen = 0
        for us in sorted(data):
            seen += data[us]
            if seen >= rank:
                return us / 1000
        return 0.0
    corrected = tuple(wrk_percentile(p) for p in (50, 90, 99))

# Generator CPU from GNU time ("user sys elapsed"): utilisation of its core over its
# whole invocation, and CPU per request at that utilisation.
cpu_util = cpu_us = gen_foreign = ""
try:
    user, system, elapsed = (float(x) for x in open(output.rsplit(".", 1)[0] + ".txt.time").read().split()[-3:])
    if elapsed > 0 and rps > 0:
        util = (user + system) / elapsed
        cpu_util, cpu_us = f"{util:.3f}", f"{util / rps * 1e6:.3f}"
    if pinned == "1" and gen_total_ticks:
        gen_ticks = (user + system) * int(clk_tck)
        gen_foreign = f"{max(0, gen_busy_ticks - gen_ticks) / gen_total_ticks:.3f}"
except (OSError, ValueError):
    pass
# The load client's window includes its warm-up, whose requests its results leave out:
# they are estimated at the measured rate (wrk's discarded pass is outside the window).
served = count if tool == "wrk" else count * (1 + int(warmup_s) / int(duration_s))
server_cpu_us = f"{server_ticks / int(clk_tck) / served * 1e6:.3f}" if count else ""
# Share of the server's cores that other processes used during the run (pinned only).
foreign = f"{max(0, busy_ticks - server_ticks) / total_ticks:.3f}" if pinned == "1" and total_ticks else ""
corrected = ["" if v is None else f"{v:.4f}" for v in corrected]
print("\t".join([tool, conns, rnd, str(count), f"{rps:.1f}", f"{p50:.4f}", f"{p90:.4f}",
                 f"{p99:.4f}", str(errors), cpu_util, cpu_us, server_cpu_us, loadavg, foreign,
                 *corrected, gen_foreign]))
EOF
  tail -n 1 "${WORK}/runs.tsv" | awk -F'\t' '{
    printf "bench-load-client:   %-4s %9.0f req/s  p50 %7.3f ms  p99 %7.3f ms  errors %d  CPU %s µs/req  others took %s of the server cores, %s of the generator core\n",
      $1, $5, $6, $8, $9, ($11 == "" ? "?" : $11), ($14 == "" ? "?" : sprintf("%.0f%%", 100 * $14)),
      ($18 == "" ? "?" : sprintf("%.0f%%", 100 * $18)) }' >&2
}

port=$(free_port)
# Its own SQLite file in the work folder: static files need no database, and the
# repository's data/ stays untouched.
"${server_pin[@]}" "${MINITWITTER_BIN}" serve --bind 127.0.0.1 --port "${port}" \
  --threads "${server_threads}" --static-dir "${SITE}" --database "${WORK}/minitwitter.db" \
  >"${WORK}/minitwitter.log" 2>&1 &
server_pid=$!
wait_ready "${port}"
log "minitwitter on port ${port} with ${server_threads} event loop(s)"
if ((pin)); then
  log "server pinned to core(s) ${server_cores_label}, wrk and the load client (one thread each) to core ${gen_cores_label}"
else
  log "not pinned: the server and the generators share all ${cores} cores"
fi
log "${ROUNDS} round(s) of ${duration_s} s per generator after a ${WARMUP_SECONDS} s warm-up, connections: ${CONNECTIONS}"

: >"${WORK}/runs.tsv"
for conns in ${CONNECTIONS}; do
  log "/${FILE} (${file_size} bytes), ${conns} connections"
  for ((round = 1; round <= ROUNDS; round++)); do
    # Alternate which generator goes first, so neither always runs on a warmer machine.
    if ((round % 2)); then order=(wrk load); else order=(load wrk); fi
    for tool in "${order[@]}"; do
      if [[ ${tool} == wrk ]]; then run_wrk "${conns}" "${round}"; else run_load "${conns}" "${round}"; fi
    done
  done
done

if [[ -n ${raw} ]]; then
  mkdir -p "${raw}"
  cp "${WORK}"/wrk-* "${WORK}"/load-* "${WORK}/runs.tsv" "${WORK}/minitwitter.log" "${raw}/"
  # The results documents are large (a histogram per second) and compress 15-fold.
  gzip -9f "${raw}"/load-c*-r*.json
  find "${raw}" -maxdepth 1 -type f -empty -delete
  log "raw outputs copied to ${raw}"
fi

# Medians per connection count, the ratios, the verdict; a table, and JSON/CSV.
python3 - "${WORK}/runs.tsv" "${out}" "${server_threads}" "${duration_s}" "${ROUNDS}" \
  "${WARMUP_SECONDS}" "${MIN_THROUGHPUT_RATIO}" "${MAX_LATENCY_DIFF}" "$(wrk -v 2>&1 | head -n 1)" \
  "${MINITWITTER_BIN}" "${LOAD_CLIENT_BIN}" "${server_cores_label}" "${gen_cores_label}" "${realtime}" \
  "${WORK}/verdict" <<'EOF'
import csv, json, os, platform, statistics, sys, time
(runs_path, out, server_threads, duration_s, rounds, warmup_s, min_ratio, max_diff, wrk_version,
 server_bin, load_bin, server_cores, gen_cores, realtime, verdict_path) = sys.argv[1:16]
realtime = realtime == "1"
min_ratio, max_diff = float(min_ratio), float(max_diff)
basis = os.environ.get("LATENCY_BASIS", "own")
prefix = "corrected_" if basis == "corrected" else ""
fields = ["tool", "connections", "round", "count", "requests_per_second", "p50_ms", "p90_ms",
          "p99_ms", "errors", "generator_cpu_utilisation", "generator_cpu_us_per_request",
          "server_cpu_us_per_request", "load_average_1min", "foreign_load_on_server_cores",
          "corrected_p50_ms", "corrected_p90_ms", "corrected_p99_ms",
          "foreign_load_on_generator_core"]
runs = []
with open(runs_path) as f:
    for line in csv.reader(f, delimiter="\t"):
        r = dict(zip(fields, line))
        for k in ("connections", "round", "count", "errors"):
            r[k] = int(r[k])
        for k in fields[4:8] + fields[9:]:
            if k != "errors":
                r[k] = float(r[k]) if r[k] != "" else None
        runs.append(r)

def med(tool, conns, field):
    values = [r[field] for r in runs if r["tool"] == tool and r["connections"] == conns
              and r[field] is not None]
    return statistics.median(values) if values else None

def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None

rows = []
for conns in dict.fromkeys(r["connections"] for r in runs):
    row = dict(connections=conns)
    for field, key in (("requests_per_second", "rps"), ("p50_ms", "p50_ms"), ("p90_ms", "p90_ms"),
                       ("p99_ms", "p99_ms"), ("generator_cpu_us_per_request", "cpu_us_per_req"),
                       ("server_cpu_us_per_request", "server_cpu_us_per_req"),
                       ("foreign_load_on_server_cores", "foreign_load"),
                       ("corrected_p50_ms", "corrected_p50_ms"), ("corrected_p90_ms", "corrected_p90_ms"),
                       ("corrected_p99_ms", "corrected_p99_ms"),
                       ("foreign_load_on_generator_core", "generator_core_foreign_load")):
        w, l = med("wrk", conns, field), med("load", conns, field)
        row[f"wrk_{key}"] = None if w is None else round(w, 4)
        row[f"load_{key}"] = None if l is None else round(l, 4)
        row[f"{key}_ratio"] = ratio(l, w)
    # The load client's percentiles corrected as wrk corrects its own, against wrk's.
    for p in ("p50", "p90", "p99"):
        del row[f"wrk_corrected_{p}_ms"]
        row[f"corrected_{p}_ms_ratio"] = ratio(row[f"load_corrected_{p}_ms"], row[f"wrk_{p}_ms"])
    row["wrk_errors"] = sum(r["errors"] for r in runs if r["tool"] == "wrk" and r["connections"] == conns)
    row["load_errors"] = sum(r["errors"] for r in runs if r["tool"] == "load" and r["connections"] == conns)
    # Paired per-round ratios: on a noisy machine these show how stable the ratio is.
    row["rps_ratio_per_round"] = [
        ratio(l["requests_per_second"], w["requests_per_second"])
        for w in runs if w["tool"] == "wrk" and w["connections"] == conns
        for l in runs if l["tool"] == "load" and l["connections"] == conns and l["round"] == w["round"]]
    failures = []
    if row["rps_ratio"] is None or row["rps_ratio"] < min_ratio:
        failures.append(f"throughput ratio {row['rps_ratio']} < {min_ratio}")
    for p in ("p50", "p99"):
        q = row[f"{prefix}{p}_ms_ratio"]
        if q is None or abs(q - 1) > max_diff + 1e-9:
            failures.append(f"{p} ratio ({basis}) {q} outside 1 ± {max_diff}")
    if row["wrk_errors"] or row["load_errors"]:
        failures.append(f"failed requests (wrk {row['wrk_errors']}, load {row['load_errors']})")
    row["verdict"] = "FAIL" if failures else "PASS"
    row["failures"] = failures
    rows.append(row)

def num(v, fmt):
    return format(v, fmt) if v is not None else "?"

def pair(a, b, fmt):
    return f"{num(a, fmt)} / {num(b, fmt)}"

header = (f"{'conns':>5} {'wrk req/s':>10} {'load req/s':>10} {'ratio':>6} | {'wrk p50':>7} "
          f"{'load p50 own/corr':>17} {'ratio own/corr':>14} | {'wrk p99':>7} {'load p99 own/corr':>17} "
          f"{'ratio own/corr':>14} | {'CPU µs/req wrk/load':>19} | verdict")
print()
print(header)
print("-" * len(header))
for r in rows:
    print(f"{r['connections']:>5} {r['wrk_rps']:>10.0f} {r['load_rps']:>10.0f} {num(r['rps_ratio'], '.2f'):>6} | "
          f"{r['wrk_p50_ms']:>7.3f} {pair(r['load_p50_ms'], r['load_corrected_p50_ms'], '.3f'):>17} "
          f"{pair(r['p50_ms_ratio'], r['corrected_p50_ms_ratio'], '.2f'):>14} | "
          f"{r['wrk_p99_ms']:>7.3f} {pair(r['load_p99_ms'], r['load_corrected_p99_ms'], '.3f'):>17} "
          f"{pair(r['p99_ms_ratio'], r['corrected_p99_ms_ratio'], '.2f'):>14} | "
          f"{pair(r['wrk_cpu_us_per_req'], r['load_cpu_us_per_req'], '.2f'):>19} | {r['verdict']}")
for r in rows:
    for f in r["failures"]:
        print(f"  {r['connections']} connections: {f}")
print(f"\nmedians of {rounds} round(s) of {duration_s} s after a {warmup_s} s warm-up; "
      f"server: {server_threads} event loop(s) on core(s) {server_cores}; wrk -t1 and load --threads 1 "
      f"on core(s) {gen_cores}" + ("; all under SCHED_FIFO (--realtime)" if realtime else ""))
print(f"thresholds: load/wrk throughput >= {min_ratio}, p50 and p99 within {max_diff:.0%} of wrk's")
print("latencies in ms. wrk's are corrected for coordinated omission (wrk 4.1 always does); the load "
      "client's: 'own' as it reports them, 'corr' corrected the way wrk corrects its own (see the script's "
      f"header). Verdict on the {basis} ones (LATENCY_BASIS).")
for key, what in (("foreign_load_on_server_cores", "the server's cores"),
                  ("foreign_load_on_generator_core", "the generators' core")):
    foreign = [r[key] for r in runs if r[key] is not None]
    if foreign and max(foreign) > 0.10:
        print(f"warning: other processes took up to {max(foreign):.0%} of {what} during the runs "
              f"(median {statistics.median(foreign):.0%}): the figures are noisy; rerun on a quiet machine")

if out:
    base = out[:-5] if out.endswith(".json") else out[:-4] if out.endswith(".csv") else out
    os.makedirs(os.path.dirname(os.path.abspath(base)), exist_ok=True)
    doc = dict(benchmark="bench-load-client", version=1,
               time=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
               environment=dict(kernel=platform.release(), cpus=os.cpu_count(), host=platform.node(),
                                wrk=wrk_version, minitwitter=server_bin, load_client=load_bin),
               parameters=dict(file="/files/hello-100.txt", server_threads=int(server_threads),
                               duration_s=int(duration_s), warmup_s=int(warmup_s), rounds=int(rounds),
                               generator_threads=1, server_cores=server_cores,
                               generator_cores=gen_cores, realtime=realtime, latency_basis=basis,
                               min_throughput_ratio=min_ratio,
                               max_latency_difference=max_diff),
               summary=rows, runs=runs)
    with open(base + ".json", "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    flat = [{k: v for k, v in r.items() if k not in ("rps_ratio_per_round", "failures")} for r in rows]
    with open(base + ".csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(flat[0].keys()))
        w.writeheader()
        w.writerows(flat)
    print(f"wrote {base}.json and {base}.csv")
with open(verdict_path, "w") as f:
    f.write("FAIL\n" if any(r["verdict"] == "FAIL" for r in rows) else "PASS\n")
EOF

if [[ $(<"${WORK}/verdict") == FAIL ]]; then
  if ((check)); then
    log "FAIL (--check)"
    exit 3
  fi
  log "FAIL (exit 0 without --check)"
fi
exit 0
