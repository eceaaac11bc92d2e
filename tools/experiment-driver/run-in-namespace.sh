#!/bin/sh
# Runs the experiment driver inside private network, pid, IPC and mount namespaces:
#
#   tools/experiment-driver/run-in-namespace.sh PLAN.json
#
# No packet to an experiment address can leave the machine (the main namespace routes
# 10.0.0.0/8 elsewhere), and when the driver dies, even by SIGKILL, the kernel takes
# every host, bridge, veth, process and the scratch tmpfs with it (--kill-child: the
# driver is pid 1 of the new pid namespace and dies with unshare).
#
# The environment is rebuilt from nothing: Mininet needs the sbin folders on PATH and
# SHELL set, and Debian's /usr/bin/python3 is the one with the mininet module (a pyenv
# `python3` first on PATH would not have it).
#
# Stopping a run: unshare ignores SIGINT/SIGTERM while it waits, so signal the process
# group (kill -TERM -PGID; start this script in a group of its own) or the driver; the
# driver tears down and exits 3. SIGKILL to unshare or the driver is always safe.
# Exit code: the driver's (see driver.py), 1 if unshare itself fails.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
[ "$#" -ge 1 ] || { echo "usage: $0 PLAN.json" >&2; exit 2; }
if [ "$(id -u)" -ne 0 ]; then
  echo "driver: error: run-in-namespace.sh needs root (unshare --net)" >&2
  exit 2
fi
exec env -i \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  SHELL=/bin/bash \
  HOME="${HOME:-/root}" \
  LANG=C.UTF-8 \
  unshare --net --pid --ipc --fork --mount-proc --kill-child \
  /usr/bin/python3 -B "$here/driver.py" --in-namespace "$@"
