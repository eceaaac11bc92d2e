#!/usr/bin/env python3
"""One snapshot of the counters tools/bench-timeline.sh compares before and after a run.

Prints a JSON object: the time, per-CPU busy and total jiffies (/proc/stat), the CPU
time of the server process, the CPU time of the whole PostgreSQL cluster (the
postmaster, its live children, and its reaped children's time, so backends that exit
during the run, as pgbench's do at its end, still count), and, with --metrics, the
server's counters from /metrics.

usage: snapshot.py [--server-pid PID] [--postmaster-pid PID] [--metrics URL]
"""
import argparse
import json
import os
import re
import time
import urllib.request

METRICS = {
    "statements": re.compile(r"^minitwitter_db_statements_total (\S+)$", re.M),
    "accepted": re.compile(r"^minitwitter_connections_accepted_total (\S+)$", re.M),
    "refused": re.compile(r"^minitwitter_connections_refused_total (\S+)$", re.M),
}
REQUESTS = re.compile(r'^minitwitter_http_requests_total\{status="([^"]+)"\} (\S+)$', re.M)


def cpu_jiffies() -> dict:
    cpus = {}
    with open("/proc/stat") as f:
        for line in f:
            if not line.startswith("cpu") or line.startswith("cpu "):
                continue
            name, *values = line.split()
            values = [int(v) for v in values]
            idle = values[3] + values[4]  # idle + iowait
            total = sum(values[:8])  # guest time is already in user
            cpus[name[3:]] = {"busy": total - idle, "total": total}
    return cpus


def stat_fields(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    # The command name may hold spaces and parentheses: fields start after the last ')'.
    return text[text.rindex(")") + 2:].split()


def process_ticks(pid: int, with_children: bool = False) -> int:
    fields = stat_fields(pid)
    if fields is None:
        return 0
    # fields[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
    ticks = int(fields[11]) + int(fields[12])
    if with_children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = stat_fields(int(entry))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry))
    return found


def server_metrics(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    values = {}
    for key, pattern in METRICS.items():
        m = pattern.search(text)
        values[key] = float(m.group(1)) if m else None
    values["requests_by_status"] = {status: float(n) for status, n in REQUESTS.findall(text)}
    return values


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-pid", type=int)
    parser.add_argument("--postmaster-pid", type=int)
    parser.add_argument("--metrics")
    args = parser.parse_args()
    snapshot = {"time": time.time(), "tick_hz": os.sysconf("SC_CLK_TCK"), "cpus": cpu_jiffies()}
    if args.server_pid:
        snapshot["server_ticks"] = process_ticks(args.server_pid)
    if args.postmaster_pid:
        snapshot["postgres_ticks"] = process_ticks(args.postmaster_pid, with_children=True) + sum(
            process_ticks(child) for child in children_of(args.postmaster_pid))
    if args.metrics:
        snapshot["metrics"] = server_metrics(args.metrics)
    print(json.dumps(snapshot))


if __name__ == "__main__":
    main()
