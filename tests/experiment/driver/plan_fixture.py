"""A small valid plan for the tests, built on the fake server and client."""

import copy
import os
import sys

import paths

PYTHON = sys.executable or "/usr/bin/python3"


def make_plan(out_dir, backend="loopback", ports=(18081, 18082), servers=2, clients=2,
              client_extra=(), database=None):
    bind = "127.0.0.1" if backend == "loopback" else "0.0.0.0"
    plan = {
        "schema": "minitwitter-experiment-plan/1",
        "experiment": "driver-test", "point": "p01", "repetition": 1,
        "outDir": out_dir, "backend": backend,
        "topology": {"kind": "single", "file": os.path.join(paths.TOPOLOGY_DIR, "single.py"),
                     "params": {"clients": clients, "servers": servers, "client_bw": 10},
                     "link": {"delay": "0ms", "loss": 0, "max_queue_size": 1000}},
        "database": database or {"kind": "sqlite"},
        "servers": [{"host": "s%d" % i, "port": ports[i - 1],
                     "argv": [PYTHON, os.path.join(paths.FAKES_DIR, "fake_server.py"),
                              "--bind", bind, "--port", str(ports[i - 1]),
                              "--tag", "{out}"],  # lets the tests find it in /proc
                     "env": {"HOST": "{ip:db}", "DB": "twitter"},
                     "log": "s%d.log" % i, "metrics": "s%d.metrics" % i}
                    for i in range(1, servers + 1)],
        "haproxy": None,
        "clients": [{"host": "c%d" % j,
                     "argv": [PYTHON, os.path.join(paths.FAKES_DIR, "fake_client.py"),
                              "--target", "http://{ip:s%d}:%d" % ((j - 1) % servers + 1,
                                                                   ports[(j - 1) % servers]),
                              "--output", "{out}/c%d.json" % j] + list(client_extra),
                     "output": "c%d.json" % j, "log": "c%d.log" % j}
                    for j in range(1, clients + 1)],
        "timing": {"startDelaySeconds": 0.5, "deadlineSeconds": 60},
        "binaries": {},
    }
    return copy.deepcopy(plan)
