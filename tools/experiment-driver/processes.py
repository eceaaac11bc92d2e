"""Processes the driver started, and stopping them for certain.

Every process runs in a session of its own (mnexec -d or start_new_session), so its
process group is its pid and signalling the group reaches anything it forked. A group
is only signalled while its leader is an unreaped child of ours, so the pid cannot
have been reused by somebody else's process.
"""

import os
import signal
import subprocess
import time

BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def base_environment():
    """What every started process sees besides the plan's own variables: nothing
    inherited that could change its behaviour (a stray DB= would select PostgreSQL)."""
    return {"PATH": BASE_PATH, "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"}


class ManagedProcess:
    def __init__(self, name, role, popen, log=None):
        self.name, self.role, self.popen, self.log = name, role, popen, log
        self.exit_before_stop = None   # exit code if it ended on its own
        self.stopped_by = None         # the signal the driver used, if any

    @property
    def pid(self):
        return self.popen.pid

    def poll(self):
        code = self.popen.poll()
        if code is not None and self.stopped_by is None and self.exit_before_stop is None:
            self.exit_before_stop = code
        return code

    def running(self):
        return self.poll() is None

    def signal_group(self, signum):
        if self.popen.poll() is not None:
            return
        try:
            os.killpg(self.popen.pid, signum)
        except ProcessLookupError:
            pass
        except PermissionError:
            self.popen.send_signal(signum)

    def stop(self, first_signal=signal.SIGTERM, grace=10.0, group=True):
        """Ask with first_signal, then SIGKILL after grace seconds. Returns the exit status."""
        if self.poll() is not None:
            return self.popen.returncode
        self.stopped_by = signal.Signals(first_signal).name
        if group:
            self.signal_group(first_signal)
        else:
            self.popen.send_signal(first_signal)
        try:
            return self.popen.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.stopped_by += "+SIGKILL"
            self.signal_group(signal.SIGKILL)
            try:
                return self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                return None


def wait_all(processes, deadline):
    """Wait until every process ended or time.monotonic() passes deadline; the ones left."""
    while True:
        left = [process for process in processes if process.running()]
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.1)


def reap_orphans():
    """As pid 1 of the experiment's pid namespace the driver inherits orphans (e.g. a
    PostgreSQL backend whose postmaster died). Call only once every Popen is waited for."""
    reaped = 0
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return reaped
        if pid == 0:
            return reaped
        reaped += 1
