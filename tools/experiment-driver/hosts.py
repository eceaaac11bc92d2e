"""Where processes run: a Mininet host's network namespace, or this machine (loopback).

Both offer the same small interface, so the experiment steps do not care which.
"""

import ctypes
import os
import shutil
import signal
import subprocess

_PR_SET_PDEATHSIG = 1


def as_user(user, argv, die_with_parent=False):
    """argv run as `user` (PostgreSQL refuses root); setpriv execs, so the pid stays the
    program's own (the postmaster is signalled directly, never a wrapper). Changing
    user clears the parent-death signal, so setpriv sets it again when asked."""
    if user is None or os.geteuid() != 0:
        return list(argv)
    return (["setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"]
            + (["--pdeathsig=KILL"] if die_with_parent else []) + ["--"] + list(argv))


def _die_with_driver():
    """In the child before exec: SIGKILL when the driver dies, even by SIGKILL. Outside
    a private pid namespace this is what keeps a killed loopback run from leaving
    servers and PostgreSQL behind."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


class LocalHost:
    """A role host on loopback: everything runs here, on 127.0.0.1."""

    def __init__(self, name):
        self.name = name

    def ip(self):
        return "127.0.0.1"

    def popen(self, argv, user=None, **kwargs):
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        return subprocess.Popen(as_user(user, argv, die_with_parent=True),
                                start_new_session=True, preexec_fn=_die_with_driver, **kwargs)


class MininetHost:
    """A Mininet host: processes join its network namespace through mnexec."""

    def __init__(self, node):
        self.node = node
        self.name = node.name
        self._mnexec = shutil.which("mnexec") or "mnexec"

    def ip(self):
        return self.node.IP()

    def popen(self, argv, user=None, **kwargs):
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        # -d: a session of its own (its group is its pid), -a: the host's namespaces.
        mncmd = [self._mnexec, "-da", str(self.node.pid)]
        return self.node.popen(as_user(user, argv), mncmd=mncmd, **kwargs)
