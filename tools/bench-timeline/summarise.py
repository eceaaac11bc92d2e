#!/usr/bin/env python3
"""Summarises the runs of tools/bench-timeline.sh (one JSON line each, from parse_run.py).

Prints a table per connection count: the medians over rounds of each side's
throughput and latency, and the median of the per-round ratios server / pgbench (each
round's two runs are neighbours in time, so their ratio cancels most of the machine's
drift); also statements per request and CPU per operation, and the "cpu ratio":
PostgreSQL's CPU time per pgbench transaction over the server's plus PostgreSQL's per
HTTP request, the ratio the throughputs would have with the cores to themselves. With --out DIR, writes
DIR/summary.json and DIR/summary.csv.
"""
import argparse
import csv
import json
import os
import statistics
import sys


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, spec, missing="-"):
    return missing if value is None else format(value, spec)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("runs")
    parser.add_argument("--out")
    parser.add_argument("--parameters", default="{}", help="JSON object recorded as is")
    parser.add_argument("--target", type=float, default=0.8)
    args = parser.parse_args()
    runs = [json.loads(line) for line in open(args.runs) if line.strip()]
    if not runs:
        sys.exit("summarise: no runs")

    rows = []
    for conns in sorted({r["connections"] for r in runs}):
        mine = [r for r in runs if r["connections"] == conns]
        server = [r for r in mine if r["side"] == "server"]
        pgbench = [r for r in mine if r["side"] == "pgbench"]
        ratios = []
        cpu_ratios = []
        for rnd in sorted({r["round"] for r in mine}):
            s = [r for r in server if r["round"] == rnd]
            p = [r for r in pgbench if r["round"] == rnd]
            if s and p and p[0]["throughput"]:
                ratios.append(s[0]["throughput"] / p[0]["throughput"])
            # The same ratio from CPU time per operation: what the throughputs would be
            # if each side had the cores to itself, whatever else the machine runs.
            if s and p:
                http_side = [s[0]["cpu"].get("server_cpu_us_per_op"),
                             s[0]["cpu"].get("postgres_cpu_us_per_op")]
                db_side = p[0]["cpu"].get("postgres_cpu_us_per_op")
                if None not in http_side and db_side and sum(http_side):
                    cpu_ratios.append(db_side / sum(http_side))

        def cpu(side, key):
            return median(r["cpu"].get(key) for r in side)

        def core(side, name):
            return median(r["cpu"]["cores_busy"].get(name) for r in side)

        rows.append({
            "connections": conns,
            "db_connections": mine[0]["db_connections"],
            "rounds": len(ratios),
            "server_rps": round(median(r["throughput"] for r in server), 1),
            "server_p50_ms": median(r["latency_p50_ms"] for r in server),
            "server_p99_ms": median(r["latency_p99_ms"] for r in server),
            "pgbench_tps": round(median(r["throughput"] for r in pgbench), 1),
            "pgbench_avg_ms": median(r["latency_avg_ms"] for r in pgbench),
            "pgbench_p50_ms": median(r["latency_p50_ms"] for r in pgbench),
            "pgbench_p99_ms": median(r["latency_p99_ms"] for r in pgbench),
            "ratio_median": round(median(ratios), 3),
            "ratios": [round(x, 3) for x in ratios],
            "cpu_ratio_median": round(median(cpu_ratios), 3) if cpu_ratios else None,
            "cpu_ratios": [round(x, 3) for x in cpu_ratios],
            "server_cores_others_max": max((r["cpu"]["server_cores_others"] for r in mine
                                            if r["cpu"].get("server_cores_others") is not None),
                                           default=None),
            "statements_per_request": median(r["server"]["statements_per_request"]
                                             for r in server),
            "server_cpu_us_per_request": cpu(server, "server_cpu_us_per_op"),
            "postgres_cpu_us_per_request": cpu(server, "postgres_cpu_us_per_op"),
            "postgres_cpu_us_per_transaction": cpu(pgbench, "postgres_cpu_us_per_op"),
            "wrk_core_busy": median((r.get("client") or {}).get("busy") for r in server),
            "pgbench_core_busy": median((r.get("client") or {}).get("busy") for r in pgbench),
            "cores_busy_server_side": {c: core(server, c) for c in server[0]["cpu"]["cores_busy"]},
            "cores_busy_pgbench_side": {c: core(pgbench, c)
                                        for c in pgbench[0]["cpu"]["cores_busy"]},
        })

    header = (f"{'conns':>5} {'db conns':>8} {'server req/s':>12} {'p50':>8} {'p99':>8} "
              f"{'pgbench tps':>11} {'avg':>8} {'p99':>8} {'ratio':>6} {'cpu ratio':>9}")
    print()
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['connections']:>5} {r['db_connections']:>8} {r['server_rps']:>12.0f} "
              f"{fmt(r['server_p50_ms'], '7.2f')}ms {fmt(r['server_p99_ms'], '6.2f')}ms "
              f"{r['pgbench_tps']:>11.0f} {fmt(r['pgbench_avg_ms'], '6.2f')}ms "
              f"{fmt(r['pgbench_p99_ms'], '6.2f')}ms {r['ratio_median']:>6.2f} "
              f"{fmt(r['cpu_ratio_median'], '9.2f')}")
    print()
    for r in rows:
        cores_s = " ".join(f"cpu{c} {v:.0%}" for c, v in r["cores_busy_server_side"].items()
                           if v is not None)
        cores_p = " ".join(f"cpu{c} {v:.0%}" for c, v in r["cores_busy_pgbench_side"].items()
                           if v is not None)
        print(f"{r['connections']} connections: ratios per round {r['ratios']}; "
              f"{fmt(r['statements_per_request'], '.2f')} statements per request (/metrics)")
        print(f"  CPU per timeline: server {fmt(r['server_cpu_us_per_request'], '.0f')} us + "
              f"PostgreSQL {fmt(r['postgres_cpu_us_per_request'], '.0f')} us (HTTP side), "
              f"PostgreSQL {fmt(r['postgres_cpu_us_per_transaction'], '.0f')} us (pgbench side)")
        others = ("" if r["server_cores_others_max"] is None else
                  f"; other processes took up to {r['server_cores_others_max']:.0%} of the "
                  f"server's cores")
        print(f"  cores busy: HTTP side {cores_s}; pgbench side {cores_p}{others}")
        print(f"  cpu ratios per round {r['cpu_ratios']}; load generators used "
              f"{fmt(r['wrk_core_busy'], '.0%')} (wrk) and {fmt(r['pgbench_core_busy'], '.0%')} "
              f"(pgbench) of their core")
    missed = [r["connections"] for r in rows if r["ratio_median"] < args.target]
    if missed:
        print(f"\nratio below the {args.target} target at {missed} connections")

    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "summary.json"), "w") as f:
            json.dump({"benchmark": "bench-timeline", "version": 1,
                       "parameters": json.loads(args.parameters), "summary": rows,
                       "runs": runs}, f, indent=2)
            f.write("\n")
        with open(os.path.join(args.out, "summary.csv"), "w", newline="") as f:
            flat = [{k: v for k, v in r.items() if not isinstance(v, (dict, list))} for r in rows]
            writer = csv.DictWriter(f, fieldnames=list(flat[0].keys()))
            writer.writeheader()
            writer.writerows(flat)


if __name__ == "__main__":
    main()
