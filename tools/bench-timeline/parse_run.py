#!/usr/bin/env python3
"""Turns one measured run of tools/bench-timeline.sh into one JSON line.

  parse_run.py wrk LOG BEFORE AFTER --connections C --db-connections W --round R
      LOG is wrk's output (with --latency and timeline.lua); BEFORE and AFTER are
      snapshot.py outputs taken just before and after wrk, with --metrics.
  parse_run.py pgbench LOG BEFORE AFTER --log-prefix P --connections C
      --db-connections W --round R
      LOG is pgbench's output; P the prefix of its per-transaction logs (-l); BEFORE is
      a snapshot taken some seconds into the run (after a warm-up), AFTER one at its end.
      Throughput and latency come from the transactions that ended after BEFORE,
      so connecting, preparing and the first (custom) plans of every prepared statement
      are not measured, as they are not on the server side (its pool is warm).

Exits non-zero, with the reason, when the run had any failure.
"""
import argparse
import glob
import json
import re
import statistics
import sys


def percentile(sorted_values: list[float], p: float) -> float:
    # Nearest rank, as wrk and most tools report.
    if not sorted_values:
        return float("nan")
    rank = max(1, int(round(p / 100 * len(sorted_values) + 0.5)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def cpu_list(text: str | None) -> list[str]:
    cpus = []
    for part in (text or "").split(","):
        if "-" in part:
            first, last = part.split("-")
            cpus += [str(c) for c in range(int(first), int(last) + 1)]
        elif part:
            cpus.append(part)
    return cpus


def cpu_usage(before: dict, after: dict, events: float, server_cpus: list[str]) -> dict:
    """CPU per core (busy fraction), per process (microseconds per event), and how much
    of the server's cores went to processes other than the server and PostgreSQL (on a
    shared machine, the scheduler's share for the benchmark depends on how many
    runnable threads it has against the others': CPU time per operation does not)."""
    hz = before["tick_hz"]
    usage = {"cores_busy": {}}
    for cpu, b in before["cpus"].items():
        a = after["cpus"][cpu]
        total = a["total"] - b["total"]
        usage["cores_busy"][cpu] = round((a["busy"] - b["busy"]) / total, 3) if total else None
    ours = 0
    for key in ("server_ticks", "postgres_ticks"):
        if key in before and key in after and events:
            ours += after[key] - before[key]
            usage[key.replace("_ticks", "_cpu_us_per_op")] = round(
                (after[key] - before[key]) / hz * 1e6 / events, 1)
    if server_cpus and all(usage["cores_busy"].get(c) is not None for c in server_cpus):
        elapsed = after["time"] - before["time"]
        busy = sum(usage["cores_busy"][c] for c in server_cpus) / len(server_cpus)
        mine = ours / hz / elapsed / len(server_cpus)
        usage["server_cores_ours"] = round(mine, 3)
        usage["server_cores_others"] = round(max(0.0, busy - mine), 3)
    return usage


def client_usage(path: str | None, operations: int) -> dict | None:
    """The load generator's CPU: the fraction of its one core it used, and per operation."""
    if not path:
        return None
    with open(path) as f:
        usage = json.load(f)
    cpu = usage["user"] + usage["system"]
    return {"busy": round(cpu / usage["wall"], 3) if usage["wall"] else None,
            "cpu_us_per_op": round(cpu * 1e6 / operations, 1) if operations else None}


def parse_wrk(args, text: str, before: dict, after: dict) -> dict:
    def number(pattern: str) -> float:
        m = re.search(pattern, text, re.M)
        if not m:
            sys.exit(f"parse_run: cannot find /{pattern}/ in wrk's output:\n{text}")
        return float(m.group(1))

    def millis(label: str) -> float:
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        if not m:
            sys.exit(f"parse_run: no {label}th percentile in wrk's output:\n{text}")
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    requests = int(number(r"^\s+(\d+) requests in "))
    seconds_match = re.search(r"^\s+\d+ requests in ([\d.]+)(ms|s|m)", text, re.M)
    seconds = float(seconds_match.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[
        seconds_match.group(2)]
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = dict(zip(("connect", "read", "write", "timeout"),
                             (int(g) for g in socket.groups()))) if socket else {}
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    check = re.search(r"^timeline-check: responses (\d+) failures (\d+)$", text, re.M)
    if not check:
        sys.exit(f"parse_run: timeline.lua reported nothing (wrong script?):\n{text}")

    mb, ma = before["metrics"], after["metrics"]
    by_status = {}
    for status in set(mb["requests_by_status"]) | set(ma["requests_by_status"]):
        delta = ma["requests_by_status"].get(status, 0) - mb["requests_by_status"].get(status, 0)
        if delta:
            by_status[status] = int(delta)
    # The "before" /metrics request is counted after it was answered, so it is in the
    # delta; the "after" one is not. Of the accepted connections, one is the "after"
    # scrape's and one wrk's own probe: before starting its threads, wrk connects once
    # to check the address and closes that connection without sending anything.
    served = by_status.get("200", 0) - 1
    statements = ma["statements"] - mb["statements"]
    run = {
        "side": "server",
        "requests": requests,
        "seconds": seconds,
        "throughput": round(requests / seconds, 1),
        "latency_p50_ms": round(millis("50"), 3),
        "latency_p99_ms": round(millis("99"), 3),
        "latency_avg_ms": None,
        "failures": {
            "socket_errors": socket_errors,
            "non_2xx": int(non2xx.group(1)) if non2xx else 0,
            "bad_responses": int(check.group(2)),
            "server_non_200": {s: n for s, n in by_status.items() if s != "200"},
        },
        "checked_responses": int(check.group(1)),
        "server": {
            "requests_200": served,
            "connections_accepted": int(ma["accepted"] - mb["accepted"]) - 2,
            "connections_refused": int(ma["refused"] - mb["refused"]),
            "statements": int(statements),
            "statements_per_request": round(statements / served, 3) if served > 0 else None,
        },
        "cpu": cpu_usage(before, after, served, cpu_list(args.server_cpus)),
        "client": client_usage(args.client_cpu, requests),
    }
    m = re.search(r"^\s+Latency\s+([\d.]+)(us|ms|s)\s", text, re.M)
    if m:
        run["latency_avg_ms"] = round(float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[
            m.group(2)], 3)
    problems = []
    if any(socket_errors.values()):
        problems.append(f"socket errors {socket_errors}")
    if run["failures"]["non_2xx"] or run["failures"]["bad_responses"]:
        problems.append(f"{run['failures']['non_2xx']} non-2xx, "
                        f"{run['failures']['bad_responses']} bad responses")
    if run["failures"]["server_non_200"]:
        problems.append(f"server answered {run['failures']['server_non_200']}")
    if run["server"]["connections_accepted"] != args.connections:
        problems.append(f"server accepted {run['server']['connections_accepted']} connections, "
                        f"wrk opened {args.connections}")
    if run["server"]["connections_refused"]:
        problems.append(f"server refused {run['server']['connections_refused']} connections")
    if not requests <= served <= requests + args.connections:
        problems.append(f"server answered {served} requests, wrk counted {requests}")
    if run["checked_responses"] != requests:
        problems.append(f"timeline.lua checked {run['checked_responses']} of {requests} responses")
    return run, problems


def parse_pgbench(args, text: str, before: dict, after: dict) -> dict:
    transactions = []  # (end time in s, latency in ms)
    files = sorted(glob.glob(args.log_prefix + ".*"))
    if not files:
        sys.exit(f"parse_run: no pgbench log {args.log_prefix}.*")
    for path in files:
        with open(path) as f:
            for line in f:
                fields = line.split()
                # client_id transaction_no time script_no time_epoch time_us
                if len(fields) < 6 or fields[2] in ("failed", "skipped"):
                    continue
                transactions.append((int(fields[4]) + int(fields[5]) / 1e6,
                                     int(fields[2]) / 1000.0))
    if not transactions:
        sys.exit(f"parse_run: pgbench logged no transaction:\n{text}")
    # The measured window starts when BEFORE was taken, so throughput, latency and CPU
    # time all cover the same transactions.
    window_start = before["time"]
    last_end = max(end for end, _ in transactions)
    measured = sorted(latency for end, latency in transactions if end >= window_start)
    seconds = last_end - window_start
    if seconds <= 0 or not measured:
        sys.exit("parse_run: pgbench ran no longer than its warm-up")
    failed = re.search(r"number of failed transactions: (\d+)", text)
    own_tps = re.search(r"^tps = ([\d.]+)", text, re.M)
    processed = re.search(r"number of transactions actually processed: (\d+)", text)
    run = {
        "side": "pgbench",
        "requests": len(measured),
        "seconds": round(seconds, 3),
        "throughput": round(len(measured) / seconds, 1),
        "latency_p50_ms": round(percentile(measured, 50), 3),
        "latency_p99_ms": round(percentile(measured, 99), 3),
        "latency_avg_ms": round(statistics.fmean(measured), 3),
        "failures": {"failed_transactions": int(failed.group(1)) if failed else None,
                     "aborted": "aborted" in text},
        "pgbench_tps_whole_run": float(own_tps.group(1)) if own_tps else None,
        "cpu": cpu_usage(before, after, len(measured), cpu_list(args.server_cpus)),
        "client": client_usage(args.client_cpu, int(processed.group(1)) if processed else 0),
    }
    problems = []
    if run["failures"]["failed_transactions"] != 0:
        problems.append(f"{run['failures']['failed_transactions']} failed transactions")
    if run["failures"]["aborted"]:
        problems.append("a pgbench client aborted")
    return run, problems


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["wrk", "pgbench"])
    parser.add_argument("log")
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--db-connections", type=int, required=True)
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--log-prefix")
    parser.add_argument("--client-cpu", help="cputime.py's output for the load generator")
    parser.add_argument("--server-cpus", help="the cores the server and PostgreSQL are pinned to")
    args = parser.parse_args()
    text = open(args.log).read()
    before = json.load(open(args.before))
    after = json.load(open(args.after))
    parse = parse_wrk if args.kind == "wrk" else parse_pgbench
    run, problems = parse(args, text, before, after)
    run = {"connections": args.connections, "db_connections": args.db_connections,
           "round": args.round, **run, "problems": problems}
    print(json.dumps(run))
    if run["side"] == "server":
        extra = f"{run['server']['statements_per_request']} statements/request"
    else:
        extra = f"avg {run['latency_avg_ms']:.2f} ms"
    print(f"bench-timeline:   {run['side']:<8} {run['throughput']:8.0f}/s  "
          f"p50 {run['latency_p50_ms']:6.2f} ms  p99 {run['latency_p99_ms']:6.2f} ms  {extra}",
          file=sys.stderr)
    if problems:
        print(f"bench-timeline: {run['side']} run failed checks: {'; '.join(problems)}",
              file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
