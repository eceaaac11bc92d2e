#!/usr/bin/env python3
"""Runs a command and records the CPU time it used, to tell whether the load generator
(wrk, pgbench) had CPU to spare: `cputime.py OUT -- COMMAND ARGS...` writes
`{"user": s, "system": s, "wall": s}` to OUT and exits with the command's status.
"""
import json
import os
import sys
import time


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit("usage: cputime.py OUT -- COMMAND [ARGS...]")
    out, command = sys.argv[1], sys.argv[3:]
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(out, "w") as f:
        json.dump({"user": usage.ru_utime, "system": usage.ru_stime,
                   "wall": time.monotonic() - start}, f)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
